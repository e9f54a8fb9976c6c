/**
 * A worker thread of the parallel validator (parallel.ts): checks the chunk of a data folder's
 * files it is sent, writes their records as a part of the snapshot, and posts back what the
 * registry rules and the report need (never the records' data, which stays in the part).
 */
import { parentPort } from "node:worker_threads";
import { checkChunk, type ChunkOutcome, type ChunkTask } from "./snapshot.ts";

parentPort!.once("message", (task: ChunkTask) => {
  const { valid: _inThePart, ...outcome } = checkChunk(task);
  parentPort!.postMessage(outcome satisfies ChunkOutcome);
  parentPort!.close();
});
