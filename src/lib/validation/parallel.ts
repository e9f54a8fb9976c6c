/**
 * `npm run validate` on several cores: a large data folder is split into chunks of about equal
 * bytes, each checked by a worker thread (check-worker.ts) that writes its part of the snapshot;
 * this thread then runs the registry rules over all records and writes the snapshot's index. The
 * report is the one validating in one thread gives (test/unit/validate-parallel.test.ts).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import {
  checkChunk,
  completeValidation,
  planValidation,
  summaryOf,
  type ChunkOutcome,
  type ChunkTask,
  type ValidationSummary,
} from "./snapshot.ts";
import { folderEntries } from "./validate-registry.ts";

/** Below this many entries per thread, starting one (about 0.4 s to load the validator) costs more than it saves. */
const defaultEntriesPerThread = 1_000;

/** A worker thread, started before the chunks are known so that it loads the validator while this thread reads the files. */
type CheckThread = { check: (task: ChunkTask) => Promise<ChunkOutcome>; stop: () => void };

function startThread(): CheckThread {
  const worker = new Worker(new URL("./check-worker.ts", import.meta.url));
  const outcome = new Promise<ChunkOutcome>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`a validator thread stopped (exit code ${code})`)));
  });
  return {
    check: (task) => {
      worker.postMessage(task);
      return outcome;
    },
    stop: () => {
      outcome.catch(() => {});
      void worker.terminate();
    },
  };
}

/**
 * Validates `dataDir` (reusing the checks of unchanged files) on up to `threads` threads, fewer
 * for a small folder, and writes the snapshot the later build steps read.
 */
export async function validateInParallel(
  dataDir: string,
  { threads = Math.min(availableParallelism(), 4), entriesPerThread = defaultEntriesPerThread } = {},
): Promise<ValidationSummary> {
  const chunks = Math.max(1, Math.min(threads, Math.floor(folderEntries(dataDir).length / entriesPerThread)));
  const workers = chunks > 1 ? Array.from({ length: chunks }, startThread) : [];
  try {
    const plan = planValidation(dataDir, () => chunks);
    if (plan.stored) return summaryOf(plan.stored);
    const outcomes =
      workers.length === 0
        ? plan.tasks.map(checkChunk)
        : await Promise.all(plan.tasks.map((task, i) => workers[i]!.check(task)));
    return completeValidation(plan, outcomes);
  } finally {
    for (const worker of workers) worker.stop();
  }
}
