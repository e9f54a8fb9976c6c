// The record editor as a contributor uses it: a new deployment filled in by keyboard and mouse, a
// validator message on the field while typing, a file the real validator accepts in data/, an
// existing record opened from its entry page and handed back unchanged, and links that carry the file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { t } from "../../src/i18n/index.ts";
import { repository } from "../../src/config.ts";
import { formatProblem, validateRegistry } from "../../src/lib/validation/validate-registry.ts";
import { openWatched } from "./page-checks.ts";
import { deploymentFileIds, records, siteUrl, useBrowser } from "./site.ts";

const browser = useBrowser();
// The editor draws its form and checks the file after the page has loaded; on a busy machine that takes seconds.
const settled = { timeout: 30_000 };
const dict = t("de");
const text = dict.editor;
const id = "de-beispiel-behoerde-chat";
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of data/ with `file` written into it, validated as `npm run validate` does. */
function validateInCopy(collection: string, name: string, content: string) {
  const dir = mkdtempSync(join(tmpdir(), "editor-data-"));
  copies.push(dir);
  cpSync("data", join(dir, "data"), { recursive: true });
  writeFileSync(join(dir, "data", collection, name), content);
  return validateRegistry(join(dir, "data"), dir).problems;
}

async function newContext(): Promise<BrowserContext> {
  const context = await browser().newContext({ acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(siteUrl("/")).origin });
  return context;
}

const form = (page: Page) => page.locator("form.editor-form");
/** A top-level field of the form, by its key in the schema. */
const field = (page: Page, key: string) => form(page).locator(`:scope > .record-fields > [data-key="${key}"]`);
const preview = (page: Page) => page.locator(".editor-preview code");
const problemCount = (page: Page) => page.locator(".editor-check > p").first();

/** Types into a field from the keyboard, as a person does: focus it, type, leave it. */
async function typeInto(control: Locator, value: string): Promise<void> {
  await control.focus();
  await control.page().keyboard.type(value);
}

describe("the editor page", () => {
  it("loads the registry's records from a file of their own, so the page does not grow with the registry", async () => {
    const html = await (await fetch(siteUrl("/de/contribute/editor/"))).text();
    for (const deploymentId of deploymentFileIds()) expect(html, deploymentId).not.toContain(`"${deploymentId}"`);
    const context = await newContext();
    const { page } = await openWatched(context, siteUrl("/de/contribute/editor/"));
    try {
      await form(page).waitFor(settled);
      const listed = (collection: string) =>
        page
          .locator(`#re-list-${collection} option`)
          .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      expect((await listed("deployments")).sort()).toEqual(deploymentFileIds().sort());
      expect((await listed("products")).sort()).toEqual(records.products.map((p) => p.id).sort());
    } finally {
      await context.close();
    }
  });
});

