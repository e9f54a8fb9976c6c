// The sitemap leaves out pages whose head says noindex, reading as little of each page as it can.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { pageHead } from "../../src/integrations/sitemap.ts";

const dir = mkdtempSync(join(tmpdir(), "sitemap-head-"));
const page = (name: string, html: string) => {
  writeFileSync(join(dir, name), html);
  return pathToFileURL(join(dir, name));
};
const noindex = '<meta name="robots" content="noindex">';

describe("a page's head for the sitemap", () => {
  it("holds a robots tag of a short head, and none of the body's text", () => {
    const head = pageHead(page("short.html", `<html><head>${noindex}</head><body>${"x".repeat(20_000)}</body>`));
    expect(head).toContain(noindex);
    expect(head).not.toContain("<body>");
  });

  it("holds a robots tag that comes after the first 8 KB of a long head", () => {
    const url = page("long.html", `<html><head><title>${"t".repeat(10_000)}</title>${noindex}</head><body></body>`);
    expect(pageHead(url)).toContain(noindex);
  });

  it("is the whole text of a page without a head's end", () => {
    expect(pageHead(page("bare.html", `<p>${"p".repeat(9_000)}</p>${noindex}`))).toContain(noindex);
  });
});
