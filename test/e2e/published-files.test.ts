// The files a program fetches from the published site: exports against their published JSON
// Schemas, the CSV, the feeds and the social cards. (The e2e build is a preview, which has no
// sitemap: site-home.test.ts checks the sitemap of a build with a public address.)
import { readdirSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { siteUrl } from "./site.ts";

const ids = (collection: string) =>
  readdirSync(`data/${collection}`)
    .map((name) => name.replace(/\.yaml$/, ""))
    .sort();
const get = async (path: string) => {
  const response = await fetch(siteUrl(path));
  expect(response.status, path).toBe(200);
  return response;
};

describe("open data", () => {
  for (const collection of ["deployments", "products", "positions"]) {
    it(`api/v1/${collection}.json validates against the published schema and holds every record`, async () => {
      const document = (await (await get(`/api/v1/${collection}.json`)).json()) as Record<string, unknown>;
      const schema = (await (await get(`/api/v1/${collection}.schema.json`)).json()) as object;
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(schema);
      expect(validate(document), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
      const records = document[collection] as { id: string }[];
      expect(records.map((record) => record.id).sort()).toEqual(ids(collection));
      expect(document.count).toBe(ids(collection).length);
      expect(document.dataVersion).toMatch(/^[0-9a-f]{12}$/);
    });
  }

  it("api/v1/deployments.csv is UTF-8 with one row per deployment", async () => {
    const text = await (await get("/api/v1/deployments.csv")).text();
    const firstCells = text
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter((line) => /^[a-z]{2,3}-[a-z0-9-]+,(https:|\/)/.test(line))
      .map((line) => line.split(",")[0]);
    expect(firstCells.sort()).toEqual(ids("deployments"));
  });
});

describe("feeds", () => {
  it.each(["de", "en"])("the %s Atom feed is well-formed and every item links to a page of the site", async (lang) => {
    const xml = await (await get(`/${lang}/feed.xml`)).text();
    const parser = new DOMParserLike(xml);
    expect(parser.root).toBe("feed");
    for (const [, href] of xml.matchAll(/<entry>[\s\S]*?<link href="([^"]+)"/g)) {
      expect((await fetch(siteUrl(href!.replace(/&amp;/g, "&")))).status, href).toBe(200);
    }
  });
});

describe("social cards", () => {
  it("every entry page points to an existing 1200×630 PNG card", async () => {
    for (const id of ids("deployments")) {
      const html = await (await get(`/en/deployments/${id}/`)).text();
      const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
      expect(image, id).toMatch(new RegExp(`/og/en/deployments/${id}\\.png$`));
      const png = Buffer.from(await (await get(new URL(image!, siteUrl("/")).pathname)).arrayBuffer());
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });
});

/** A strict well-formedness check: balanced tags, one root element. */
class DOMParserLike {
  root: string;
  constructor(xml: string) {
    const body = xml.replace(/<\?xml[^>]*\?>/, "").trim();
    const stack: string[] = [];
    let root = "";
    for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
      const [, closing, name, selfClosing] = match;
      if (closing) {
        expect(stack.pop(), `closing </${name}>`).toBe(name);
      } else if (!selfClosing) {
        if (stack.length === 0) {
          expect(root, "a second root element").toBe("");
          root = name!;
        }
        stack.push(name!);
      } else if (stack.length === 0) root ||= name!;
    }
    expect(stack, "unclosed elements").toEqual([]);
    this.root = root;
  }
}
