// A registry a hostile contributor could get past the validator (test/fixtures/hostile: markup,
// </script>, template syntax, spreadsheet formulas, BibTeX specials, right-to-left text and
// 2,600-letter words in its summaries and notes), built with the real pipeline and read the way
// readers and programs read it: nothing it contains runs, becomes an element, breaks a file
// format or widens a page on a phone; it is shown as the text it is. Its table is built one row per
// page, so the table's pages, and the script that loads them into one, are read here too.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { runBuild } from "../../src/lib/build/build-steps.ts";
import { oneBuildAtATime } from "./one-build-at-a-time.ts";
import { validateRegistry } from "../../src/lib/validation/validate-registry.ts";
import { fieldsSplitOn, parseCsv, startsFormula } from "../csv-reading.ts";
import { builtText, builtPages } from "./built-site.ts";
import { openWatched, type WatchedPage } from "./page-checks.ts";
import { serveStatic } from "./static-server.ts";
import { displayText, idsThroughPages, languages, squash, useBrowser } from "./site.ts";
import { t } from "../../src/i18n/index.ts";
import { axeViolations } from "./a11y.ts";

const fixture = "test/fixtures/hostile";
const { registry } = validateRegistry(fixture);
const browser = useBrowser();

let outDir: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let context: BrowserContext;
const url = (path: string) => `${server.url}${path}`;
const fetchText = async (path: string) => {
  const response = await fetch(url(path));
  expect(response.status, path).toBe(200);
  return response.text();
};

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "registry-hostile-"));
  await oneBuildAtATime(async () => {
    // Every step reads the data folder from REGISTRY_DATA_DIR, as for a preview of another folder.
    process.env.REGISTRY_DATA_DIR = fixture;
    process.env.REGISTRY_TABLE_PAGE_SIZE = "1";
    try {
      await runBuild(outDir, { echo: false });
    } finally {
      delete process.env.REGISTRY_DATA_DIR;
      delete process.env.REGISTRY_TABLE_PAGE_SIZE;
    }
  });
  server = await serveStatic(outDir);
  context = await browser().newContext({ viewport: { width: 320, height: 640 } });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** What a page shows that it must not: injected elements, inline script or handlers, and its width. */
