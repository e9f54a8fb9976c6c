/**
 * Runs one build step as a child process and measures it: wall time, CPU time, peak memory of
 * the whole process tree, and when marked lines of its output appeared. A step that outlives its
 * time limit or grows past the memory guard is stopped (its process group, and only that) and
 * reported as such, so a slow build cannot hang the benchmark or exhaust the machine.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** How a step ended. */
export type Outcome = "ok" | "failed" | "timed out" | "over memory guard" | "skipped";

/** What one run of a step measured. */
export type StepMeasurement = {
  label: string;
  outcome: Outcome;
  /** Wall-clock seconds. */
  seconds?: number;
  /** User + system CPU seconds of the step and everything it started. */
  cpuSeconds?: number;
  /** The most memory the step's processes held at once (resident set, bytes). */
  peakBytes?: number;
  /** Seconds from the start of the step to each marker's first line. */
  marks?: Record<string, number>;
  /** The end of the step's output (kept when it did not end well, and for checks on what it read). */
  output?: string;
  /** Why it was skipped or what went wrong, in a few words. */
  note?: string;
};

/** A command to measure. */
export type MeasuredCommand = {
  label: string;
  script: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutSeconds: number;
  memoryGuardBytes: number;
  /** Output lines to time, e.g. `{ "pages rendered": /generating static routes/ }`. */
  markers?: Record<string, RegExp>;
};

const gnuTime = "/usr/bin/time";

/** Reads `/proc` for the resident memory of `root` and all its descendants. */
function treeMemory(root: number): { residentBytes: number; highWaterBytes: number } {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while the table was read.
    }
  }
  let residentBytes = 0;
  let highWaterBytes = 0;
  for (let queue = [root], pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    queue.push(...(parents.get(pid) ?? []));
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
      residentBytes += kib("VmRSS");
      highWaterBytes = Math.max(highWaterBytes, kib("VmHWM"));
    } catch {
      // Gone already.
    }
  }
  return { residentBytes, highWaterBytes };
}

/**
 * Runs `node <script> <args>` with the Node that runs the benchmark, under GNU time when the
 * machine has it (for CPU time and the largest process's peak), polling /proc for the tree's sum.
 */
export function runMeasured(command: MeasuredCommand): Promise<StepMeasurement> {
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const useTime = existsSync(gnuTime);
  const nodeCommand = [process.execPath, command.script, ...command.args];
  const [file, ...args] = useTime ? [gnuTime, "-f", "%e %U %S %M", "-o", timeFile, ...nodeCommand] : nodeCommand;
  const start = performance.now();
  const child = spawn(file!, args, {
    cwd: command.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...command.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stopGroup = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already ended.
    }
  };
  // Stopped before any other exit handler runs: the benchmark's removal of its temporary files
  // takes long, and a step must not go on writing into them meanwhile.
  process.prependOnceListener("exit", stopGroup);
  const marks: Record<string, number> = {};
  let output = "";
  let pending = "";
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-200_000);
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    const at = (performance.now() - start) / 1000;
    for (const line of lines) {
      for (const [name, pattern] of Object.entries(command.markers ?? {})) {
        if (marks[name] === undefined && pattern.test(line)) marks[name] = at;
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);

  let peakBytes = 0;
  let stopped: Outcome | undefined;
  const poll = setInterval(() => {
    const memory = treeMemory(child.pid!);
    peakBytes = Math.max(peakBytes, memory.residentBytes, memory.highWaterBytes);
    if (memory.residentBytes > command.memoryGuardBytes && !stopped) {
      stopped = "over memory guard";
      stopGroup();
    }
  }, 200);
  const timer = setTimeout(() => {
    stopped ??= "timed out";
    stopGroup();
  }, command.timeoutSeconds * 1000);

  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      process.off("exit", stopGroup);
      // Whatever the step left running (a worker it forgot) goes with it.
      stopGroup();
      const seconds = (performance.now() - start) / 1000;
      let cpuSeconds: number | undefined;
      if (useTime && existsSync(timeFile)) {
        const fields = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
        if (fields.length === 4 && fields.every(Number.isFinite)) {
          cpuSeconds = fields[1]! + fields[2]!;
          peakBytes = Math.max(peakBytes, fields[3]! * 1024);
        }
        rmSync(timeFile, { force: true });
      }
      const outcome: Outcome = stopped ?? (code === 0 ? "ok" : "failed");
      resolve({
        label: command.label,
        outcome,
        seconds,
        cpuSeconds,
        peakBytes,
        marks,
        output: output.slice(-20_000),
        note:
          outcome === "timed out"
            ? `stopped after ${command.timeoutSeconds} s`
            : outcome === "over memory guard"
              ? `stopped above ${(command.memoryGuardBytes / 2 ** 30).toFixed(1)} GiB`
              : outcome === "failed"
                ? endedBy(code, signal)
                : undefined,
      });
    });
  });
}

/** Why a step that was not stopped by the benchmark ended badly. GNU time passes a signal on as 128 + its number. */
function endedBy(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `ended by ${signal} from outside the benchmark`;
  if (code !== null && code > 128) return `exit code ${code} (ended by signal ${code - 128}, not by the benchmark)`;
  return `exit code ${code}`;
}

/** A step that did not run, and why. */
export function skipped(label: string, note: string): StepMeasurement {
  return { label, outcome: "skipped", note };
}
