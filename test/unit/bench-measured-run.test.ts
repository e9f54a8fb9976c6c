// The benchmark's guard around each build step: a step that runs too long or grows too large is stopped, with all it started.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMeasured } from "../../scripts/bench/measured-run.ts";

const dir = mkdtempSync(join(tmpdir(), "bench-run-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Node script in the temporary folder. */
function script(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

/** Whether the process runs (a killed process can linger a moment as a zombie until it is reaped). */
const running = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
};

describe("measured step", () => {
  it("reports a step that outlives its time limit as timed out and stops the processes it started", async () => {
    const pidFile = join(dir, "grandchild.pid");
    const step = script(
      "hangs.mjs",
      `import { spawn } from "node:child_process";
       import { writeFileSync } from "node:fs";
       const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
       writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
       setInterval(() => {}, 1000);`,
    );
    const result = await runMeasured({
      label: "hangs",
      script: step,
      args: [],
      // Long enough for the step to start its child even on a loaded machine (Node may take seconds to start).
      timeoutSeconds: 8,
      memoryGuardBytes: 4e9,
    });
    expect(result.outcome).toBe("timed out");
    expect(result.note).toBe("stopped after 8 s");
    const grandchild = Number(readFileSync(pidFile, "utf8"));
    // Killed at once, but a loaded machine may take a moment to let it go.
    await expect.poll(() => running(grandchild), { timeout: 5_000 }).toBe(false);
  });

  it("measures the peak memory of a step and stops one that grows past the memory guard", async () => {
    const step = script(
      "grows.mjs",
      `const blocks = [];
       const grow = () => { blocks.push(Buffer.alloc(50e6, 1)); if (blocks.length < 8) setTimeout(grow, 100); else setTimeout(() => {}, 1500); };
       grow();`,
    );
    const measured = await runMeasured({
      label: "grows",
      script: step,
      args: [],
      timeoutSeconds: 60,
      memoryGuardBytes: 4e9,
    });
    expect(measured.outcome).toBe("ok");
    expect(measured.peakBytes).toBeGreaterThan(400e6);
    const guarded = await runMeasured({
      label: "grows",
      script: step,
      args: [],
      timeoutSeconds: 60,
      memoryGuardBytes: 150e6,
    });
    expect(guarded.outcome).toBe("over memory guard");
  });

  it("reports a failing step with its exit code and output", async () => {
    const step = script("fails.mjs", `console.error("no such record"); process.exit(3);`);
    const result = await runMeasured({
      label: "fails",
      script: step,
      args: [],
      timeoutSeconds: 60,
      memoryGuardBytes: 4e9,
    });
    expect(result.outcome).toBe("failed");
    expect(result.note).toBe("exit code 3");
    expect(result.output).toContain("no such record");
  });

  it("times the lines its markers name", async () => {
    const step = script(
      "marks.mjs",
      `console.log("start"); setTimeout(() => console.log("[content] Synced content"), 300);`,
    );
    const result = await runMeasured({
      label: "marks",
      script: step,
      args: [],
      timeoutSeconds: 60,
      memoryGuardBytes: 4e9,
      markers: { synced: /Synced content/, never: /no such line/ },
    });
    expect(Object.keys(result.marks!)).toEqual(["synced"]);
  });
});
