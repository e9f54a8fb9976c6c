// Related entries on an entry page: the closest few of a group, however large the group.
import { describe, expect, it } from "vitest";
import type { DeploymentEntry } from "../../src/lib/model/registry-model.ts";
import { closeness, mostRelated, relatedLimit } from "../../src/lib/model/related.ts";

const sectors = ["police", "schools", "healthcare", "ministries"] as const;
const levels = ["national", "state", "local"] as const;

/** A deployment with only what closeness reads, varied by a simple pseudo-random sequence. */
function fakeDeployments(count: number): DeploymentEntry[] {
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  return Array.from(
    { length: count },
    (_, index) =>
      ({
        id: `de-${String(next(100000)).padStart(5, "0")}-${index}`,
        region: next(3) === 0 ? undefined : `DE-${["BY", "BW", "HE"][next(3)]}`,
        productEntry: next(4) === 0 ? undefined : { id: ["stashcat", "element", "threema"][next(3)] },
        level: levels[next(3)],
        sectors: sectors.filter(() => next(2) === 0),
      }) as unknown as DeploymentEntry,
  );
}

describe("mostRelated", () => {
  it("gives the same few as sorting the whole group by closeness, then id, and counts the rest", () => {
    const group = fakeDeployments(2000);
    for (const entry of group.slice(0, 50)) {
      const others = group.filter((d) => d.id !== entry.id);
      const sorted = [...others].sort((a, b) => closeness(entry, b) - closeness(entry, a) || (a.id < b.id ? -1 : 1));
      const found = mostRelated(entry, group);
      expect(found.shown.map((d) => d.id)).toEqual(sorted.slice(0, relatedLimit).map((d) => d.id));
      expect(found.total).toBe(others.length);
    }
  });

  it("scores same region 4, same product 2, same level 1 and 1 per shared sector, a sector listed twice once", () => {
    const record = (fields: object) => fields as unknown as DeploymentEntry;
    const entry = record({
      id: "a",
      region: "DE-BY",
      productEntry: { id: "element" },
      level: "local",
      sectors: ["police", "schools"],
    });
    expect(closeness(entry, record({ id: "b", region: "DE-BY", level: "state", sectors: ["healthcare"] }))).toBe(4);
    expect(
      closeness(entry, record({ id: "c", productEntry: { id: "element" }, level: "state", sectors: ["media"] })),
    ).toBe(2);
    expect(closeness(entry, record({ id: "d", level: "local", sectors: ["media"] }))).toBe(1);
    expect(closeness(entry, record({ id: "e", level: "state", sectors: ["schools", "police"] }))).toBe(2);
    expect(closeness(entry, record({ id: "f", level: "state", sectors: ["police", "police"] }))).toBe(1);
    // A region or product the entry lacks is not shared with another record that lacks it too.
    const bare = record({ id: "g", level: "state", sectors: ["media"] });
    expect(closeness(bare, record({ id: "h", level: "local", sectors: ["church"] }))).toBe(0);
    const all = ["b", "c", "d", "e", "f"].map((id, i) =>
      record({
        id,
        level: "state",
        sectors: [["police"], ["police", "schools"], ["media"], ["police", "police"], ["schools"]][i],
      }),
    );
    expect(mostRelated(entry, all).shown.map((d) => d.id)).toEqual(["c", "b", "e", "f", "d"]);
  });

  it("shows all of a group smaller than the limit, and nothing for none", () => {
    const group = fakeDeployments(4);
    expect(mostRelated(group[0]!, group).shown).toHaveLength(3);
    expect(mostRelated(group[0]!, [])).toEqual({ shown: [], total: 0 });
  });
});