describe("a new deployment", () => {
  it("is filled in, corrected on the validator's word, and accepted by the real validator", async () => {
    const context = await newContext();
    const { page, trouble } = await openWatched(context, siteUrl("/de/contribute/editor/"));
    try {
      await page.getByLabel(text.id).waitFor();
      // A new form is not wrong before anyone types in it: no field carries a message yet.
      expect(await page.locator(".field-problem").evaluateAll((ps) => ps.map((p) => p.textContent).join(""))).toBe("");
      // From the file name to the system's name with the Tab key.
      await typeInto(page.getByLabel(text.id), id);
      await page.keyboard.press("Tab");
      await page.keyboard.type("Beispiel-Chat");
      expect(await field(page, "name").locator("input").inputValue()).toBe("Beispiel-Chat");

      await typeInto(field(page, "country").locator("input"), "DE");
      await field(page, "level").locator("select").selectOption("national");
      const administration = field(page, "sectors").getByLabel(dict.label.sector.administration);
      await administration.focus();
      await page.keyboard.press("Space");
      await expect.poll(() => administration.isChecked(), settled).toBe(true);
      await typeInto(field(page, "authorities").getByLabel(text.german), "Beispielbehörde");
      // The product is a key fact whose value names a product record: a picker over the products.
      const product = field(page, "product").getByLabel(text.fieldLabels.value, { exact: true });
      expect(await product.getAttribute("list")).toBe("re-list-products");
      await typeInto(product, "element");

      // The source first, so that the facts can name it.
      const source = field(page, "sources").locator(".list-item").first();
      await typeInto(source.getByLabel(text.fieldLabels.id, { exact: true }), "beispiel-quelle");
      await source.getByLabel(dict.field.kind, { exact: true }).selectOption("official");
      await typeInto(source.getByLabel(text.fieldLabels.publisher, { exact: true }), "Beispielamt");
      await typeInto(source.getByLabel(text.fieldLabels.url, { exact: true }), "https://example.org/beispiel");

      const federation = field(page, "federation");
      await federation.getByLabel(text.fieldLabels.value, { exact: true }).selectOption("disabled");
      const federationSource = federation.getByLabel("beispiel-quelle");
      await federationSource.waitFor();
      await federationSource.check();
      await federation.getByLabel(text.fieldLabels.confidence, { exact: true }).selectOption("confirmed");

      const step = field(page, "status").locator(".list-item").first();
      await step.getByLabel(dict.field.status, { exact: true }).selectOption("active");
      await step.getByLabel("beispiel-quelle").check();
      await step.getByLabel(text.fieldLabels.confidence, { exact: true }).selectOption("reported");
      const date = step.getByLabel(dict.field.date, { exact: true });
      await typeInto(date, "2019-13-01");

      await typeInto(field(page, "summary").getByLabel(text.german), "Ein Beispiel für das Formular.");
      await typeInto(field(page, "reviewed").locator("input"), "2026-01-15");

      // The wrong month: the message the validator prints for it appears on the date field.
      await expect.poll(() => date.getAttribute("aria-invalid"), settled).toBe("true");
      const wrong = validateInCopy("deployments", `${id}.yaml`, (await preview(page).textContent())!).find(
        (problem) => problem.file === `data/deployments/${id}.yaml` && problem.field === "status[0].date",
      );
      expect(wrong?.message).toBe('expected a real date written "YYYY-MM-DD", "YYYY-MM" or "YYYY"');
      const message = page.locator(`#${(await date.getAttribute("aria-describedby"))!.split(" ").at(-1)}`);
      expect(await message.textContent()).toBe(wrong!.message);

      await date.fill("");
      await typeInto(date, "2019-12");
      // An empty date is valid too (it is optional): wait for the file to hold the new one before judging it.
      await expect.poll(() => preview(page).textContent(), settled).toContain('    date: "2019-12"\n');
      await expect.poll(() => problemCount(page).textContent(), settled).toBe(text.noProblems);
      expect(await date.getAttribute("aria-invalid")).toBeNull();
      expect(await message.textContent()).toBe("");

      const yaml = (await preview(page).textContent())!;
      expect(yaml.split("\n").slice(0, 3)).toEqual([
        "# yaml-language-server: $schema=../../public/schema/deployment.schema.json",
        "name: Beispiel-Chat",
        "country: DE",
      ]);
      expect(yaml).toContain('    date: "2019-12"\n');
      expect(yaml).toContain("federation:\n  value: disabled\n  sources: [beispiel-quelle]\n  confidence: confirmed\n");
      expect(validateInCopy("deployments", `${id}.yaml`, yaml).map(formatProblem)).toEqual(
        validateRegistry("data").problems.map(formatProblem),
      );

      // The pull request carries the file under its name; so does the issue.
      const pull = new URL((await page.locator('a[data-way="pull-request"]').getAttribute("href"))!);
      expect(pull.href.startsWith(`${repository.repositoryUrl}/new/${repository.branch}?`)).toBe(true);
      expect(pull.searchParams.get("filename")).toBe(`data/deployments/${id}.yaml`);
      expect(pull.searchParams.get("value")).toBe(yaml);
      const issue = new URL((await page.locator('a[data-way="issue"]').getAttribute("href"))!);
      expect(issue.searchParams.get("title")).toBe(`Neuer Eintrag: data/deployments/${id}.yaml`);
      expect(issue.searchParams.get("body")).toContain(`\`\`\`yaml\n${yaml}\`\`\``);

      await page.locator('button[data-way="copy"]').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), settled).toBe(yaml);

      // The draft survives a reload.
      await page.reload();
      await page.getByText(text.draftRestored).waitFor();
      expect(await page.getByLabel(text.id).inputValue()).toBe(id);
      await expect.poll(() => preview(page).textContent(), settled).toBe(yaml);
      expect(trouble).toEqual({
        foreignRequests: [],
        cspViolations: [],
        consoleErrors: [],
        pageErrors: [],
        dialogs: [],
      });
    } finally {
      await context.close();
    }
  });
});

