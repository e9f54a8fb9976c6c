// Contributing as someone who does not program: the contribute page starts with the simplest way,
// every list page offers to report a missing deployment, and a correction link says in the
// reader's language what it corrects, including when a product fact goes to the product.
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.ts";
import { languages, records, siteUrl } from "./site.ts";

const html = async (path: string) => {
  const response = await fetch(siteUrl(path));
  expect(response.status, path).toBe(200);
  return response.text();
};
const decode = (href: string) => new URL(href.replace(/&amp;/g, "&"));

describe("the contribute page", () => {
  it.each([
    [
      "de",
      [
        "1. Einen Hinweis oder eine Korrektur schicken",
        "2. Einen Eintrag mit dem Formular anlegen oder bearbeiten",
        "3. Im Repository arbeiten",
      ],
    ],
    ["en", ["1. Send a pointer or a correction", "2. Add or edit an entry with the form", "3. Work in the repository"]],
  ] as const)("(%s) offers the three ways, the suggestion first", async (lang, headings) => {
    const page = await html(`/${lang}/contribute/`);
    const found = [...page.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((match) => match[1]!);
    expect(found.slice(0, 3).map((heading, i) => heading.startsWith(headings[i]!))).toEqual([true, true, true]);
    expect(page).toMatch(/href="[^"]*\/issues\/new\?[^"]*template=new-deployment\.yml/);
    expect(page, "the second way links to the form").toContain(`href="/${lang}/contribute/editor/"`);
    expect(page.replace(/<[^>]+>/g, "")).toContain("npm run new -- deployment");
  });
});

describe("report a deployment", () => {
  for (const lang of languages) {
    it(`(${lang}) is offered on the table, the overview and every country page`, async () => {
      const countries = [...new Set(records.deployments.map((d) => d.country.toLowerCase()))];
      for (const path of [
        `/${lang}/table/`,
        `/${lang}/overview/`,
        ...countries.map((c) => `/${lang}/countries/${c}/`),
      ]) {
        const page = await html(path);
        const href = /<a class="report-deployment-link" href="([^"]+)"/.exec(page)?.[1];
        expect(href, path).toBeDefined();
        const url = decode(href!);
        expect(url.searchParams.get("template")).toBe("new-deployment.yml");
        expect(url.searchParams.get("title")).toBe(`${t(lang).correction.newDeploymentTitle}: `);
      }
    });
  }
});

describe("correction issue titles", () => {
  for (const lang of languages) {
    it(`(${lang}) name the record and field as the page does, and product facts say they correct the product`, async () => {
      const dict = t(lang);
      // Deployments that name a product, whose facts the page shows with the product's correction links.
      for (const deployment of records.deployments.filter((d) => d.product).slice(0, 15)) {
        const page = await html(`/${lang}/deployments/${deployment.id}/`);
        const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/
          .exec(page)![1]!
          .replace(/<[^>]+>/g, "")
          .replace(/&amp;/g, "&")
          .trim();
        const links = [...page.matchAll(/<a class="correct-link[^"]*" href="([^"]+)"/g)].map((m) => decode(m[1]!));
        const titles = links.map((url) => url.searchParams.get("title")!);
        expect(titles, deployment.id).toContain(`${dict.correction.titlePrefix}: ${heading}`);
        expect(titles).toContain(`${dict.correction.titlePrefix}: ${heading} – ${dict.field.federation}`);
        const productName = deployment.product!.data.name;
        expect(titles).toContain(`${dict.correction.titlePrefix}: ${productName} – ${dict.field.protocol}`);
        const protocolFact = /<div class="fact" data-field="protocol"[\s\S]*?<\/div>/.exec(page)![0];
        expect(protocolFact, deployment.id).toContain(dict.correction.ofProduct(productName));
        const federationFact = /<div class="fact" data-field="federation"[\s\S]*?<\/div>/.exec(page)![0];
        expect(federationFact).not.toContain(dict.correction.ofProduct(productName));
      }
    });
  }
});
