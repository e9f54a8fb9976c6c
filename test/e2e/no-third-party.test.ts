// No third-party requests: fonts, scripts, styles and the search index all come from the site itself.
import { describe, expect, it } from "vitest";
import { open, records, siteUrl, useBrowser } from "./site.ts";

const browser = useBrowser();
const entry = records.deployments[0]!;

describe("requests", () => {
  it.each([
    "/de/",
    "/en/table/?protocol=matrix",
    `/de/deployments/${entry.id}/`,
    "/en/search/?q=Stashcat",
    "/de/coverage/",
    "/en/api/",
  ])("%s loads nothing from any other host", async (path) => {
    const page = await browser().newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await open(page, path);
    await page.waitForLoadState("networkidle");
    const origin = new URL(siteUrl("/")).origin;
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
    await page.close();
  });
});
