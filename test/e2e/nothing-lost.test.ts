// Nothing lost between data/ and the published site: every record file is counted, and each
// deployment is found on its entry page in both languages, in the table, in the search index,
// in the JSON and CSV exports and, where it changed lately, in both feeds; each product and position on its page in both
// languages and in its export. Each check lists what it misses, so a failure names the records.
import { readdirSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { parseCsv } from "../csv-reading.ts";
import { t } from "../../src/i18n/index.ts";
import { validateRegistry } from "../../src/lib/validation/validate-registry.ts";
import { feedItemLimit } from "../../src/lib/outputs/feed.ts";
import { builtPages, builtText, searchIndex } from "./built-site.ts";
import { concreteDeployments, displayText, languages, records, squash, titleText } from "./site.ts";

const builtDir = inject("builtDir");
const { positions } = validateRegistry("data").registry;
const fileIds = (collection: string) =>
  readdirSync(`data/${collection}`)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.replace(/\.yaml$/, ""))
    .sort();
const deploymentIds = fileIds("deployments");
const productIds = fileIds("products");
const positionIds = fileIds("positions");

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00A0" };
/** The text a reader sees in a piece of built HTML: tags dropped, character references read. */
const textOf = (html: string) =>
  squash(
    html
      .replace(/<[^>]*>/g, "")
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (reference, name: string) =>
        name.startsWith("#x")
          ? String.fromCodePoint(parseInt(name.slice(2), 16))
          : name.startsWith("#")
            ? String.fromCodePoint(Number(name.slice(1)))
            : (entities[name] ?? reference),
      ),
  );
const heading = (path: string) => textOf(/<h1[^>]*>(.*?)<\/h1>/s.exec(builtText(builtDir, path))?.[1] ?? "");
const exportedIds = (collection: string) =>
  (JSON.parse(builtText(builtDir, `/api/v1/${collection}.json`)) as Record<string, { id: string }[]>)[collection]!.map(
    (record) => record.id,
  );
const missing = (ids: string[], found: (id: string) => boolean) => ids.filter((id) => !found(id));

describe("the records in data/", () => {
  it("are all read: as many deployments, products and positions as there are files", () => {
    expect(records.deployments.map((deployment) => deployment.id).sort()).toEqual(deploymentIds);
    expect(records.products.map((product) => product.id).sort()).toEqual(productIds);
    expect([...records.positionIds].sort()).toEqual(positionIds);
    expect(deploymentIds.length).toBeGreaterThan(0);
  });
});

