// The contributor's command: `npm run validate` on a data folder, read as a person or CI would.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { sector } from "../../src/schema/vocabulary.ts";

function validate(folder: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/validate.ts", folder], {
    encoding: "utf8",
    env: { ...process.env, GITHUB_ACTIONS: "", ...env },
  });
  return { code: result.status, lines: result.stdout.trim().split("\n") };
}

describe("validate CLI", () => {
  it("passes a valid folder with exit code 0 and a summary", () => {
    const { code, lines } = validate("test/fixtures/valid");
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe("✓ 3 files valid (2 deployments, 1 products, 0 positions)");
  });

  it("fails an invalid folder, one line per problem as file:line:col  field: message", () => {
    const { code, lines } = validate("test/fixtures/invalid");
    expect(code).toBe(1);
    expect(lines).toContain(
      'test/fixtures/invalid/deployments/unknown-field.yaml:5:1  sektors: unknown field (did you mean "sectors"?)',
    );
    expect(lines).toContain(
      "test/fixtures/invalid/deployments/javascript-url.yaml:24:10  sources[0].url: expected an http:// or https:// address",
    );
    const problemLines = lines.filter((line) => /^test\/fixtures\/invalid\/\S+\.yaml:\d+:\d+ {2}/.test(line));
    expect(problemLines.length).toBe(lines.length - 1);
    const errors = problemLines.filter((line) => !line.includes("  warning: ")).length;
    expect(lines.at(-1)).toBe(`✗ ${errors} error(s), 1 warning(s) in 28 files`);
  });

  it("adds GitHub annotations when run in GitHub Actions", () => {
    const { lines } = validate("test/fixtures/invalid", { GITHUB_ACTIONS: "true" });
    expect(lines).toContain(
      `::error file=test/fixtures/invalid/deployments/wrong-enum-in-list.yaml,line=5,col=23,title=sectors[1]::sectors[1]: expected one of ${sector.options.join(", ")}; got "polize" (did you mean "police"?)`,
    );
    expect(
      lines.some((line) =>
        line.startsWith("::warning file=test/fixtures/invalid/deployments/http-url-warning.yaml,line=24,col=10"),
      ),
    ).toBe(true);
  });
});
