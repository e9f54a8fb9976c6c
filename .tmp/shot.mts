import { launchBrowser } from "../test/e2e/browser.ts";
import { serveStatic } from "../test/e2e/static-server.ts";
const server = await serveStatic(process.argv[2]!);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
for (const [path, file, y] of [["/de/deployments/de-he-polizei-hepolchat/", "entry-top", 0], ["/de/deployments/de-he-polizei-hepolchat/", "entry-cite", -1], ["/de/", "home", 0], ["/en/api/", "api", 0]] as const) {
  await page.goto(server.url + path);
  if (y === -1) await page.locator("#cite").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/${file}.png` });
}
await browser.close(); await server.close();
