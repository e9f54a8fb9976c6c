// Who can reach whom: the circle each deployment's users reach, derived from its facts.
import { describe, expect, it } from "vitest";
import { deploymentSchema, productSchema } from "../../src/schema/index.ts";
import { buildRegistry } from "../../src/lib/model/registry-model.ts";
import { reachOverview } from "../../src/lib/model/reach.ts";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";
import { headlineValue } from "../../src/lib/model/derive.ts";
import { reachDiagram } from "../../src/lib/site/charts/reach-diagram.ts";
import { classesOf, reachClassLists } from "../../src/lib/site/reach-lists.ts";
import { firstOf } from "../../src/lib/site/table-pages.ts";

const sources = [
  { id: "s", kind: "press", publisher: "P" },
  { id: "t", kind: "official", publisher: "Q" },
];
const product = (protocol: string) =>
  productSchema.parse({
    name: `Chat ${protocol}`,
    protocol,
    architecture: "federated",
    licences: { client: "free", server: "free" },
    summary: "x",
    reviewed: "2024-01-01",
    sources,
  });

/** A deployment record with the given federation-related fields. */
const deployment = (fields: Record<string, unknown>) =>
  deploymentSchema.parse({
    country: "DE",
    level: "local",
    sectors: ["municipalities"],
    authorities: [{ name: "Stadt" }],
    product: "matrix-chat",
    federation: "unknown",
    status: [{ status: "active" }],
    summary: "x",
    reviewed: "2024-01-01",
    sources,
    ...fields,
  });

function modelOf(records: Record<string, Record<string, unknown>>) {
  return buildRegistry(
    Object.entries(records).map(([id, fields]) => ({ id, data: deployment(fields) })),
    [
      { id: "matrix-chat", data: product("matrix") },
      { id: "xmpp-chat", data: product("xmpp") },
    ],
    [],
  );
}
function overviewOf(records: Record<string, Record<string, unknown>>) {
  return reachOverview(modelOf(records).deployments);
}

describe("who can reach whom", () => {
  it("puts a deployment without federation on an island of its own", () => {
    const reach = overviewOf({ a: { federation: { value: "disabled", sources: ["t"], confidence: "confirmed" } } });
    expect(reach.byId.get("a")).toMatchObject({ class: "island", presumed: false });
    expect(reach.counts.island).toBe(1);
    expect(reach.networks).toEqual([]);
  });

  it("keeps a presumed island a presumption", () => {
    const reach = overviewOf({
      a: { federation: { value: "presumed-disabled", sources: ["s"], confidence: "presumed" } },
      b: { federation: { value: "disabled", sources: ["t"], confidence: "confirmed" } },
    });
    expect(reach.byId.get("a")).toMatchObject({ class: "island", presumed: true });
    expect(reach.byId.get("a")!.circles[0]!.presumed).toBe(true);
    expect(reach.byId.get("b")!.presumed).toBe(false);
    expect(reach.counts.island).toBe(2);
    expect(reach.presumedIslands).toBe(1);
  });

  it("joins deployments that share an allow-list group, and names each one's peers", () => {
    const allowlist = { value: "enabled-allowlist", sources: ["t"], confidence: "confirmed" };
    const reach = overviewOf({
      a: { federation: allowlist, federationGroup: "Verbund" },
      b: { federation: allowlist, federationGroup: "Verbund" },
      c: { federation: allowlist, federationGroup: "Other" },
      d: { federation: "disabled" },
    });
    expect(reach.byId.get("a")).toMatchObject({ class: "group", groupPeers: ["b"] });
    expect(reach.byId.get("c")!.groupPeers).toEqual([]);
    expect(reach.networks.map((n) => [n.kind, n.name, n.members])).toEqual([
      ["group", "Verbund", ["a", "b"]],
      ["group", "Other", ["c"]],
    ]);
    expect(reach.counts).toMatchObject({ group: 3, island: 1 });
  });

  it("connects open federation by protocol", () => {
    const reach = overviewOf({
      a: { federation: "enabled-open" },
      b: { federation: "enabled-open", product: "xmpp-chat" },
      c: { federation: "enabled-open" },
    });
    expect(reach.byId.get("b")!.circles[0]).toMatchObject({ kind: "open", protocol: "xmpp" });
    expect(reach.networks.map((n) => [n.name, n.members])).toEqual([
      ["matrix", ["a", "c"]],
      ["xmpp", ["b"]],
    ]);
  });

  it("reaches other systems through bridges, naming them, even without federation", () => {
    const reach = overviewOf({ a: { federation: "disabled", interoperability: "bridges", bridgesTo: ["XMPP"] } });
    expect(reach.byId.get("a")!.circles[0]).toMatchObject({ kind: "bridged", bridgesTo: ["XMPP"] });
  });

  it("shows both circles when the sources disagree, with the group the one side puts it in", () => {
    const reach = overviewOf({
      a: {
        federation: [
          { value: "presumed-disabled", sources: ["s"], confidence: "presumed" },
          { value: "enabled-allowlist", sources: ["t"], confidence: "vendor" },
        ],
        federationGroup: "Core",
      },
      b: { federation: "enabled-allowlist", federationGroup: "Core" },
    });
    const a = reach.byId.get("a")!;
    expect(a.class).toBe("disputed");
    expect(a.presumed).toBe(false);
    expect(a.circles.map((c) => [c.kind, c.presumed])).toEqual([
      ["island", true],
      ["group", false],
    ]);
    expect(a.groupPeers).toEqual(["b"]);
    expect(reach.networks[0]).toMatchObject({ name: "Core", members: ["b"], disputedMembers: ["a"] });
    expect(reach.counts).toMatchObject({ disputed: 1, group: 1, island: 0 });
  });

  it("keeps an allow-list the record does not name as a network of its own, not joined with others", () => {
    const reach = overviewOf({
      a: { federation: "enabled-allowlist" },
      b: { federation: "enabled-allowlist" },
    });
    expect(reach.networks.map((n) => [n.key, n.name, n.members])).toEqual([
      ["group:a", undefined, ["a"]],
      ["group:b", undefined, ["b"]],
    ]);
    expect(reach.byId.get("a")!.groupPeers).toEqual([]);
  });

  it("does not know when no source says anything about federation, but keeps whom people can reach", () => {
    const reach = overviewOf({ a: { reach: { value: "citizens", sources: ["s"], confidence: "reported" } } });
    const a = reach.byId.get("a")!;
    expect(a.class).toBe("unknown");
    expect(headlineValue(a.people)).toBe("citizens");
  });

  it("counts every deployment of the real data exactly once", () => {
    const model = registryFromFiles("data");
    const reach = reachOverview(model.deployments);
    const sum = Object.values(reach.counts).reduce((a, b) => a + b, 0);
    expect(sum).toBe(model.deployments.length);
    expect(reach.total).toBe(model.deployments.length);
  });
});

