// Values the registry derives instead of storing.
import { describe, expect, it } from "vitest";
import { currentStatus, freeSoftware, isPresumption, summarizeClaims } from "../../src/lib/model/derive.ts";
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

describe("current status", () => {
  it("is the latest step of the history", () => {
    expect(currentStatus([{ status: "pilot" }, { status: "active" }, { status: "superseded" }])).toBe("superseded");
  });
});
