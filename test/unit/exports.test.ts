// The open-data exports as a program reading them would: complete, valid, and safe in a spreadsheet.
import { describe, expect, it } from "vitest";
import {
  csvCell,
  deploymentsCsv,
  deploymentsDocument,
  positionsDocument,
  productsDocument,
} from "../../src/lib/outputs/exports.ts";
import { deploymentsExport, positionsExport, productsExport } from "../../src/lib/outputs/export-schema.ts";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { buildRegistry } from "../../src/lib/model/registry-model.ts";
import { deploymentSchema, productSchema } from "../../src/schema/index.ts";
import { readdirSync } from "node:fs";

const site = "https://registry.example.org";
const context = { siteUrl: site, generated: new Date("2026-01-01T00:00:00Z") };
const model = registryFromFiles("data");
const fileIds = (collection: string) =>
  readdirSync(`data/${collection}`)
    .map((name) => name.replace(/\.yaml$/, ""))
    .sort();

/** RFC 4180 parsing, written independently of the exporter. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(cell), (cell = ""));
    else if (c === "\r" && text[i + 1] === "\n") ((row.push(cell), rows.push(row), (row = []), (cell = "")), i++);
    else cell += c;
  }
  return rows;
}

describe("JSON exports", () => {
  it("hold exactly the records in data/, each valid against the export schema", () => {
    const deployments = deploymentsExport.parse(deploymentsDocument(model, context));
    const products = productsExport.parse(productsDocument(model, context));
    const positions = positionsExport.parse(positionsDocument(model, context));
    expect(deployments.deployments.map((d) => d.id).sort()).toEqual(fileIds("deployments"));
    expect(products.products.map((p) => p.id).sort()).toEqual(fileIds("products"));
    expect(positions.positions.map((p) => p.id).sort()).toEqual(fileIds("positions"));
    expect(deployments.count).toBe(fileIds("deployments").length);
    expect(deployments.licence.id).toBe("CC-BY-4.0");
    expect(deployments.generated).toBe("2026-01-01T00:00:00.000Z");
  });

  it("carry a data version that changes when a record changes", () => {
    const before = deploymentsDocument(model, context).dataVersion;
    const changed = buildRegistry(
      model.deployments.map((d, i) => ({
        id: d.id,
        data: i === 0 ? { ...d.record, reviewed: "2020-01-01" } : d.record,
      })),
      model.products.map((p) => ({ id: p.id, data: p.record })),
      model.positions.map((p) => ({ id: p.id, data: p.record })),
    );
    expect(deploymentsDocument(changed, context).dataVersion).not.toBe(before);
    expect(before).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe("CSV export", () => {
  it("neutralizes cells that a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+49 30")).toBe("'+49 30");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("Polizei")).toBe("Polizei");
  });

  it("survives a round trip with one row per deployment", () => {
    const rows = parseCsv(deploymentsCsv(model, site).replace(/^\uFEFF/, ""));
    const [header, ...body] = rows;
    expect(body).toHaveLength(model.deployments.length);
    expect(body.map((row) => row[0]).sort()).toEqual(fileIds("deployments"));
    const column = (name: string) => header!.indexOf(name);
    for (const row of body) {
      const deployment = model.deployments.find((d) => d.id === row[0])!;
      expect(row[column("reviewed")]).toBe(deployment.reviewed ?? "");
      expect(row[column("product")]).toBe(deployment.product?.value ?? "");
      // The status date is that of the current (last) step, empty when that step is undated.
      const last = deployment.record.status.at(-1)!;
      expect(row[column("current_status")], deployment.id).toBe(last.status);
      expect(row[column("status_date")], deployment.id).toBe(last.date ?? last.asOf ?? "");
      expect(row[column("current_status_confidence")], deployment.id).toBe(last.confidence);
      // Whose presumption the federation value is, read from the record itself.
      const federation = deployment.record.federation;
      const presumedOnly = federation.every((claim) => claim.confidence === "presumed");
      const expectedBy = presumedOnly ? [...new Set(federation.map((claim) => claim.presumedBy))].sort().join("|") : "";
      if (new Set(federation.map((claim) => claim.value)).size === 1) {
        expect(row[column("federation_presumed_by")], deployment.id).toBe(expectedBy);
      }
      expect(row).toHaveLength(header!.length);
    }
  });

  it("keeps quotes, commas, line breaks and umlauts, and defuses a formula in free text", () => {
    const product = productSchema.parse({
      name: 'Chat, "Pro"',
      protocol: "matrix",
      architecture: "federated",
      licences: { client: "free", server: "free" },
      summary: "x",
      reviewed: "2024-01-01",
      sources: [{ id: "s", kind: "press", publisher: "P" }],
    });
    const deployment = deploymentSchema.parse({
      country: "DE",
      level: "local",
      sectors: ["municipalities"],
      authorities: [{ name: "Stadt Köln" }],
      product: "chat",
      federation: "unknown",
      status: [{ status: "active" }],
      summary: { de: '=1+1, "zitiert"\nzweite Zeile – äöüß', en: "x" },
      reviewed: "2024-01-01",
      sources: [{ id: "s", kind: "press", publisher: "P" }],
    });
    const tiny = buildRegistry([{ id: "de-koeln", data: deployment }], [{ id: "chat", data: product }], []);
    const [header, row] = parseCsv(deploymentsCsv(tiny, site).replace(/^\uFEFF/, ""));
    expect(row![header!.indexOf("summary_de")]).toBe('\'=1+1, "zitiert"\nzweite Zeile – äöüß');
    expect(row![header!.indexOf("product_name")]).toBe('Chat, "Pro"');
    expect(row![header!.indexOf("authorities_de")]).toBe("Stadt Köln");
  });
});