describe("the reach page at scale", () => {
  const allowlist = { value: "enabled-allowlist", sources: ["t"], confidence: "confirmed" };
  const records: Record<string, Record<string, unknown>> = {};
  const add = (prefix: string, count: number, fields: Record<string, unknown>) => {
    for (let i = 0; i < count; i += 1) records[`${prefix}-${String(i).padStart(2, "0")}`] = fields;
  };
  add("island", 30, { federation: "disabled" });
  add("big", 12, { federation: allowlist, federationGroup: "Big" });
  add("mid", 5, { federation: allowlist, federationGroup: "Mid" });
  add("small", 2, { federation: allowlist, federationGroup: "Small" });
  add("unknown", 8, {});
  const deployments = modelOf(records).deployments;
  const overview = reachOverview(deployments);
  const drawnIds = (diagram: ReturnType<typeof reachDiagram>) => diagram.nodes.map((node) => node.id);

  it("draws everyone once while the groups are small", () => {
    const small = Object.fromEntries(Object.entries(records).filter(([id]) => !id.startsWith("big-")));
    const smallDeployments = modelOf(small).deployments;
    const diagram = reachDiagram(reachOverview(smallDeployments), smallDeployments, "en");
    expect(drawnIds(diagram).sort()).toEqual(Object.keys(small).sort());
    expect(diagram.networksLeftOut).toBeUndefined();
    expect(diagram.networks.every((network) => network.more === undefined)).toBe(true);
  });

  it("draws the largest networks and so many dots per box or band, and counts the rest", () => {
    for (const width of [960, 400]) {
      const diagram = reachDiagram(overview, deployments, "en", width, { networks: 2, namesPerGroup: 10 });
      const ids = drawnIds(diagram);
      expect(new Set(ids).size, "no deployment drawn twice").toBe(ids.length);
      // Each drawn network shows what fits in one row, and counts the rest.
      const [big, mid] = diagram.networks;
      const drawn = (prefix: string) => ids.filter((id) => id.startsWith(prefix)).length;
      expect(drawn("big-")).toBeGreaterThan(0);
      expect(drawn("big-") + big!.more!.count).toBe(12);
      expect(drawn("mid-") + (mid!.more?.count ?? 0)).toBe(5);
      expect(drawn("small-")).toBe(0);
      expect(drawn("island-")).toBe(10);
      expect(drawn("unknown-")).toBe(8);
      expect(diagram.networksLeftOut).toMatchObject({ networks: 1, deployments: 2 });
      expect(Object.fromEntries(diagram.bands.map((band) => [band.reachClass, band.more?.count]))).toEqual({
        island: 20,
        unknown: undefined,
      });
      // Everything drawn stays inside the picture.
      for (const node of diagram.nodes) {
        expect(node.x).toBeLessThanOrEqual(diagram.width);
        expect(node.y).toBeLessThanOrEqual(diagram.height);
      }
    }
  });

  it("lists each class whole, in the order of jurisdiction and name, for the class pages", () => {
    const byId = new Map(deployments.map((d) => [d.id, d]));
    const lists = reachClassLists(overview, byId, "de");
    expect(lists.map((list) => [list.reachClass, list.ids.length])).toEqual([
      ["island", 30],
      ["group", 19],
      ["unknown", 8],
    ]);
    expect(lists.flatMap((list) => list.ids).sort()).toEqual(Object.keys(records).sort());
    expect(firstOf(lists[0]!.ids, 10)).toMatchObject({ more: 20 });
    expect(firstOf(lists[0]!.ids, 10).shown).toHaveLength(10);
    expect(classesOf(["small-00", "island-03"], overview)).toEqual(["island", "group"]);
  });
});
