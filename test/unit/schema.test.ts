// The record schemas as contributors meet them: short and long claim forms, dates as text, URLs.
import { describe, expect, it } from "vitest";
import { deploymentSchema, productSchema } from "../../src/schema/index.ts";
import { freeText, isInFuture, textLimits, unpublishableCharacter } from "../../src/schema/common.ts";
import { organisation } from "../../src/schema/vocabulary.ts";

const minimal = {
  country: "DE",
  level: "national",
  sectors: ["police"],
  authorities: [{ name: "Bundespolizei" }],
  product: "moka",
  federation: "unknown",
  status: [{ status: "pilot", date: "2019-11-14" }],
  summary: { de: "Text", en: "Text" },
  reviewed: "2024-01-01",
  sources: [{ id: "article", kind: "editorial", publisher: "freie-messenger.de" }],
};

describe("claims", () => {
  it("turns a bare value into one claim not individually sourced", () => {
    const parsed = deploymentSchema.parse(minimal);
    expect(parsed.federation).toEqual([{ value: "unknown", sources: [], confidence: "unattributed" }]);
  });

  it("keeps a sourced claim with its sources and confidence", () => {
    const parsed = deploymentSchema.parse({
      ...minimal,
      federation: { value: "presumed-disabled", sources: ["article"], confidence: "presumed", presumedBy: "article" },
    });
    expect(parsed.federation).toEqual([
      { value: "presumed-disabled", sources: ["article"], confidence: "presumed", presumedBy: "article" },
    ]);
  });

  it("keeps two disagreeing claims side by side", () => {
    const parsed = deploymentSchema.parse({
      ...minimal,
      federation: [
        { value: "enabled-allowlist", sources: ["article"], confidence: "secondary" },
        { value: "presumed-disabled", sources: ["article"], confidence: "presumed", presumedBy: "editors" },
      ],
    });
    expect(parsed.federation.map((claim) => claim.value)).toEqual(["enabled-allowlist", "presumed-disabled"]);
  });

  // presumedBy on a claim that is not a presumption is the presumed-by rule's
  // (test/fixtures/invalid/deployments/presumed-by.yaml).

  it("refuses a sourced claim without sources", () => {
    const result = deploymentSchema.safeParse({
      ...minimal,
      federation: { value: "disabled", sources: [], confidence: "reported" },
    });
    expect(result.success).toBe(false);
  });
});

describe("dates", () => {
  it("accepts full and partial dates written as text", () => {
    for (const date of ["2019-12-24", "2019-12", "2019"]) {
      expect(deploymentSchema.safeParse({ ...minimal, reviewed: date }).success, date).toBe(true);
    }
  });

  it("refuses a Date object, as another YAML parser would produce from an unquoted date", () => {
    const result = deploymentSchema.safeParse({ ...minimal, reviewed: new Date("2019-12-24") });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("expected a date as text");
  });

  it("refuses impossible dates", () => {
    for (const date of ["2019-02-30", "2019-13", "19-12-24", "24.12.2019"]) {
      expect(deploymentSchema.safeParse({ ...minimal, reviewed: date }).success, date).toBe(false);
    }
  });

  it("treats a partial date as future only when all of it lies ahead", () => {
    const today = new Date("2026-11-26T12:00:00Z");
    expect(isInFuture("2026-11", today)).toBe(false);
    expect(isInFuture("2026", today)).toBe(false);
    expect(isInFuture("2026-11-27", today)).toBe(true);
    expect(isInFuture("2026-12", today)).toBe(true);
  });
});

describe("sources", () => {
  it("accepts https and http addresses and refuses other schemes", () => {
    const withUrl = (url: string) => ({ ...minimal, sources: [{ ...minimal.sources[0], url }] });
    expect(deploymentSchema.safeParse(withUrl("https://example.org/a")).success).toBe(true);
    expect(deploymentSchema.safeParse(withUrl("http://example.org/a")).success).toBe(true);
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/a", "example.org"]) {
      expect(deploymentSchema.safeParse(withUrl(url)).success, url).toBe(false);
    }
  });

  it("allows a source without address, so it can be shown as link missing", () => {
    expect(deploymentSchema.safeParse(minimal).success).toBe(true);
  });
});

describe("products", () => {
  it("needs both licences, so free software can be derived", () => {
    const product = {
      name: "X",
      protocol: "matrix",
      architecture: "federated",
      licences: { client: "free" },
      summary: "x",
      reviewed: "2024-01-01",
      sources: minimal.sources,
    };
    expect(productSchema.safeParse(product).success).toBe(false);
    expect(productSchema.safeParse({ ...product, licences: { client: "free", server: "free" } }).success).toBe(true);
  });
});

