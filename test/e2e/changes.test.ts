// The changelog as readers see it, checked against git itself: each entry page lists the commits
// that touched its file, with links to them on the forge; the feed and the home page carry the
// newest changes; and nothing is dated earlier or later than git says.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { e2eRepositoryUrl } from "./global-setup.ts";
import { languages, records, siteUrl } from "./site.ts";

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
const shallow = git("rev-parse", "--is-shallow-repository") === "true";
/** The oldest commits of a shallow clone: what they seem to add cannot be told from where the copy starts. */
const boundaries = new Set(
  shallow
    ? readFileSync(git("rev-parse", "--git-path", "shallow"), "utf8")
        .split("\n")
        .filter(Boolean)
    : [],
);
/** Commits of a file (or folder) along the main line, newest first, leaving out a shallow clone's boundary. */
function commitsOf(path: string): { sha: string; date: string }[] {
  return git("log", "--first-parent", "--format=%H %cI", "--", path)
    .split("\n")
    .filter(Boolean)
    .map((line) => ({ sha: line.split(" ")[0]!, date: line.split(" ")[1]! }))
    .filter((commit) => !boundaries.has(commit.sha));
}
const html = async (path: string) => {
  const response = await fetch(siteUrl(path));
  expect(response.status, path).toBe(200);
  return response.text();
};
/** The changes section of an entry page: each listed change's commit, date and text. */
function listedChanges(page: string) {
  const section = /<section class="record-changes"[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
  return {
    section,
    items: [...section.matchAll(/<li id="change-([0-9a-f]{40})"[^>]*data-kind="(\w+)"[^>]*>([\s\S]*?)<\/li>/g)].map(
      ([, sha, kind, body]) => ({ sha: sha!, kind: kind!, body: body!, date: /datetime="([^"]+)"/.exec(body!)?.[1] }),
    ),
  };
}

describe("changes on entry pages", () => {
  for (const lang of languages) {
    it(`(${lang}) list every commit of the entry's file, dated as git dates it, linked on the forge`, async () => {
      for (const deployment of records.deployments.slice(0, 20)) {
        const path = `data/deployments/${deployment.id}.yaml`;
        const { section, items } = listedChanges(await html(`/${lang}/deployments/${deployment.id}/`));
        expect(section, deployment.id).toContain('id="changes"');
        const expected = commitsOf(path).slice(0, 20);
        expect(
          items.map((item) => [item.sha, item.date]),
          deployment.id,
        ).toEqual(expected.map((commit) => [commit.sha, commit.date]));
        for (const item of items) expect(item.body).toContain(`href="${e2eRepositoryUrl}/commit/${item.sha}"`);
        const added = git("log", "--diff-filter=A", "--format=%H", "--", path).split("\n").filter(Boolean);
        for (const item of items.filter((i) => i.kind === "added")) expect(added, deployment.id).toContain(item.sha);
        if (shallow) expect(section).toContain('class="history-notice"');
      }
    });
  }
});

describe("the newest changes", () => {
  it("are what the feed carries (at most 50), newest first, and the home page names the newest", async () => {
    const xml = await html("/en/feed.xml");
    const dates = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map((m) => m[1]!);
    expect(dates.length).toBeLessThanOrEqual(50);
    expect(dates).toEqual([...dates].sort().reverse());
    const newestRecordCommit = commitsOf("data")[0];
    if (!newestRecordCommit) {
      expect(xml).toMatch(/<subtitle>[^<]*shortened version history/);
      return;
    }
    expect(dates.length).toBeGreaterThan(0);
    const home = await html("/en/");
    const latest = /<section class="latest-changes"[\s\S]*?<\/section>/.exec(home)?.[0] ?? "";
    expect(latest).toContain(`data-commit="${newestRecordCommit.sha}"`);
    expect(latest).toMatch(/href="\/en\/(deployments|products|positions)\/[a-z0-9-]+\/#changes"/);
  });
});
