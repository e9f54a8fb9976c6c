// Values the registry derives instead of storing.
import { describe, expect, it } from "vitest";
import { currentStatus, freeSoftware, isPresumption, presumers, summarizeClaims } from "../../src/lib/model/derive.ts";
import type { Claim } from "../../src/schema/index.ts";

const claim = <T>(value: T, confidence: Claim<T>["confidence"] = "reported"): Claim<T> => ({
  value,
  sources: ["s"],
  confidence,
});

/** Free software as the table shows it: the agreed value, or "disputed". */
function freeSoftwareOf(client: Claim<string>[], server: Claim<string>[]): string {
  const summary = freeSoftware(summarizeClaims(client, "unknown"), summarizeClaims(server, "unknown"));
  return summary.kind === "agreed" ? summary.value : "disputed";
}

describe("free software", () => {
  it("is free only when client and server are both free", () => {
    expect(freeSoftwareOf([claim("free")], [claim("free")])).toBe("free");
    expect(freeSoftwareOf([claim("free")], [claim("proprietary")])).toBe("non-free");
    expect(freeSoftwareOf([claim("proprietary")], [claim("proprietary")])).toBe("non-free");
    expect(freeSoftwareOf([claim("source-available")], [claim("free")])).toBe("non-free");
  });

  it("is unknown when one side is unknown and the other free", () => {
    expect(freeSoftwareOf([claim("free")], [claim("unknown")])).toBe("unknown");
    expect(freeSoftwareOf([claim("free")], [])).toBe("unknown");
  });

  it("is disputed when the sources disagree about a licence in a way that changes the answer", () => {
    expect(freeSoftwareOf([claim("free")], [claim("free"), claim("proprietary")])).toBe("disputed");
  });

  it("is non-free, not disputed, when one side is proprietary in every claim and the other is disputed", () => {
    // Threema: clients closed, later open; server proprietary throughout.
    expect(freeSoftwareOf([claim("proprietary"), claim("free")], [claim("proprietary")])).toBe("non-free");
  });

  it("keeps the claims it rests on, so a presumption stays one", () => {
    const summary = freeSoftware(
      summarizeClaims([claim("free", "presumed")], "unknown"),
      summarizeClaims([claim("free", "presumed")], "unknown"),
    );
    expect(isPresumption(summary)).toBe(true);
  });
});

describe("claims", () => {
  it("agree when every claim has the same value", () => {
    expect(summarizeClaims([claim("disabled"), claim("disabled", "presumed")], "unknown")).toMatchObject({
      kind: "agreed",
      value: "disabled",
    });
  });

  it("are disputed when values differ, keeping every value", () => {
    expect(
      summarizeClaims([claim("enabled-allowlist"), claim("presumed-disabled", "presumed")], "unknown"),
    ).toMatchObject({
      kind: "disputed",
      values: ["enabled-allowlist", "presumed-disabled"],
    });
  });

  it("fall back when nothing is claimed", () => {
    expect(summarizeClaims(undefined, "unknown")).toMatchObject({ kind: "agreed", value: "unknown" });
  });

  it("count as a presumption only when every claim is presumed", () => {
    expect(isPresumption(summarizeClaims([claim("disabled", "presumed")], "unknown"))).toBe(true);
    expect(
      isPresumption(summarizeClaims([claim("disabled", "presumed"), claim("disabled", "confirmed")], "unknown")),
    ).toBe(false);
  });
});

