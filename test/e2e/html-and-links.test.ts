// Every page of the build is valid HTML (html-validate, recommended preset; the rules relaxed in
// .htmlvalidate.mjs say why), every address it links or loads on the site resolves to a built
// file (and a #fragment to an element on that page), and every address elsewhere is https,
// unless it is a source's own address as its record gives it.
import { readFileSync } from "node:fs";
import { HtmlValidate } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import config from "../../.htmlvalidate.mjs";
import { validateRegistry } from "../../src/lib/validation/validate-registry.ts";
import { builtFile, builtText, builtPages } from "./built-site.ts";

const builtDir = inject("builtDir");
const pages = builtPages(builtDir);
const validator = new HtmlValidate(config);

/**
 * The site's public address with its base path, as the build wrote it into the home page. A
 * preview build has none and links within the site by root-relative addresses; a made-up origin
 * stands in to resolve them.
 */
const siteBase = new URL(
  "..",
  /<meta property="og:url" content="([^"]+)"/.exec(
    builtText(
      builtDir,
      pages.find((p) => /^\/[a-z]{2}\/$/.test(p))!,
    ),
  )?.[1] ?? "http://preview.invalid/de/",
);

/** Addresses in data/ that the site shows as they are: sources' and products' own links. */
const recordAddresses = (() => {
  const { registry } = validateRegistry("data");
  const records = [...registry.deployments, ...registry.products, ...registry.positions];
  return new Set(
    records.flatMap(({ data }) => [
      ...(data.sources as { url?: string }[]).flatMap((source) => (source.url ? [source.url] : [])),
      ...("homepage" in data && data.homepage ? [data.homepage] : []),
    ]),
  );
})();

const entities: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" };
const unescape = (value: string) => value.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => entities[entity]!);

/** Every address a page links to or loads: href, src, srcset, action, social-card metadata, meta refresh. */
function addressesIn(html: string): string[] {
  const found: string[] = [];
  for (const [, , value] of html.matchAll(/\s(href|src|action|poster)="([^"]*)"/g)) found.push(unescape(value!));
  for (const [, value] of html.matchAll(/\ssrcset="([^"]*)"/g))
    found.push(
      ...unescape(value!)
        .split(",")
        .map((candidate) => candidate.trim().split(/\s+/)[0]!),
    );
  for (const [, value] of html.matchAll(/<meta (?:property|name)="(?:og:url|og:image)" content="([^"]*)"/g))
    found.push(unescape(value!));
  for (const [, value] of html.matchAll(/<meta http-equiv="refresh" content="\d+; url=([^"]*)"/g))
    found.push(unescape(value!));
  return found;
}

const idsByPage = new Map<string, Set<string>>();
function idsOn(file: string): Set<string> {
  let ids = idsByPage.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, "utf8").matchAll(/\sid="([^"]+)"/g)].map(([, id]) => unescape(id!)));
    idsByPage.set(file, ids);
  }
  return ids;
}

/** What is wrong with one address on the page at `pagePath`, or undefined if nothing is. */
function addressProblem(address: string, pagePath: string): string | undefined {
  if (address === "") return "an empty address";
  if (address.startsWith("mailto:")) return undefined;
  const url = new URL(address, new URL(pagePath.slice(1), siteBase));
  const internal = url.origin === siteBase.origin && url.pathname.startsWith(siteBase.pathname);
  if (!internal) {
    if (url.protocol === "https:" || recordAddresses.has(address)) return undefined;
    return `${address} is not https (and no record gives it)`;
  }
  const file = builtFile(builtDir, `/${url.pathname.slice(siteBase.pathname.length)}`);
  if (!file) return `${address} is not a built file`;
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && file.endsWith(".html") && !idsOn(file).has(fragment))
    return `${address}: no element with id "${fragment}"`;
  return undefined;
}

describe.each(pages)("%s", (path) => {
  it("is valid HTML", async () => {
    const report = await validator.validateString(builtText(builtDir, path), path);
    const messages = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`),
    );
    expect(messages).toEqual([]);
  });

  it("has no inline script and no inline event handler, which the security policy would block", () => {
    const html = builtText(builtDir, path);
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].filter(
      ([, attributes]) => !/type="application\/ld\+json"/.test(attributes!),
    );
    expect(inlineScripts.map(([tag]) => tag)).toEqual([]);
    expect([...html.matchAll(/<[^>]*\son[a-z]+=/gi)].map(([tag]) => tag)).toEqual([]);
  });

  it("links to built files on the site, and elsewhere over https", () => {
    const addresses = addressesIn(builtText(builtDir, path));
    expect(addresses.length).toBeGreaterThan(0);
    const problems = addresses.flatMap((address) => addressProblem(address, path) ?? []);
    expect([...new Set(problems)]).toEqual([]);
  });
});
