// What the coverage page reports: counts a reader sees and the lists of gaps.
import type { ClaimSummary } from "../../src/lib/model/derive.ts";
import { describe, expect, it } from "vitest";
import {
  coverage,
  protocolTally,
  type DeploymentRecord,
  type PositionRecord,
  type ProductRecord,
} from "../../src/lib/model/coverage.ts";
import { level, protocol, sector } from "../../src/schema/vocabulary.ts";

type Finding = { field: string; summary: ClaimSummary<string> };
/** Each disputed field with every value its sources give. */
const disputedValues = (fields: Finding[]) =>
  fields.map(({ field, summary }) => ({ field, values: summary.kind === "disputed" ? summary.values : [] }));
/** Each presumed field with the value presumed. */
const presumedValues = (fields: Finding[]) =>
  fields.map(({ field, summary }) => ({ field, value: summary.kind === "agreed" ? summary.value : "disputed" }));

const withLink = { id: "a", kind: "official", publisher: "Ministry", url: "https://example.org/a" } as const;
const withoutLink = { id: "b", kind: "press", publisher: "Daily paper" } as const;

function product(id: string, overrides: Partial<ProductRecord> = {}): ProductRecord {
  return {
    id,
    name: id.toUpperCase(),
    protocol: [{ value: "matrix", sources: ["a"], confidence: "confirmed" }],
    architecture: [{ value: "federated", sources: ["a"], confidence: "confirmed" }],
    licences: {
      client: [{ value: "free", sources: ["a"], confidence: "confirmed" }],
      server: [{ value: "free", sources: ["a"], confidence: "confirmed" }],
    },
    openQuestions: [],
    sources: [withLink],
    ...overrides,
  };
}

/** The product link of a deployment that names its product without a source of its own. */
const uses = (id: string) => ({ value: id, sources: [], confidence: "unattributed" as const });

function deployment(id: string, overrides: Partial<DeploymentRecord> = {}): DeploymentRecord {
  return {
    id,
    country: "DE",
    level: "national",
    sectors: ["police"],
    kind: "deployment",
    authorities: [{ name: { de: `Behörde ${id}`, en: `Authority ${id}` }, sources: [], confidence: "unattributed" }],
    product: uses("chat"),
    federation: [{ value: "disabled", sources: ["a"], confidence: "confirmed" }],
    approvals: [],
    openQuestions: [],
    sources: [withLink],
    ...overrides,
  };
}

const products = [
  product("chat"),
  product("closed", {
    protocol: [{ value: "vendor", sources: ["a"], confidence: "vendor" }],
    licences: {
      client: [{ value: "proprietary", sources: ["b"], confidence: "presumed" }],
      server: [{ value: "proprietary", sources: ["b"], confidence: "presumed" }],
    },
    sources: [withLink, withoutLink],
  }),
  product("argued", {
    protocol: [
      { value: "xmpp", sources: ["a"], confidence: "confirmed" },
      { value: "vendor", sources: ["b"], confidence: "reported" },
    ],
    openQuestions: ["Welches Protokoll?"],
  }),
];

const deployments = [
  deployment("de-police", { name: "PolChat" }),
  deployment("de-schools", {
    level: "state",
    sectors: ["schools", "administration"],
    product: uses("closed"),
    federation: [{ value: "presumed-disabled", sources: ["b"], confidence: "presumed" }],
    openQuestions: ["Wer betreibt es?", "Seit wann?"],
    sources: [withoutLink],
  }),
  deployment("ch-army", {
    country: "CH",
    sectors: ["military"],
    product: uses("closed"),
    federation: [
      { value: "enabled-allowlist", sources: ["a"], confidence: "confirmed" },
      { value: "disabled", sources: ["b"], confidence: "reported" },
    ],
  }),
  deployment("nato", { country: undefined, organisation: "NATO", level: "international", sectors: ["military"] }),
];

const positions: PositionRecord[] = [
  { id: "advice", title: { en: "Advice" }, openQuestions: ["Who wrote it?"], sources: [withoutLink, withoutLink] },
];

const report = coverage({ deployments, products, positions });

describe("coverage counts", () => {
  it("counts records and jurisdictions", () => {
    expect(report.totals).toEqual({ deployments: 4, jurisdictions: 3, products: 3, positions: 1 });
  });

  it("counts deployments per country or organisation, most first", () => {
    expect(report.byJurisdiction).toEqual([
      { key: "DE", count: 2 },
      { key: "CH", count: 1 },
      { key: "NATO", count: 1 },
    ]);
  });

  it("counts every level in vocabulary order, zeros included", () => {
    const counted: Record<string, number> = { international: 1, national: 2, state: 1 };
    expect(report.byLevel).toEqual(level.options.map((key) => ({ key, count: counted[key] ?? 0 })));
  });

  it("counts a deployment in each sector it serves", () => {
    const count = (key: string) => report.bySector.find((row) => row.key === key)?.count;
    expect([count("police"), count("schools"), count("administration"), count("military")]).toEqual([1, 1, 1, 2]);
  });

  it("lists sectors without any deployment", () => {
    const served = ["police", "schools", "administration", "military"];
    expect(report.emptySectors).toContain("healthcare");
    expect(report.emptySectors).toEqual(sector.options.filter((key) => !served.includes(key)));
  });
});

