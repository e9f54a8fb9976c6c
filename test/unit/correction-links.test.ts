import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { forgeOf, repositoryConfig, type RepositoryConfig } from "../../src/config.ts";
import {
  correctionIssueUrl,
  currentValueText,
  editRecordUrl,
  githubCorrectionFields,
  newDeploymentIssueUrl,
  sourceText,
  type CorrectionTarget,
} from "../../src/lib/site/correction-links.ts";

const github = repositoryConfig({ REGISTRY_REPOSITORY_URL: "https://github.com/owner/register" });
const gitlab = repositoryConfig({ REGISTRY_REPOSITORY_URL: "https://gitlab.example.org/group/register.git" });
const forgejo = repositoryConfig({
  REGISTRY_REPOSITORY_URL: "https://codeberg.org/owner/register/",
  REGISTRY_BRANCH: "pages",
});
const mail = repositoryConfig({
  REGISTRY_REPOSITORY_URL: "https://git.example.org/register",
  REGISTRY_CORRECTIONS_EMAIL: "register@example.org",
});
const nowhere = repositoryConfig({ REGISTRY_REPOSITORY_URL: "https://git.example.org/register" });

// A value with everything that breaks a hand-built query string.
const trickyValue = `Behörde „Süd“ & Co. #1 "quoted" 'single' 50% a+b`;
const target: CorrectionTarget = {
  collection: "deployments",
  id: "de-he-polizei-hepolchat",
  permalink: "https://register.example.org/de/deployments/de-he-polizei-hepolchat/",
  field: "federation",
  currentValue: trickyValue,
  lang: "de",
};

/** The decoded text a forge (or mail client) receives from a link: every query parameter, joined. */
function receivedText(href: string): string {
  return [...new URL(href).searchParams.values()].join("\n");
}

describe("forge detection", () => {
  it.each([
    ["https://github.com/o/r", "github"],
    ["https://gitlab.com/o/r", "gitlab"],
    ["https://gitlab.example.org/o/r", "gitlab"],
    ["https://codeberg.org/o/r", "forgejo"],
    ["https://forgejo.example.org/o/r", "forgejo"],
    ["https://gitea.example.org/o/r", "forgejo"],
    ["https://git.example.org/o/r", "none"],
    ["not a url", "none"],
  ] as const)("%s is %s", (url, forge) => {
    expect(forgeOf(url)).toBe(forge);
  });

  it("without a configured repository has no forge, so no link can point to a made-up one", () => {
    const config = repositoryConfig({});
    expect(config).toEqual({ repositoryUrl: undefined, branch: "main", correctionsEmail: undefined, forge: "none" });
    expect(correctionIssueUrl(target, config)).toBeUndefined();
    expect(editRecordUrl("deployments", "de-bund-wire", config)).toBeUndefined();
    expect(newDeploymentIssueUrl("de", config)).toBeUndefined();
  });
});

describe("correction links", () => {
  it("GitHub: opens the correction form with entry, permalink, field and value prefilled", () => {
    const url = new URL(correctionIssueUrl(target, github)!);
    expect(url.origin + url.pathname).toBe("https://github.com/owner/register/issues/new");
    const params = url.searchParams;
    expect(params.get("template")).toBe("correction.yml");
    expect(params.get("title")).toBe("Korrektur: de-he-polizei-hepolchat – federation");
    expect(params.get("entry")).toBe(target.id);
    expect(params.get("permalink")).toBe(target.permalink);
    expect(params.get("field")).toBe("federation");
    expect(params.get("current")).toBe(trickyValue);
    expect(params.has("body")).toBe(false);
  });

  it("titles the issue in the reader's language with the record's and the field's names", () => {
    const named = { ...target, name: "Polizei Hessen: HePolChat", fieldLabel: "Föderation" };
    expect(new URL(correctionIssueUrl(named, github)!).searchParams.get("title")).toBe(
      "Korrektur: Polizei Hessen: HePolChat – Föderation",
    );
    const english = { ...named, lang: "en" as const, fieldLabel: "Federation" };
    expect(new URL(correctionIssueUrl(english, forgejo)!).searchParams.get("title")).toBe(
      "Correction: Polizei Hessen: HePolChat – Federation",
    );
    expect(new URL(newDeploymentIssueUrl("de", github)!).searchParams.get("title")).toBe("Neuer Einsatz: ");
  });

  it("GitHub: a link for the whole entry leaves field and value empty", () => {
    const url = new URL(correctionIssueUrl({ ...target, field: undefined, currentValue: undefined }, github)!);
    expect(url.searchParams.get("title")).toBe("Korrektur: de-he-polizei-hepolchat");
    expect(url.searchParams.get("entry")).toBe(target.id);
    expect(url.searchParams.has("field")).toBe(false);
    expect(url.searchParams.has("current")).toBe(false);
  });

  it("GitLab: title and description carry the entry, permalink, field, value and questions", () => {
    const url = new URL(correctionIssueUrl(target, gitlab)!);
    expect(url.origin + url.pathname).toBe("https://gitlab.example.org/group/register/-/issues/new");
    expect(url.searchParams.get("issue[title]")).toBe("Korrektur: de-he-polizei-hepolchat – federation");
    const description = url.searchParams.get("issue[description]")!;
    for (const expected of [
      target.id,
      target.permalink,
      "federation",
      trickyValue,
      "Was ist richtig?",
      "Welche Quelle sagt das?",
    ]) {
      expect(description).toContain(expected);
    }
  });

  it("Forgejo/Gitea: title and body carry the same, with the questions in the reader's language", () => {
    const url = new URL(correctionIssueUrl({ ...target, lang: "en" }, forgejo)!);
    expect(url.origin + url.pathname).toBe("https://codeberg.org/owner/register/issues/new");
    expect(url.searchParams.get("title")).toBe("Correction: de-he-polizei-hepolchat – federation");
    const body = url.searchParams.get("body")!;
    for (const expected of [
      target.id,
      target.permalink,
      "federation",
      trickyValue,
      "What is right?",
      "Which source says so?",
    ]) {
      expect(body).toContain(expected);
    }
  });

  it("no forge but a mail address: a mailto link with subject and body, spaces as %20", () => {
    const href = correctionIssueUrl(target, mail)!;
    expect(href.startsWith("mailto:register@example.org?")).toBe(true);
    expect(href).not.toContain("+");
    const url = new URL(href);
    expect(url.searchParams.get("subject")).toBe("Korrektur: de-he-polizei-hepolchat – federation");
    for (const expected of [target.id, target.permalink, "federation", trickyValue]) {
      expect(url.searchParams.get("body")).toContain(expected);
    }
  });

  it("no forge and no mail address: no link at all", () => {
    expect(correctionIssueUrl(target, nowhere)).toBeUndefined();
    expect(newDeploymentIssueUrl("de", nowhere)).toBeUndefined();
    expect(editRecordUrl("deployments", target.id, nowhere)).toBeUndefined();
  });

  it.each([
    ["GitHub", github],
    ["GitLab", gitlab],
    ["Forgejo", forgejo],
    ["mail", mail],
  ] as [string, RepositoryConfig][])("%s: the value survives the round trip unchanged", (_, config) => {
    expect(receivedText(correctionIssueUrl(target, config)!)).toContain(trickyValue);
  });
});