describe("claims in time", () => {
  const dated = <T>(value: T, time: Pick<Claim<T>, "asOf" | "from" | "until">): Claim<T> => ({
    ...claim(value),
    ...time,
  });
  /** The value a reader sees, and the values shown as history. */
  const seen = <T>(claims: Claim<T>[]) => {
    const summary = summarizeClaims(claims, "unknown" as T);
    return {
      value: summary.kind === "agreed" ? summary.value : "disputed",
      history: summary.history.map((c) => c.value),
    };
  };

  it("take the latest value when dated claims follow each other, keeping the older one as history", () => {
    // Threema's clients: closed as of 2019, AGPL-3.0 from December 2020.
    expect(seen([dated("proprietary", { asOf: "2019" }), dated("free", { from: "2020-12" })])).toEqual({
      value: "free",
      history: ["proprietary"],
    });
  });

  it("do not depend on the order they are written in", () => {
    expect(seen([dated("free", { from: "2020-12" }), dated("proprietary", { asOf: "2019-02" })])).toEqual({
      value: "free",
      history: ["proprietary"],
    });
  });

  it("are disputed when they disagree about the same time", () => {
    expect(seen([dated("proprietary", { asOf: "2019" }), dated("free", { asOf: "2019" })])).toEqual({
      value: "disputed",
      history: [],
    });
  });

  it("are disputed when a partial date may mean the same time as the other claim", () => {
    // "2019" may well be June 2019; the sources need not contradict each other in time, but may.
    expect(seen([dated("proprietary", { asOf: "2019" }), dated("free", { from: "2019-06" })]).value).toBe("disputed");
  });

  it("are disputed when an undated claim disagrees with the current one, as it cannot be placed in time", () => {
    expect(
      seen([dated("proprietary", { asOf: "2019" }), claim("free"), dated("proprietary", { from: "2021" })]),
    ).toEqual({ value: "disputed", history: [] });
  });

  it("agree when an undated claim says what the latest dated claim says", () => {
    expect(
      seen([dated("proprietary", { asOf: "2019" }), claim("free", "secondary"), dated("free", { from: "2020-12" })]),
    ).toEqual({ value: "free", history: ["proprietary"] });
  });

  it("keep agreeing values from different times as one current value", () => {
    expect(seen([dated("proprietary", { asOf: "2019" }), dated("proprietary", { asOf: "2024" })])).toEqual({
      value: "proprietary",
      history: [],
    });
  });

  it("become history when they name when they stopped holding, leaving the value unknown if nothing followed", () => {
    expect(seen([dated("matrix", { from: "2019", until: "2021" })])).toEqual({ value: "unknown", history: ["matrix"] });
    expect(seen([dated("xmpp", { until: "2020" }), dated("matrix", { from: "2020" })])).toEqual({
      value: "matrix",
      history: ["xmpp"],
    });
  });

  it("rest the current value's confidence on the current claims only", () => {
    const summary = summarizeClaims(
      [
        dated("proprietary", { asOf: "2019" }),
        { ...dated("free", { from: "2020-12" }), confidence: "presumed" as const },
      ],
      "unknown",
    );
    expect(isPresumption(summary)).toBe(true);
  });
});

describe("free software in time", () => {
  it("follows the current licences, not the replaced ones", () => {
    // Threema: clients closed in 2019, AGPL-3.0 from December 2020; server proprietary throughout.
    const client = summarizeClaims(
      [
        { ...claim("proprietary"), asOf: "2019" },
        { ...claim("free"), from: "2020-12" },
      ],
      "unknown",
    );
    const server = summarizeClaims([claim("proprietary")], "unknown");
    expect(freeSoftware(client, server)).toMatchObject({ kind: "agreed", value: "non-free" });
    const openServer = summarizeClaims([claim("free")], "unknown");
    expect(freeSoftware(client, openServer)).toMatchObject({ kind: "agreed", value: "free" });
  });
});

describe("who presumes", () => {
  const presumed = (by: "article" | "editors"): Claim<string> => ({
    ...claim("presumed-disabled", "presumed"),
    presumedBy: by,
  });

  it("names the article or the editors as the presumer of a value resting only on presumptions", () => {
    expect(presumers(summarizeClaims([presumed("editors")], "unknown"))).toEqual(["editors"]);
    expect(presumers(summarizeClaims([presumed("article"), presumed("editors")], "unknown"))).toEqual([
      "article",
      "editors",
    ]);
  });

  it("names nobody when a source backs the value", () => {
    expect(presumers(summarizeClaims([presumed("article"), claim("presumed-disabled")], "unknown"))).toEqual([]);
  });
});

describe("current status", () => {
  it("is the latest step of the history", () => {
    expect(currentStatus([{ status: "pilot" }, { status: "active" }, { status: "superseded" }])).toBe("superseded");
  });
});
