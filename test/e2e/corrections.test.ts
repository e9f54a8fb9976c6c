// A reader who spots an error reaches a prefilled issue in one click: every entry page's links
// decode to that entry, the field and its current value. Read from the served HTML as a browser
// would follow the link (the e2e build links to a GitHub test repository; see global-setup.ts).
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.ts";
import { repository } from "../../src/config.ts";
import { languages, records, siteUrl } from "./site.ts";

/** Every link with `class` starting `className` on a page, decoded. */
async function linksOfClass(path: string, className: string): Promise<URL[]> {
  const html = await (await fetch(siteUrl(path))).text();
  return [...html.matchAll(new RegExp(`<a class="${className}[^"]*" href="([^"]+)"`, "g"))].map(
    (match) => new URL(match[1]!.replace(/&amp;/g, "&")),
  );
}

describe("correction links", () => {
  for (const lang of languages) {
    it(`on every ${lang} entry page decode to the entry, its permalink, each field and value`, async () => {
      for (const deployment of records.deployments) {
        const path = `/${lang}/deployments/${deployment.id}/`;
        const links = await linksOfClass(path, "correct-link");
        const forEntry = links.filter((url) => url.searchParams.get("entry") === deployment.id);
        expect(forEntry.length, path).toBeGreaterThan(0);
        for (const url of forEntry) {
          expect(url.pathname).toMatch(/\/issues\/new$/);
          expect(new URL(url.searchParams.get("permalink")!, siteUrl("/")).pathname, path).toBe(path);
        }
        const whole = forEntry.find((url) => !url.searchParams.has("field"));
        expect(whole, `${path}: a link for the whole entry`).toBeDefined();
        const federation = forEntry.find((url) => url.searchParams.get("field") === "federation");
        expect(federation, `${path}: a link for the federation fact`).toBeDefined();
        for (const claim of deployment.data.federation) {
          expect(federation!.searchParams.get("current"), path).toContain(t(lang).label.federationStatus[claim.value]);
        }
        const edit = await linksOfClass(path, "edit-link");
        expect(
          edit.map((url) => url.pathname),
          path,
        ).toContain(
          `${new URL(repository.repositoryUrl!).pathname}/edit/${repository.branch}/data/deployments/${deployment.id}.yaml`,
        );
        for (const source of deployment.data.sources) {
          expect(
            forEntry.some((url) => url.searchParams.get("field") === `sources[${source.id}]`),
            `${path}: a link for source ${source.id}`,
          ).toBe(true);
        }
      }
    });
  }
});