async function injectionsAndWidth(page: Page) {
  return page.evaluate(() => ({
    hostileElements: [...document.querySelectorAll("[data-hostile], marquee")].map((element) =>
      element.outerHTML.slice(0, 80),
    ),
    inlineScripts: [...document.querySelectorAll("script:not([src])")]
      .filter((script) => script.getAttribute("type") !== "application/ld+json")
      .map((script) => script.outerHTML.slice(0, 80)),
    handlers: [...document.querySelectorAll("*")].flatMap((element) =>
      [...element.attributes]
        .filter((attribute) => /^on/i.test(attribute.name))
        .map((a) => `${element.tagName} ${a.name}`),
    ),
    javascriptLinks: [...document.querySelectorAll("[href^='javascript:' i], [src^='javascript:' i]")].length,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

/** Everything that went wrong on a watched page, as one object that is all-empty on a sound page. */
async function findings({ page, trouble }: WatchedPage) {
  const { scrollWidth, innerWidth, ...injected } = await injectionsAndWidth(page);
  return { ...trouble, ...injected, tooWide: scrollWidth > innerWidth ? `${scrollWidth}px > ${innerWidth}px` : "" };
}

const clean = {
  foreignRequests: [],
  cspViolations: [],
  consoleErrors: [],
  pageErrors: [],
  dialogs: [],
  hostileElements: [],
  inlineScripts: [],
  handlers: [],
  javascriptLinks: 0,
  tooWide: "",
};

describe("the hostile fixture", () => {
  it("is valid, so only the outputs stand between it and readers", () => {
    const { problems } = validateRegistry(fixture);
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect([registry.deployments.length, registry.products.length, registry.positions.length]).toEqual([3, 1, 2]);
  });
});

describe("every page of the hostile build, at 320 px", () => {
  it("covers each page type in both languages", () => {
    const pages = builtPages(outDir);
    for (const lang of languages) {
      for (const id of registry.deployments.map((record) => record.id))
        expect(pages).toContain(`/${lang}/deployments/${id}/`);
      expect(pages).toContain(`/${lang}/products/hostile-product/`);
      expect(pages).toContain(`/${lang}/positions/hostile-position/`);
      expect(pages).toContain(`/${lang}/countries/de/`);
    }
  });

  it("has a social card for each entry, drawn from its text cut to fit", () => {
    for (const lang of languages) {
      for (const record of registry.deployments) {
        const png = readFileSync(join(outDir, "og", lang, "deployments", `${record.id}.png`));
        expect(png.subarray(1, 4).toString()).toBe("PNG");
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      }
    }
  });

  it(
    "runs nothing, adds no element, violates no policy and needs no sideways scrolling",
    { timeout: 300_000 },
    async () => {
      for (const path of builtPages(outDir)) {
        const watched = await openWatched(context, url(path));
        try {
          expect(await findings(watched), path).toEqual(clean);
        } finally {
          await watched.page.close();
        }
      }
    },
  );

  it.each(languages)("the %s table, sorted and filtered by script, stays clean", async (lang) => {
    const watched = await openWatched(context, url(`/${lang}/table/?country=DE`));
    try {
      await watched.page.locator("#table-filters").waitFor({ state: "visible" });
      // At 320 px the rows are cards and the header row is hidden from sight; its buttons still take the keyboard.
      await watched.page.locator(".deployment-table thead button").first().press("Enter");
      await watched.page.locator(".deployment-table thead [aria-sort]").first().waitFor({ state: "attached" });
      expect(await findings(watched)).toEqual(clean);
    } finally {
      await watched.page.close();
    }
  });

  it.each([
    ["de", "Zusammenfassung", '<script>alert("summary")</script>'],
    ["en", "Summary", '<img data-hostile src=x onerror=alert("summary")>'],
  ])("%s search results show the records' markup as text", async (lang, query, markup) => {
    const watched = await openWatched(context, url(`/${lang}/search/?q=${query}`));
    try {
      await watched.page.locator("#search-results li a").first().waitFor();
      const shown = squash(await watched.page.locator("#search-results").textContent());
      expect(shown).toContain("<b data-hostile>Stadtchat</b>");
      expect(shown).toContain(markup);
      expect(await findings(watched)).toEqual(clean);
    } finally {
      await watched.page.close();
    }
  });
});

describe("a table of more pages than one (one row per page here)", () => {
  const concrete = registry.deployments.filter((record) => record.data.kind === "deployment");
  const rowIds = (page: Page) =>
    page.locator(".deployment-table tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-id")));

  it.each(languages)("in %s, without JavaScript, the page links lead through every row", async (lang) => {
    expect(concrete.length).toBeGreaterThan(1);
    const noScript = await browser().newContext({ javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      const seen: string[] = [];
      await page.goto(url(`/${lang}/table/`));
      for (let n = 1; ; n += 1) {
        const nav = page.getByRole("navigation", { name: t(lang).tableView.pages }).first();
        expect(squash(await nav.locator('[aria-current="page"]').textContent()), page.url()).toBe(String(n));
        seen.push(...((await rowIds(page)) as string[]));
        const next = nav.locator('a[rel="next"]');
        if ((await next.count()) === 0) break;
        await next.click();
      }
      expect(seen.sort()).toEqual(concrete.map((record) => record.id).sort());
    } finally {
      await noScript.close();
    }
  });

  it.each(languages)("in %s, without JavaScript, each reach class's pages lead through all of it", async (lang) => {
    const noScript = await browser().newContext({ javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(url(`/${lang}/reach/`));
      const lists = await page
        .locator("a[data-full-list]")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      const seen: string[] = [];
      for (const list of lists) {
        await page.goto(url(list));
        seen.push(...(await idsThroughPages(page, ".reach-list li[data-id]", (next) => page.goto(url(next)))));
      }
      expect(seen.sort()).toEqual(concrete.map((record) => record.id).sort());
    } finally {
      await noScript.close();
    }
  });

  it.each(languages)(
    "in %s, without JavaScript, each country page and its level lists name all of it",
    async (lang) => {
      const noScript = await browser().newContext({ javaScriptEnabled: false });
      try {
        const page = await noScript.newPage();
        const seen: string[] = [];
        for (const code of new Set(
          concrete.map((record) => (record.data.country ?? record.data.organisation)!.toLowerCase()),
        )) {
          await page.goto(url(`/${lang}/countries/${code}/`));
          // One row per table page in this build, so the page shows one row of each level.
          for (const section of await page.locator("section[aria-labelledby^='level-']").all()) {
            expect(await section.locator("tbody tr[data-id]").count()).toBe(1);
          }
          const lists = await page
            .locator("a[data-level-list]")
            .evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
          const onPage = await page
            .locator("tbody tr[data-id]")
            .evaluateAll((rows) => rows.map((row) => row.dataset.id!));
          const listed: string[] = [];
          for (const list of lists) {
            await page.goto(url(list));
            listed.push(...(await idsThroughPages(page, "tbody tr[data-id]", (next) => page.goto(url(next)))));
          }
          // A level with a list is read in its list; the others on the country page.
          seen.push(...listed, ...onPage.filter((id) => !listed.includes(id)));
          if (code === "at") expect(lists, "Austria has two national deployments").toHaveLength(1);
        }
        expect(seen.sort()).toEqual(concrete.map((record) => record.id).sort());
      } finally {
        await noScript.close();
      }
    },
  );

  it.each(languages)(
    "in %s, without JavaScript, the positions list and the country's own list name every position across their pages",
    async (lang) => {
      const noScript = await browser().newContext({ javaScriptEnabled: false });
      try {
        const page = await noScript.newPage();
        const positionIds = registry.positions.map((record) => record.id).sort();
        await page.goto(url(`/${lang}/positions/`));
        const listed = await idsThroughPages(page, "tbody tr[data-id]", (next) => page.goto(url(next)));
        expect(listed.sort()).toEqual(positionIds);
        // One row per page in this build: the country page names the newest and links its list.
        await page.goto(url(`/${lang}/countries/de/`));
        expect(await page.locator("#positions ~ ul li[data-id]").count()).toBe(1);
        const list = await page.locator("a[data-positions-list]").getAttribute("href");
        expect(list).toBe(`/${lang}/countries/de/positions/`);
        await page.goto(url(list!));
        const inCountry = await idsThroughPages(page, "main li[data-id]", (next) => page.goto(url(next)));
        expect(inCountry.sort()).toEqual(positionIds);
      } finally {
        await noScript.close();
      }
    },
  );

  it.each(languages)("in %s, sorting brings every page's rows into the page it runs on", async (lang) => {
    const watched = await openWatched(context, url(`/${lang}/table/2/`));
    try {
      await watched.page.locator("#table-filters").waitFor({ state: "visible" });
      // Until the view changes, the page holds its own rows, and the count says which they are.
      expect(await rowIds(watched.page)).toHaveLength(1);
      const total = String(concrete.length);
      expect(squash(await watched.page.locator("#table-count").textContent())).toBe(
        t(lang).tableView.rowsOfPage("2", "2", total),
      );
      // At 320 px the header row is hidden from sight; its buttons still take the keyboard.
      await watched.page.locator(".deployment-table thead button").first().press("Enter");
      await expect
        .poll(() => watched.page.locator("#table-count").textContent())
        .toBe(t(lang).table.count.replace("{shown}", total).replace("{total}", total));
      expect(((await rowIds(watched.page)) as string[]).sort()).toEqual(concrete.map((record) => record.id).sort());
      expect(await watched.page.getByRole("navigation", { name: t(lang).tableView.pages }).count()).toBe(0);
      expect(await findings(watched)).toEqual(clean);
    } finally {
      await watched.page.close();
    }
  });

  it.each(["/de/table/", "/en/table/2/"])("%s, with its page links, has no WCAG 2.2 A/AA violation", async (path) => {
    const page = await browser().newPage();
    try {
      await page.goto(url(path));
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("opened with a view in its address, filters across every page at once", async () => {
    const watched = await openWatched(context, url("/en/table/?country=DE"));
    try {
      const german = concrete.filter((record) => record.data.country === "DE").map((record) => record.id);
      // In English, Germany comes after Austria, so its row is on the second page.
      expect(german.length).toBeGreaterThan(0);
      await expect
        .poll(() =>
          watched.page
            .locator(".deployment-table tbody tr:not([hidden])")
            .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-id"))),
        )
        .toEqual(german);
      expect(await findings(watched)).toEqual(clean);
    } finally {
      await watched.page.close();
    }
  });
});

describe("the record editor", () => {
  const hostileRecords = (["deployments", "products", "positions"] as const).flatMap((collection) =>
    registry[collection].map((record) => [`${collection}/${record.id}`, record.file] as const),
  );
  it.each(hostileRecords)(
    "opens %s, shows its text as text and hands back the file unchanged",
    async (record, file) => {
      const watched = await openWatched(context, url(`/de/contribute/editor/?record=${record}`));
      try {
        const preview = watched.page.locator(".editor-preview code");
        await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toBe(readFileSync(file, "utf8"));
        expect(await findings(watched)).toEqual(clean);
      } finally {
        await watched.page.close();
      }
    },
  );
});

describe("entry pages", () => {
  const deployment = registry.deployments.find((record) => record.id === "hostile-deployment")!;

  it.each(languages)("show the %s title and summary as the text the record gives", async (lang) => {
    const watched = await openWatched(context, url(`/${lang}/deployments/${deployment.id}/`));
    try {
      const name = deployment.data.authorities[0]!.name as { de: string; en: string };
      const title = name[lang];
      expect(squash(await watched.page.locator("h1").textContent())).toBe(squash(`${title}: ${deployment.data.name}`));
      const summary = squash(displayText(deployment.data.summary, lang));
      expect(squash(await watched.page.locator("main").textContent())).toContain(summary);
    } finally {
      await watched.page.close();
    }
  });

  it("give JSON-LD that parses and names the entry as written", () => {
    for (const lang of languages) {
      for (const record of registry.deployments) {
        const html = builtText(outDir, `/${lang}/deployments/${record.id}/`);
        const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
        expect(scripts, `${lang} ${record.id}`).toHaveLength(1);
        const data = JSON.parse(scripts[0]![1]!) as { name: string };
        expect(data.name).toContain(record.data.name);
      }
    }
  });

  it("give BibTeX whose braces balance the way BibTeX counts them", async () => {
    const page = await context.newPage();
    try {
      for (const lang of languages) {
        for (const record of registry.deployments) {
          await page.goto(url(`/${lang}/deployments/${record.id}/`));
          const bib = await page.locator("details:has(> summary:text-is('BibTeX')) pre").textContent();
          expect(bib, `${lang} ${record.id}`).toMatch(new RegExp(`^@misc\\{registry-${record.id},\\n`));
          let depth = 0;
          for (const character of bib!) {
            depth += character === "{" ? 1 : character === "}" ? -1 : 0;
            expect(depth, `${lang} ${record.id}: a } closes more than was opened`).toBeGreaterThanOrEqual(0);
          }
          expect(depth, `${lang} ${record.id}`).toBe(0);
          const csl = JSON.parse((await page.locator("details:has(> summary:text-is('CSL-JSON')) pre").textContent())!);
          expect(csl.title).toContain(record.data.name);
        }
      }
    } finally {
      await page.close();
    }
  });
});

describe("files for programs", () => {
  it.each(languages)("the %s feed is XML that parses and carries the titles as text", async (lang) => {
    const xml = await fetchText(`/${lang}/feed.xml`);
    const page = await context.newPage();
    try {
      const parsed = await page.evaluate((text) => {
        const document = new DOMParser().parseFromString(text, "application/xml");
        return {
          error: document.querySelector("parsererror")?.textContent ?? null,
          titles: [...document.querySelectorAll("entry > title")].map((title) => title.textContent ?? ""),
        };
      }, xml);
      expect(parsed.error).toBeNull();
      for (const record of registry.deployments)
        expect(
          parsed.titles.some((title) => title.includes(record.data.name!)),
          record.id,
        ).toBe(true);
    } finally {
      await page.close();
    }
  });

  it("the JSON exports parse and give each record's text unchanged", async () => {
    for (const [collection, records] of Object.entries({
      deployments: registry.deployments,
      products: registry.products,
      positions: registry.positions,
    })) {
      const document = JSON.parse(await fetchText(`/api/v1/${collection}.json`)) as Record<string, unknown>;
      const exported = document[collection] as { id: string; record: { summary: unknown } }[];
      for (const record of records)
        expect(exported.find((entry) => entry.id === record.id)?.record.summary, record.id).toEqual(
          record.data.summary,
        );
    }
  });

  it("the CSV reads back row for row, each text only marked with apostrophes", async () => {
    const csv = (await fetchText("/api/v1/deployments.csv")).replace(/^\uFEFF/, "");
    const [header, ...rows] = parseCsv(csv);
    expect(rows).toHaveLength(registry.deployments.length);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    const column = (name: string) => header!.indexOf(name);
    for (const record of registry.deployments) {
      const row = rows.find((cells) => cells[column("id")] === record.id)!;
      const noApostrophes = (text: string) => text.replace(/'/g, "");
      expect(noApostrophes(row[column("name")]!)).toBe(noApostrophes(record.data.name!));
      expect(noApostrophes(row[column("summary_de")]!)).toBe(noApostrophes(displayText(record.data.summary, "de")));
    }
  });

  it.each([",", ";", "\t"])("no field of the CSV split on %j starts a formula", async (separator) => {
    const csv = (await fetchText("/api/v1/deployments.csv")).replace(/^\uFEFF/, "");
    expect(csv.includes("Stadtchat;'=cmd"), "the fixture's formula reached the CSV, marked as text").toBe(true);
    expect(fieldsSplitOn(csv, separator).filter(startsFormula)).toEqual([]);
  });
});
