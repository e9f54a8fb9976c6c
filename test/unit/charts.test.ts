// Build-time charts and dates: what the map's shades, the starts chart and the table's dates show.
import { describe, expect, it } from "vitest";
import { shadeClass, europeRegions } from "../../src/lib/site/charts/europe-map.ts";
import { startsPerYear } from "../../src/lib/site/charts/history-charts.ts";
import { formatDate } from "../../src/lib/site/dates.ts";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";

describe("map", () => {
  it("shades a value by the highest class it reaches, none below the first", () => {
    const steps = [1, 2, 5, 10];
    expect([0, 1, 3, 5, 9, 10, 40].map((value) => shadeClass(value, steps))).toEqual([0, 1, 2, 3, 3, 4, 4]);
  });

  it("draws the European countries of the registry and leaves out those outside the frame", () => {
    const codes = new Set(europeRegions().map((region) => region.code));
    for (const code of ["DE", "CH", "FR", "LU", "SE", "PL"]) expect(codes.has(code), code).toBe(true);
    expect(codes.has("AU")).toBe(false);
  });
});

describe("deployments started per year", () => {
  it("counts each deployment in the year of its first dated step, every year in between shown, undated apart", () => {
    const model = registryFromFiles("data");
    const { years, undated } = startsPerYear(model.deployments);
    const counted = years.reduce((sum, year) => sum + year.total, 0);
    expect(counted + undated.length).toBe(model.deployments.length);
    for (let i = 1; i < years.length; i += 1) expect(years[i]!.year).toBe(years[i - 1]!.year + 1);
    const tchap = model.deployments.find((d) => d.id === "fr-tchap")!;
    const first = tchap.status.find((step) => step.date)?.date;
    if (first) {
      const bar = years.find((year) => year.year === Number(first.slice(0, 4)))!;
      expect(Object.values(bar.byProtocol).flat()).toContain("fr-tchap");
    }
  });
});

describe("dates", () => {
  it("writes a day, a month or a year the way each language does", () => {
    expect(formatDate("2026-11-26", "de")).toBe("26.11.2026");
    expect(formatDate("2026-11-26", "en")).toBe("26 Nov 2026");
    expect(formatDate("2024-03", "en")).toBe("Mar 2024");
    expect(formatDate("2021", "de")).toBe("2021");
  });
});