describe("an existing record", () => {
  it("opened from its entry page and handed back unchanged is the file in data/, byte for byte", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(siteUrl("/de/deployments/de-he-polizei-hepolchat/"));
      await page.getByRole("link", { name: text.editLink }).click();
      await page.getByText(text.opened.replace("{file}", "data/deployments/de-he-polizei-hepolchat.yaml")).waitFor();
      const original = readFileSync("data/deployments/de-he-polizei-hepolchat.yaml");
      await expect.poll(() => preview(page).textContent(), settled).toBe(original.toString("utf8"));
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator('a[data-way="download"]').click(),
      ]);
      expect(download.suggestedFilename()).toBe("de-he-polizei-hepolchat.yaml");
      expect(readFileSync((await download.path())!).equals(original)).toBe(true);
      const edit = await page.locator('a[data-way="pull-request"]').getAttribute("href");
      expect(edit).toBe(
        `${repository.repositoryUrl}/edit/${repository.branch}/data/deployments/de-he-polizei-hepolchat.yaml`,
      );
    } finally {
      await context.close();
    }
  });

  it.each([
    ["products", "threema"],
    ["positions", "de-bfdi-schreiben-2019"],
    ["deployments", "de-bund-wire"],
    ["deployments", "de-laudenbach-dossenheim-whatsapp"],
  ])("%s/%s, with its disputed values, lists and texts, comes back unchanged", async (collection, record) => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(siteUrl(`/en/contribute/editor/?record=${collection}/${record}`));
      const file = readFileSync(`data/${collection}/${record}.yaml`, "utf8");
      await expect.poll(() => preview(page).textContent(), settled).toBe(file);
      const issue = page.locator('a[data-way="issue"]');
      const body = new URL((await issue.getAttribute("href"))!).searchParams.get("body")!;
      // The issue carries the file when it fits in an address, else asks to paste it.
      if (body.includes("```yaml")) expect(body).toContain(`\`\`\`yaml\n${file}\`\`\``);
      else expect(body).toContain(t("en").editor.issuePasteHere);
    } finally {
      await context.close();
    }
  });

  it("a changed fact changes its line and nothing else", async () => {
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(siteUrl("/en/contribute/editor/?record=deployments/fr-police-raid-olvid"));
      const file = readFileSync("data/deployments/fr-police-raid-olvid.yaml", "utf8");
      await expect.poll(() => preview(page).textContent(), settled).toBe(file);
      const reviewed = field(page, "reviewed").locator("input");
      await reviewed.fill("2026-11-30");
      await expect.poll(() => preview(page).textContent(), settled).not.toBe(file);
      const after = (await preview(page).textContent())!.split("\n");
      const before = file.split("\n");
      expect(after.filter((line, i) => line !== before[i])).toEqual(['reviewed: "2026-11-30"']);
    } finally {
      await context.close();
    }
  });
});
