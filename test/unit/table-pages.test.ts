// The comparison table's pages: every row on exactly one page, in order, and a page size that
// only a whole number sets.
import { describe, expect, it } from "vitest";
import { defaultTablePageSize, tablePageSizeConfig } from "../../src/config.ts";
import { tablePages } from "../../src/lib/site/table-pages.ts";

describe("tablePages", () => {
  it("puts every row on exactly one page, in order, numbering pages and first rows from 1", () => {
    const rows = Array.from({ length: 7 }, (_, index) => `row-${index}`);
    const pages = tablePages(rows, 3);
    expect(pages.map((page) => page.page)).toEqual([1, 2, 3]);
    expect(pages.map((page) => page.first)).toEqual([1, 4, 7]);
    expect(pages.flatMap((page) => page.rows)).toEqual(rows);
    expect(pages.map((page) => page.rows.length)).toEqual([3, 3, 1]);
  });

  it("makes one page when the rows fill it exactly, and one empty page for an empty table", () => {
    expect(tablePages(["a", "b"], 2).map((page) => page.rows)).toEqual([["a", "b"]]);
    expect(tablePages([], 250)).toEqual([{ page: 1, rows: [], first: 1 }]);
  });
});

describe("REGISTRY_TABLE_PAGE_SIZE", () => {
  it("sets the rows per page, or leaves the default when unset or empty", () => {
    expect(tablePageSizeConfig({ REGISTRY_TABLE_PAGE_SIZE: "40" })).toBe(40);
    expect(tablePageSizeConfig({})).toBe(defaultTablePageSize);
    expect(tablePageSizeConfig({ REGISTRY_TABLE_PAGE_SIZE: " " })).toBe(defaultTablePageSize);
  });

  it.each(["0", "-5", "2.5", "ten", "1e3"])("refuses %s, naming the variable", (value) => {
    expect(() => tablePageSizeConfig({ REGISTRY_TABLE_PAGE_SIZE: value })).toThrow(/REGISTRY_TABLE_PAGE_SIZE/);
  });
});