describe("new-deployment and edit links", () => {
  it("opens the new-deployment form on GitHub and asks the questions elsewhere", () => {
    const onGithub = new URL(newDeploymentIssueUrl("de", github)!);
    expect(onGithub.searchParams.get("template")).toBe("new-deployment.yml");
    const onGitlab = new URL(newDeploymentIssueUrl("en", gitlab)!);
    expect(onGitlab.searchParams.get("issue[description]")).toContain("Which authority or public body");
  });

  it("opens the record's YAML in each forge's web editor", () => {
    expect(editRecordUrl("deployments", "de-bund-wire", github)).toBe(
      "https://github.com/owner/register/edit/main/data/deployments/de-bund-wire.yaml",
    );
    expect(editRecordUrl("products", "stashcat", gitlab)).toBe(
      "https://gitlab.example.org/group/register/-/edit/main/data/products/stashcat.yaml",
    );
    expect(editRecordUrl("positions", "x", forgejo)).toBe(
      "https://codeberg.org/owner/register/_edit/pages/data/positions/x.yaml",
    );
  });
});

describe("current values as text", () => {
  it("names the label and the YAML value, and both sides of a dispute", () => {
    const labels = { disabled: "abgeschaltet", "enabled-open": "offen föderiert" };
    expect(currentValueText({ kind: "agreed", value: "disabled", claims: [], history: [] }, labels)).toBe(
      "abgeschaltet (disabled)",
    );
    expect(
      currentValueText({ kind: "disputed", values: ["disabled", "enabled-open"], claims: [], history: [] }, labels),
    ).toBe("abgeschaltet (disabled) / offen föderiert (enabled-open)");
  });

  it("gives a source's publisher, title, date and address as far as known", () => {
    expect(
      sourceText({
        id: "a",
        kind: "press",
        publisher: "heise online",
        title: "Titel",
        date: "2020-01-02",
        url: "https://example.org/a",
      }),
    ).toBe("heise online · Titel · 2020-01-02 · https://example.org/a");
    expect(sourceText({ id: "b", kind: "press", publisher: "Behörden Spiegel" })).toBe("Behörden Spiegel");
  });
});

describe("GitHub correction form", () => {
  const form = parse(
    readFileSync(join(import.meta.dirname, "..", "..", ".github", "ISSUE_TEMPLATE", "correction.yml"), "utf8"),
  ) as {
    body: { type: string; id?: string }[];
  };
  const ids = form.body.flatMap((item) => (item.id ? [item.id] : []));
  const prefilled = new Set(
    [...new URL(correctionIssueUrl(target, github)!).searchParams.keys()].filter(
      (name) => name !== "template" && name !== "title",
    ),
  );

  it("has a field for every parameter the correction link fills in", () => {
    expect(prefilled).toEqual(new Set(githubCorrectionFields));
    for (const name of prefilled) expect(ids).toContain(name);
  });

  it("has every one-line field filled in by the link, and the questions as text areas", () => {
    const inputs = form.body.filter((item) => item.type === "input").map((item) => item.id);
    expect(new Set(inputs)).toEqual(prefilled);
    const textareas = form.body.filter((item) => item.type === "textarea").map((item) => item.id);
    expect(textareas).toEqual(["what-is-wrong", "what-is-right", "source"]);
  });
});