describe("practices and offers", () => {
  const withApart = coverage({
    deployments: [
      ...deployments,
      deployment("town-halls", { kind: "practice", level: "local" }),
      deployment("vendor-offer", { kind: "offer", product: uses("closed") }),
    ],
    products,
    positions,
  });

  it("count in no figure", () => {
    expect(withApart.totals).toEqual(report.totals);
    expect(withApart.byLevel).toEqual(report.byLevel);
    expect(withApart.byField).toEqual(report.byField);
  });

  it("are listed apart with their kind", () => {
    expect(withApart.apart.map((record) => [record.id, record.kind])).toEqual([
      ["town-halls", "practice"],
      ["vendor-offer", "offer"],
    ]);
  });
});

describe("protocols", () => {
  it("count products and their deployments, with disputed products in their own row", () => {
    const counted: Record<string, [string[], number]> = { matrix: [["chat"], 2], vendor: [["closed"], 2] };
    expect(report.byProtocol.map((row) => [row.protocol, row.products.map((p) => p.id), row.deployments])).toEqual([
      ...protocol.options.map((key) => [key, ...(counted[key] ?? [[], 0])]),
      ["disputed", ["argued"], 0],
    ]);
  });

  it("leave out the disputed row when every product's sources agree", () => {
    expect(protocolTally([product("chat")], []).map((row) => row.protocol)).toEqual(protocol.options);
  });

  it("count a deployment that names no product under the protocol it states itself", () => {
    const unnamed = deployment("eu-trial", {
      product: undefined,
      protocol: [{ value: "matrix", sources: ["a"], confidence: "reported" }],
    });
    const rows = protocolTally(products, [unnamed, deployment("x", { product: undefined })]);
    expect(rows.find((r) => r.protocol === "matrix")?.deployments).toBe(1);
    expect(rows.find((r) => r.protocol === "unknown")?.deployments).toBe(1);
  });

  it("count a product without a protocol claim as unknown", () => {
    const row = protocolTally([product("silent", { protocol: [] })], [{ product: uses("silent") }]).find(
      (r) => r.protocol === "unknown",
    );
    expect(row).toMatchObject({ deployments: 1 });
    expect(row?.products.map((p) => p.id)).toEqual(["silent"]);
  });
});

describe("where the registry knows little", () => {
  it("lists records with open questions and how many", () => {
    expect(report.openQuestions.map((r) => [r.collection, r.id, r.count])).toEqual([
      ["deployments", "de-schools", 2],
      ["products", "argued", 1],
      ["positions", "advice", 1],
    ]);
  });

  it("names a deployment by its authority and its system or product", () => {
    expect(report.openQuestions[0]).toMatchObject({
      title: { de: "Behörde de-schools", en: "Authority de-schools" },
      subtitle: "CLOSED",
    });
  });

  it("lists records with sources that have no link", () => {
    expect(report.missingLinks.map((r) => [r.id, r.missing, r.total])).toEqual([
      ["de-schools", 1, 1],
      ["closed", 1, 2],
      ["advice", 2, 2],
    ]);
  });

  it("lists fields where the sources disagree, with every value", () => {
    expect(report.disputes.map((r) => [r.id, disputedValues(r.fields)])).toEqual([
      ["ch-army", [{ field: "federation", values: ["enabled-allowlist", "disabled"] }]],
      ["argued", [{ field: "protocol", values: ["xmpp", "vendor"] }]],
    ]);
  });

  it("counts sources disagreeing on one classification as a dispute, but not two classifications", () => {
    const approval = (classification: string, status: "approved" | "planned", confidence: "reported" | "vendor") => ({
      classification,
      status,
      sources: ["a"],
      confidence,
    });
    const disputed = coverage({
      deployments: [
        deployment("de-army", {
          approvals: [approval("VS-NfD", "approved", "vendor"), approval("VS-NfD", "planned", "reported")],
        }),
        deployment("de-two", {
          approvals: [approval("VS-NfD", "approved", "reported"), approval("offen", "planned", "reported")],
        }),
      ],
      products,
      positions: [],
    });
    const deploymentDisputes = disputed.disputes.filter((r) => r.collection === "deployments");
    expect(deploymentDisputes.map((r) => [r.id, disputedValues(r.fields)])).toEqual([
      ["de-army", [{ field: "approvals", values: ["approved", "planned"] }]],
    ]);
  });

  it("lists fields that rest only on an editor's presumption", () => {
    expect(report.presumptions.map((r) => [r.id, presumedValues(r.fields)])).toEqual([
      ["de-schools", [{ field: "federation", value: "presumed-disabled" }]],
      [
        "closed",
        [
          { field: "licences.client", value: "proprietary" },
          { field: "licences.server", value: "proprietary" },
        ],
      ],
    ]);
  });
});
