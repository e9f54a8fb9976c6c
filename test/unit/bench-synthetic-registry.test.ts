// The benchmark's synthetic registry: valid for the real validator, varied like a grown registry, data/ untouched.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem, validateRegistry } from "../../src/lib/validation/validate-registry.ts";
import { writeSyntheticRegistry } from "../../scripts/bench/synthetic-registry.ts";
import { dataFingerprint } from "../e2e/data-fingerprint.ts";

const outDir = mkdtempSync(join(tmpdir(), "bench-registry-test-"));
const before = dataFingerprint("data");
const registry = writeSyntheticRegistry({ sourceDir: "data", outDir, deployments: 400 });
const { problems, registry: loaded } = validateRegistry(outDir, outDir);
const deployments = loaded.deployments.map((record) => record.data);
type Deployment = (typeof deployments)[number];
const clones = loaded.deployments
  .filter((record) => !registry.realDeploymentIds.includes(record.id))
  .map((r) => r.data);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("synthetic registry", () => {
  it("passes the validator as generated, with the asked number of deployments and products and positions scaled", () => {
    expect(problems.filter((problem) => problem.severity === "error").map(formatProblem)).toEqual([]);
    expect(registry.plainCopies).toBe(0);
    expect(loaded.deployments).toHaveLength(400);
    expect(loaded.products).toHaveLength(registry.counts.products);
    expect(loaded.positions).toHaveLength(registry.counts.positions);
    expect(registry.counts.products).toBeGreaterThan(readdirSync("data/products").length);
    expect(registry.counts.positions).toBeGreaterThan(readdirSync("data/positions").length);
  });

  it("holds every real record unchanged, and leaves data/ as it was", () => {
    for (const id of registry.realDeploymentIds) {
      expect(readFileSync(join(outDir, "deployments", `${id}.yaml`), "utf8")).toBe(
        readFileSync(join("data", "deployments", `${id}.yaml`), "utf8"),
      );
    }
    expect(dataFingerprint("data")).toBe(before);
  });

  it("spreads clones over many countries and regions, and over product variants", () => {
    expect(new Set(clones.map((d) => d.country).filter(Boolean)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(clones.map((d) => d.region).filter(Boolean)).size).toBeGreaterThanOrEqual(20);
    const realProducts = new Set(readdirSync("data/products").map((name) => name.replace(/\.yaml$/, "")));
    expect(clones.some((d) => d.product !== undefined && !realProducts.has(d.product.value))).toBe(true);
  });

  it("varies histories, sources and disputes", () => {
    const ids = new Set(loaded.deployments.map((record) => record.id));
    const superseded = clones.flatMap((d) => d.status.filter((step) => step.status === "superseded"));
    expect(superseded.length).toBeGreaterThan(0);
    for (const step of superseded) expect(ids.has(step.supersededBy!)).toBe(true);
    expect(clones.some((d) => d.status.at(-1)!.status === "discontinued")).toBe(true);
    expect(clones.some((d) => d.sources.some((source) => source.id.startsWith("lokal-") && !source.url))).toBe(true);
    const disputed = (d: Deployment) =>
      [d.federation, d.reach ?? [], d.interoperability ?? [], d.topology ?? []].some(
        (claims) => new Set(claims.map((claim) => claim.value)).size > 1,
      );
    expect(clones.filter(disputed).length).toBeGreaterThanOrEqual(0.2 * clones.length);
  });

  it("names a country with the most entries and a place word that the clones' names contain", () => {
    const inCountry = deployments.filter((d) => d.country === registry.largestCountry).length;
    for (const code of new Set(deployments.map((d) => d.country))) {
      expect(inCountry).toBeGreaterThanOrEqual(deployments.filter((d) => d.country === code).length);
    }
    const named = clones.filter((d) => JSON.stringify(d.authorities).includes(registry.commonPlaceWord));
    expect(named.length).toBeGreaterThan(0);
  });
});
