// Every value of every vocabulary has a label and a meaning in each language, and every country code
// the schema admits has a name: a value added without its texts fails here as well as in the type check.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as vocabulary from "../../src/schema/vocabulary.ts";
import { countryCode } from "../../src/schema/common.ts";
import { languages, t } from "../../src/i18n/index.ts";

const vocabularies = Object.entries(vocabulary as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodEnum] => entry[1] instanceof z.ZodEnum,
);

describe("vocabulary labels and meanings", () => {
  it("covers every export of the vocabulary module", () => {
    expect(vocabularies.map(([name]) => name)).toEqual(Object.keys(vocabulary));
  });

  for (const lang of languages) {
    for (const kind of ["label", "meaning"] as const) {
      const texts: Record<string, Record<string, string> | undefined> = t(lang)[kind];
      for (const [name, values] of vocabularies) {
        it(`${lang}: every ${name} value has a ${kind}`, () => {
          const missing = values.options.filter((value) => !texts[name]?.[value]?.trim());
          expect(missing).toEqual([]);
        });
      }
    }
  }
});

describe("country names", () => {
  const letters = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
  const admitted = letters
    .flatMap((a) => letters.map((b) => a + b))
    .filter((code) => countryCode.safeParse(code).success);

  it("the schema admits the ISO 3166-1 countries and nothing else", () => {
    // ISO 3166-1 assigns 249 codes; CLDR also names the reserved AC, CP, CQ, DG, EA, IC and TA.
    expect(admitted.length).toBeGreaterThanOrEqual(249);
    expect(admitted.length).toBeLessThanOrEqual(249 + 7);
    expect(admitted).toEqual(
      expect.arrayContaining(["AT", "BE", "CH", "DE", "FR", "GB", "LU", "NL", "PL", "SE", "US"]),
    );
    for (const code of ["UK", "DD", "SU", "EU", "UN", "ZZ", "XK", "AA", "QQ", "XX", "de", "D", "DEU"])
      expect(countryCode.safeParse(code).success, code).toBe(false);
  });

  it("names every admitted code in each language, never with the bare code", () => {
    for (const lang of languages) {
      const unnamed = admitted.filter((code) => {
        const name = t(lang).country(code);
        return name.trim() === "" || name === code;
      });
      expect(unnamed, lang).toEqual([]);
    }
  });

  it("gives the names a reader expects", () => {
    expect(["DE", "CH", "AT", "NL", "GB"].map(t("de").country)).toEqual([
      "Deutschland",
      "Schweiz",
      "Österreich",
      "Niederlande",
      "Vereinigtes Königreich",
    ]);
    expect(["DE", "CH", "AT", "NL", "GB"].map(t("en").country)).toEqual([
      "Germany",
      "Switzerland",
      "Austria",
      "Netherlands",
      "United Kingdom",
    ]);
  });

  it("shows an international organisation as its record names it", () => {
    for (const lang of languages) {
      expect(t(lang).jurisdiction("NATO")).toBe("NATO");
      expect(t(lang).jurisdiction("FR")).toBe(t(lang).country("FR"));
    }
  });
});