describe("free text", () => {
  const name = freeText("name");

  it("is trimmed, and keeps line breaks, letters of every script, emoji and balanced bidi controls", () => {
    expect(name.parse("  Bundespolizei \n")).toBe("Bundespolizei");
    for (const text of [
      "Zeile eins\nZeile zwei",
      "Ärztinnen 👩‍⚕️",
      "مرحبا",
      "a \u2067عربي\u2069 b",
      "\u202Bעברית\u202C",
    ]) {
      expect(name.safeParse(text).success, JSON.stringify(text)).toBe(true);
    }
  });

  it("refuses what would corrupt a feed, a citation or the text after it, naming the character", () => {
    const refusal = (text: string) => name.safeParse(text).error?.issues[0]?.message;
    expect(refusal("   ")).toBe("text is empty");
    expect(refusal("a\u0000b")).toContain("U+0000");
    expect(refusal("a\u000bb")).toContain("U+000B");
    expect(refusal("a\u009bb")).toContain("U+009B");
    expect(refusal("a\uffffb")).toContain("U+FFFF");
    expect(refusal("a\udc00b")).toContain("lone surrogate U+DC00");
    expect(refusal("\u202Eevil")).toContain("opens the bidirectional control U+202E");
    expect(refusal("\u2067a\nb\u2069")).toContain("opens the bidirectional control U+2067");
    expect(refusal("a\u2069")).toContain("closes a bidirectional control with U+2069");
    expect(refusal("x".repeat(textLimits.name + 1))).toBe(
      `text is ${textLimits.name + 1} characters long; at most ${textLimits.name} are allowed here`,
    );
  });
});

describe("characters text may hold", () => {
  it("refuses exactly the controls, surrogates, noncharacters and lone bidi controls, over every BMP character", () => {
    const refused = (c: number) =>
      (c < 0x20 && c !== 0x0a) ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0xd800 && c <= 0xdfff) ||
      (c >= 0xfdd0 && c <= 0xfdef) ||
      c >= 0xfffe ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c += 1) {
      const verdict = unpublishableCharacter(`a${String.fromCharCode(c)}b`) !== undefined;
      if (verdict !== refused(c)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(unpublishableCharacter("emoji 😀 and \u{1FFFE}")).toContain("U+1FFFE");
    expect(unpublishableCharacter("emoji 😀 only")).toBeUndefined();
  });
});

describe("organisations", () => {
  it("are codes that cannot be read as a country code, a path or one another in another case", () => {
    const codes = organisation.options;
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9-]{2,}$/);
    expect(new Set(codes.map((code) => code.toLowerCase())).size).toBe(codes.length);
  });

  it("refuses a deployment's organisation outside the list, in any spelling", () => {
    const international = { ...minimal, country: undefined, level: "international" };
    expect(deploymentSchema.safeParse({ ...international, organisation: "NATO" }).success).toBe(true);
    for (const value of ["Nato", "nato", "DE", "..", "EU/EFTA"]) {
      expect(deploymentSchema.safeParse({ ...international, organisation: value }).success, value).toBe(false);
    }
  });
});

describe("licences by name", () => {
  const product = (client: unknown) => ({
    name: "X",
    protocol: "matrix",
    architecture: "federated",
    licences: { client, server: "proprietary" },
    summary: "x",
    reviewed: "2024-01-01",
    sources: minimal.sources,
  });
  const clientLicence = (client: unknown) => productSchema.parse(product(client)).licences.client[0]!;
  const sourced = { sources: ["article"], confidence: "vendor" };

  it("reads free or proprietary from the SPDX id where the licence is known", () => {
    expect(clientLicence({ spdx: "AGPL-3.0-or-later", ...sourced })).toMatchObject({
      value: "free",
      spdx: "AGPL-3.0-or-later",
    });
    expect(clientLicence({ spdx: "LicenseRef-proprietary", ...sourced }).value).toBe("proprietary");
    // A dual licence is free if one alternative is; an exception does not change the licence.
    expect(clientLicence({ spdx: "AGPL-3.0-or-later OR LicenseRef-Element-Commercial", ...sourced }).value).toBe(
      "free",
    );
    expect(clientLicence({ spdx: "GPL-3.0 WITH LicenseRef-OpenSSL-exception", ...sourced }).value).toBe("free");
  });

  it("expresses open core: a free core combined with a proprietary part", () => {
    expect(clientLicence({ spdx: "MIT AND LicenseRef-proprietary", ...sourced }).value).toBe("open-core");
    expect(clientLicence({ value: "open-core", spdx: "MIT AND LicenseRef-RocketChat-EE", ...sourced }).value).toBe(
      "open-core",
    );
  });

  // A class that contradicts the named licence, or is missing where the licence is not known, is
  // the licence-spdx rule's (test/fixtures/invalid/products/licence-spdx*.yaml).
  it("refuses what is not an SPDX expression", () => {
    expect(productSchema.safeParse(product({ spdx: "not a licence!", ...sourced })).success).toBe(false);
  });
});

describe("claims in time", () => {
  // An end before the start is the claim-period rule's (test/fixtures/invalid/deployments/claim-period*.yaml).
  it("keeps from and until", () => {
    const federation = {
      value: "disabled",
      sources: ["article"],
      confidence: "reported",
      from: "2019",
      until: "2021-06",
    };
    expect(deploymentSchema.parse({ ...minimal, federation }).federation[0]).toMatchObject({
      from: "2019",
      until: "2021-06",
    });
  });
});
