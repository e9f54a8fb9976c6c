// The changelog read from git: what a reader of an entry page, the home page and the feed learns
// about when a record changed and how, including from a shallow clone that lacks older history.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegistryHistory, type RegistryHistory } from "../../src/lib/model/record-history.ts";
import { changeLines, historyNotice } from "../../src/lib/site/change-text.ts";
import { atomFeed, feedItems } from "../../src/lib/outputs/feed.ts";
import { registryFromFiles } from "../../src/lib/model/registry-from-files.ts";

const model = registryFromFiles("data");
let repo: string;
let shallowCopy: string;
let commits: string[];

/** Commits the given files with a fixed date, as a contributor would. */
function commit(files: Record<string, string | null>, message: string, date: string): string {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) rmSync(join(repo, path));
    else {
      mkdirSync(join(repo, path, ".."), { recursive: true });
      writeFileSync(join(repo, path), text);
    }
  }
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@localhost", ...args], {
      cwd: repo,
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      encoding: "utf8",
    });
  git("add", "-A");
  git("commit", "-q", "-m", message);
  return git("rev-parse", "HEAD").trim();
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "registry-history-"));
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
  commits = [
    commit(
      {
        "data/deployments/fr-tchap.yaml": "federation: disabled\nusers: []\nsummary: a\n",
        "data/products/tchap.yaml": "protocol: matrix\n",
      },
      "Add Tchap",
      "2024-01-10T10:00:00+00:00",
    ),
    commit(
      {
        "data/deployments/fr-tchap.yaml":
          "federation:\n  value: enabled-allowlist\n  sources: [s1]\n  confidence: confirmed\nusers: []\nsummary: b\n",
      },
      "Tchap federates with allow-listed servers",
      "2024-03-05T10:00:00+00:00",
    ),
    commit(
      {
        "data/deployments/fr-tchap.yaml":
          "federation:\n  value: enabled-allowlist\n  sources: [s1]\n  confidence: confirmed\nusers: [1]\nsummary: b\n",
        README: "x",
      },
      "Tchap user figures",
      "2024-06-01T10:00:00+00:00",
    ),
    commit({ "data/products/tchap.yaml": null }, "Drop product", "2024-07-01T10:00:00+00:00"),
  ];
  shallowCopy = mkdtempSync(join(tmpdir(), "registry-history-shallow-"));
  execFileSync("git", ["clone", "-q", "--depth", "2", `file://${repo}`, shallowCopy]);
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(shallowCopy, { recursive: true, force: true });
});

describe("record history from git", () => {
  let history: RegistryHistory;
  beforeAll(() => {
    history = readRegistryHistory("data", repo);
  });

  it("dates each change by its commit and names the commit", () => {
    expect(history).toMatchObject({ available: true, shallow: false });
    expect(history.knownSince).toBeUndefined();
    const tchap = history.changes.filter((change) => change.id === "fr-tchap");
    expect(tchap.map((change) => [change.kind, change.date, change.commit])).toEqual([
      ["changed", "2024-06-01T10:00:00+00:00", commits[2]],
      ["changed", "2024-03-05T10:00:00+00:00", commits[1]],
      ["added", "2024-01-10T10:00:00+00:00", commits[0]],
    ]);
    expect(history.changes.find((change) => change.id === "tchap" && change.kind === "removed")?.commit).toBe(
      commits[3],
    );
  });

  it("tells a changed key fact, with value and confidence before and after, from other changed fields", () => {
    const [later, federated] = history.changes.filter((c) => c.id === "fr-tchap" && c.kind === "changed");
    expect(federated!.fields.sort()).toEqual(["federation", "summary"]);
    expect(federated!.facts).toEqual([
      {
        key: "federation",
        before: { value: "disabled", confidence: "unattributed" },
        after: { value: "enabled-allowlist", confidence: "confirmed" },
      },
    ]);
    expect(changeLines(federated!, "de")).toEqual([
      "Föderation: abgeschaltet (nicht einzeln belegt) → nur mit zugelassenen Servern (amtlich bestätigt)",
      "Geändert: Zusammenfassung",
    ]);
    expect(later!.facts).toEqual([]);
    expect(changeLines(later!, "en")).toEqual(["Changed: User figures"]);
  });

  it("knows nothing, and says so, outside a git repository", () => {
    const none = readRegistryHistory("data", tmpdir());
    expect(none).toEqual({ available: false, shallow: false, changes: [] });
    expect(historyNotice(none, "en")).toMatch(/No version history is available/);
  });

  it("in a shallow clone drops what the oldest commit present seems to add and says from when it knows", () => {
    const shallow = readRegistryHistory("data", shallowCopy);
    expect(shallow.shallow).toBe(true);
    expect(shallow.knownSince).toBe("2024-06-01T10:00:00+00:00");
    // Only the one commit whose parent is present is known; nothing is dated as newly added.
    expect(shallow.changes.map((change) => [change.id, change.kind])).toEqual([["tchap", "removed"]]);
    expect(historyNotice(shallow, "de")).toContain("seit dem 2024-06-01");
  });
});

describe("feed of changes", () => {
  it("carries new records and changed key facts only, newest first, within the limit", () => {
    const history = readRegistryHistory("data", repo);
    const items = feedItems(model, history, "de", undefined);
    expect(items.map((item) => item.title)).toEqual([
      "Tchap – Aus dem Register entfernt",
      "Französische Regierung: Tchap – Föderation: abgeschaltet (nicht einzeln belegt) → nur mit zugelassenen Servern (amtlich bestätigt)",
      "Französische Regierung: Tchap – Neu im Register",
      "Tchap – Neu im Register",
    ]);
    // The user figures changed no key fact: that commit is on the entry page, not in the feed.
    expect(items.map((item) => item.updated)).toEqual([
      "2024-07-01T10:00:00.000Z",
      "2024-03-05T10:00:00.000Z",
      "2024-01-10T10:00:00.000Z",
      "2024-01-10T10:00:00.000Z",
    ]);
    expect(items[1]!.link).toBe("/de/deployments/fr-tchap/#changes");
    expect(feedItems(model, history, "de", undefined, 2)).toHaveLength(2);
    const xml = atomFeed(feedItems(model, history, "de", "https://register.test"), "de", "https://register.test");
    expect(xml.match(/<entry>/g)).toHaveLength(4);
    expect(xml).toContain(`<id>https://register.test/de/deployments/fr-tchap/#change-${commits[1]}</id>`);
  });
});
