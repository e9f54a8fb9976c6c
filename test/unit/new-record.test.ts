// `npm run new`: a contributor in the repository gets a skeleton that validates as it is.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "registry-new-"));
const tsx = "node_modules/tsx/dist/cli.mjs";
// A data folder with the real products (a deployment names one) and nothing else.
cpSync("data/products", join(dir, "products"), { recursive: true });
mkdirSync(join(dir, "deployments"));
mkdirSync(join(dir, "positions"));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [tsx, "scripts/new-record.ts", ...args], {
    env: { ...process.env, REGISTRY_DATA_DIR: dir },
    encoding: "utf8",
  });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts the CLI as a person would; on a loaded machine a start takes seconds.
describe("npm run new", { timeout: 180_000 }, () => {
  it("writes a deployment, a product and a position skeleton that npm run validate accepts unchanged", () => {
    expect(run("deployment", "de-beispiel-amt", "--product", "threema").status).toBe(0);
    expect(run("product", "beispiel-chat").status).toBe(0);
    expect(run("position", "de-beispiel-empfehlung").status).toBe(0);
    const deployment = readFileSync(join(dir, "deployments/de-beispiel-amt.yaml"), "utf8");
    expect(deployment.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=../../public/schema/deployment.schema.json",
    );
    expect(deployment).toContain("country: DE");
    expect(deployment).toContain("product: threema");
    expect(deployment).toMatch(/^reviewed: "\d{4}-\d{2}-\d{2}"$/m);
    const validated = execFileSync(process.execPath, [tsx, "scripts/validate.ts", dir], { encoding: "utf8" });
    expect(validated).toMatch(/files valid \(1 deployments, \d+ products, 1 positions\)/);
  });

  it("refuses an existing id, a malformed id, an unknown product and an unknown kind", () => {
    expect(run("deployment", "de-beispiel-amt").stderr).toContain("exists already");
    expect(run("deployment", "De_Bad").status).toBe(2);
    expect(run("deployment", "de-other", "--product", "no-such-product").stderr).toContain("no-such-product");
    expect(run("thing", "x").stderr).toContain("usage: npm run new");
  });
});