describe.each(languages)("deployments (%s)", (lang) => {
  it("each has its entry page, headed with its authority and system", () => {
    const wrong = records.deployments.flatMap((deployment) => {
      const expected = squash(
        `${titleText(deployment, lang)}: ${deployment.data.name ?? deployment.product?.data.name ?? t(lang).entry.productNotNamed}`,
      );
      const shown = heading(`/${lang}/deployments/${deployment.id}/`);
      return shown === expected ? [] : [`${deployment.id}: "${shown}", expected "${expected}"`];
    });
    expect(wrong).toEqual([]);
  });

  it("each concrete deployment has one row in the table's pages, linking to its entry; practices and offers are listed below it", () => {
    // The table may be in pages (/de/table/, /de/table/2/, …): every row is on one of them.
    const pages = builtPages(builtDir).filter((page) => new RegExp(`^/${lang}/table/([0-9]+/)?$`).test(page));
    const table = pages.map((page) => builtText(builtDir, page)).join("\n");
    const body = [...table.matchAll(/<tbody>(.*?)<\/tbody>/gs)].map(([, rows]) => rows!).join("\n");
    const rows = [...body.matchAll(/<tr data-id="([^"]+)"/g)].map(([, id]) => id!).sort();
    const concreteIds = concreteDeployments.map((deployment) => deployment.id).sort();
    expect(rows).toEqual(concreteIds);
    expect(missing(concreteIds, (id) => body.includes(`href="/${lang}/deployments/${id}/"`))).toEqual([]);
    const apart = records.deployments.filter((deployment) => deployment.data.kind !== "deployment");
    expect(
      missing(
        apart.map((d) => d.id),
        (id) => table.includes(`href="/${lang}/deployments/${id}/"`),
      ),
    ).toEqual([]);
  });

  it("each is in the search index", () => {
    const indexed = new Set(searchIndex(builtDir).map((page) => page.url));
    expect(missing(deploymentIds, (id) => indexed.has(`/${lang}/deployments/${id}/`))).toEqual([]);
  });

  // The feed carries the newest changes (at most feedItemLimit): new records and changed key facts
  // (shown as "before → after"), not every edit. A deployment may be missing from it only when its
  // entry page lists no such change newer than the feed's oldest item.
  it("each with a change in the feed's time span is in the feed", () => {
    const feed = builtText(builtDir, `/${lang}/feed.xml`);
    const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, entry]) => entry!);
    const oldest = entries
      .map((entry) => /<updated>([^<]+)<\/updated>/.exec(entry)![1]!)
      .reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b), new Date().toISOString());
    const inFeed = (id: string) => entries.some((entry) => entry.includes(`href="/${lang}/deployments/${id}/`));
    const newestListedChange = (id: string) => {
      const page = builtText(builtDir, `/${lang}/deployments/${id}/`);
      const section = /<section class="record-changes"[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
      const feedworthy = [...section.matchAll(/<li [^>]*data-kind="(\w+)"[^>]*>([\s\S]*?)<\/li>/g)].filter(
        ([, kind, body]) => kind !== "changed" || body!.includes("→"),
      );
      return Math.max(0, ...feedworthy.map(([, , body]) => Date.parse(/datetime="([^"]+)"/.exec(body!)![1]!)));
    };
    const full = entries.length === feedItemLimit;
    expect(
      missing(deploymentIds, (id) => inFeed(id) || (full && newestListedChange(id) <= Date.parse(oldest))),
    ).toEqual([]);
  });
});

describe("deployments in the exports", () => {
  it("each is in api/v1/deployments.json", () => {
    expect(exportedIds("deployments").sort()).toEqual(deploymentIds);
  });

  it("each is one row of api/v1/deployments.csv", () => {
    const [header, ...rows] = parseCsv(builtText(builtDir, "/api/v1/deployments.csv").replace(/^\uFEFF/, ""));
    const id = header!.indexOf("id");
    expect(rows.map((row) => row[id]!).sort()).toEqual(deploymentIds);
  });
});

describe.each(languages)("products and positions (%s)", (lang) => {
  it("each product has its page, headed with its name", () => {
    const wrong = records.products.filter(
      (product) => heading(`/${lang}/products/${product.id}/`) !== squash(product.data.name),
    );
    expect(wrong.map((product) => product.id)).toEqual([]);
  });

  it("the products list gives each product the number of deployments that use it", () => {
    const page = builtText(builtDir, `/${lang}/products/`);
    const wrong = records.products.flatMap((product) => {
      const row = new RegExp(`<tr data-id="${product.id}">(.*?)</tr>`, "s").exec(page)?.[1] ?? "";
      const shown = /<td class="num">(\d+)<\/td>/.exec(row)?.[1];
      const using = concreteDeployments.filter((deployment) => deployment.product?.id === product.id).length;
      return shown === String(using) ? [] : [`${product.id}: ${shown} instead of ${using}`];
    });
    expect(wrong).toEqual([]);
  });

  it("each position has its page, headed with its title", () => {
    const wrong = positions.filter(
      (position) => heading(`/${lang}/positions/${position.id}/`) !== squash(displayText(position.data.title, lang)),
    );
    expect(wrong.map((position) => position.id)).toEqual([]);
  });
});

describe("products and positions in the exports", () => {
  it("each product is in api/v1/products.json", () => {
    expect(exportedIds("products").sort()).toEqual(productIds);
  });

  it("each position is in api/v1/positions.json", () => {
    expect(exportedIds("positions").sort()).toEqual(positionIds);
  });
});
