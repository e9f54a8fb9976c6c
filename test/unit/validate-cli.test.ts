// The contributor's command: `npm run validate` on a data folder, read as a person or CI would.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { snapshotFile } from "../../src/lib/validation/snapshot.ts";
import { sector } from "../../src/schema/vocabulary.ts";

function validate(folder: string | undefined, env: Record<string, string> = {}) {
  const inherited: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: "" };
  delete inherited.REGISTRY_DATA_DIR;
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/validate.ts", ...(folder ? [folder] : [])], {
    encoding: "utf8",
    env: { ...inherited, ...env },
  });
  return { code: result.status, stdout: result.stdout, lines: result.stdout.trim().split("\n") };
}

/** Record files (regular `.yaml` files) in a data folder, as the summary line counts them. */
const yamlFiles = (folder: string) =>
  ["deployments", "products", "positions"].flatMap((collection) => {
    try {
      return readdirSync(join(folder, collection)).filter((name) => name.endsWith(".yaml"));
    } catch {
      return [];
    }
  });

describe("validate CLI", () => {
  it("passes a valid folder with exit code 0 and a summary", () => {
    const { code, lines } = validate("test/fixtures/valid");
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe("✓ 3 files valid (2 deployments, 1 products, 0 positions)");
  });

  it("reads the folder named by REGISTRY_DATA_DIR, as the site's content loader does", () => {
    const { code, lines } = validate(undefined, { REGISTRY_DATA_DIR: "test/fixtures/valid" });
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe("✓ 3 files valid (2 deployments, 1 products, 0 positions)");
  });

  it("fails a folder without records, so a mistyped path does not pass", () => {
    const { code, lines } = validate("test/fixtures/no-such-folder");
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/^✗ no record files in \S*test\/fixtures\/no-such-folder$/);
  });

  it("fails an invalid folder, one line per problem as file:line:col  field: message", () => {
    const { code, lines } = validate("test/fixtures/invalid");
    expect(code).toBe(1);
    expect(lines).toContain(
      'test/fixtures/invalid/deployments/schema-unknown-field.yaml:5:1  sektors: unknown field (did you mean "sectors"?)',
    );
    expect(lines).toContain(
      "test/fixtures/invalid/deployments/schema-javascript-url.yaml:24:10  sources[0].url: expected an http:// or https:// address",
    );
    const problemLines = lines.filter((line) => /^test\/fixtures\/invalid\/\S+:\d+:\d+ {2}/.test(line));
    expect(problemLines.length).toBe(lines.length - 1);
    const errors = problemLines.filter((line) => !line.includes("  warning: ")).length;
    const files = yamlFiles("test/fixtures/invalid").length;
    expect(lines.at(-1)).toBe(`✗ ${errors} error(s), 1 warning(s) in ${files} files`);
  });

  it("prints every problem and the summary into a pipe that is read slowly", () => {
    // Thousands of lines fill a pipe faster than `| less` or CI's log reader empties it; exiting must not cut them off.
    const folder = mkdtempSync(join(tmpdir(), "registry-many-"));
    try {
      mkdirSync(join(folder, "deployments"));
      const broken = readFileSync("test/fixtures/invalid/deployments/schema-unknown-field.yaml");
      for (let i = 0; i < 800; i += 1) writeFileSync(join(folder, "deployments", `broken-${i}.yaml`), broken);
      const slowReader = `node --import tsx scripts/validate.ts "$1" | { sleep 1; cat; }`;
      const result = spawnSync("sh", ["-c", slowReader, "sh", folder], {
        encoding: "utf8",
        env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, GITHUB_ACTIONS: "" },
      });
      const lines = result.stdout.trim().split("\n");
      const summary = /^✗ (\d+) error\(s\) in 800 files$/.exec(lines.at(-1) ?? "");
      expect(summary, lines.at(-1)).not.toBeNull();
      expect(lines.length - 1).toBe(Number(summary![1]));
      expect(lines.length).toBeGreaterThan(800);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("adds GitHub annotations when run in GitHub Actions", () => {
    const { lines } = validate("test/fixtures/invalid", { GITHUB_ACTIONS: "true" });
    expect(lines).toContain(
      `::error file=test/fixtures/invalid/deployments/schema-enum-in-list.yaml,line=5,col=23,title=sectors[1]::sectors[1]: expected one of ${sector.options.join(", ")}; got "polize" (did you mean "police"?)`,
    );
    expect(
      lines.some((line) =>
        line.startsWith("::warning file=test/fixtures/invalid/deployments/http-url.yaml,line=24,col=10"),
      ),
    ).toBe(true);
  });
});

describe("validate CLI on a hostile pull request", () => {
  // File names, keys and values that try to forge annotations, stop workflow commands or clear the terminal.
  const folder = mkdtempSync(join(tmpdir(), "validate-hostile-"));
  mkdirSync(join(folder, "deployments"));
  const valid = readFileSync("test/fixtures/invalid/deployments/valid-reference.yaml", "utf8");
  const forgedName = "x\n::warning file=fine.yaml::all good\n.yaml";
  writeFileSync(join(folder, "deployments", forgedName), valid);
  writeFileSync(join(folder, "deployments", "\u001b[2Jcleared.yaml"), valid);
  writeFileSync(
    join(folder, "deployments", "values.yaml"),
    valid
      .replace("level: state", 'level: "state\\n::stop-commands::pwned\\n::error::forged"')
      .replace("sectors: [ministries]", 'sectors: [ministries]\n"\\e[2J\\e[1;32m✓ all valid\\r": x'),
  );

  const run = validate(folder, { GITHUB_ACTIONS: "true" });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(snapshotFile(folder), { force: true });
  });

  it("still fails, with one problem line and one annotation per problem", () => {
    expect(run.code).toBe(1);
    const annotations = run.lines.filter((line) => line.startsWith("::"));
    const problems = run.lines.filter((line) => /^\S.*:\d+:\d+ {2}/.test(line) && !line.startsWith("::"));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations).toHaveLength(problems.length);
    expect(run.lines).toHaveLength(problems.length * 2 + 1);
  });

  it("lets no record start a workflow command or a terminal sequence", () => {
    for (const line of run.lines) {
      if (line.startsWith("::"))
        expect(line).toMatch(/^::(error|warning) file=[^:,]*,line=\d+,col=\d+(,title=[^:,]*)?::/);
    }
    expect(run.lines.filter((line) => /^::(error|warning) /.test(line)).length).toBe(
      run.lines.filter((line) => line.startsWith("::")).length,
    );
    expect(run.stdout).not.toMatch(/[\u001b\r]/);
    expect(run.stdout).not.toContain("\n::stop-commands");
  });

  it("shows the names, keys and values quoted with their control characters escaped", () => {
    const problem = (text: string) => run.lines.some((line) => !line.startsWith("::") && line.includes(text));
    expect(problem('/deployments/x\\n::warning file=fine.yaml::all good\\n.yaml":1:1  file name "x\\n::warning')).toBe(
      true,
    );
    expect(problem('/deployments/\\u001b[2Jcleared.yaml":1:1  file name "\\u001b[2Jcleared" is not a valid id')).toBe(
      true,
    );
    expect(
      problem(
        'values.yaml:4:8  level: expected one of international, national, state, local, institution, unknown; got "state\\n::stop-commands::pwned\\n::error::forged"',
      ),
    ).toBe(true);
    expect(problem('values.yaml:6:1  ["\\u001b[2J\\u001b[1;32m✓ all valid\\r"]: unknown field')).toBe(true);
  });
});
