/**
 * When each record file entered the registry and when it last changed, read from git history.
 * Used for the feed's "new entry" items and the entry pages' "last changed"; without git history
 * (e.g. a shallow clone or an uncommitted record) it knows nothing, and the pages say nothing.
 */
import { execFileSync } from "node:child_process";

/** Commit dates per file from `git log`, newest commit first; `oldest` keeps each file's oldest date. */
function commitDates(filter: string[], dataDir: string, oldest: boolean): Map<string, string> {
  const dates = new Map<string, string>();
  let log: string;
  try {
    log = execFileSync("git", ["log", ...filter, "--name-only", "--format=@%cI", "--", dataDir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return dates;
  }
  let date = "";
  for (const line of log.split("\n")) {
    if (line.startsWith("@")) date = line.slice(1);
    else if (line.endsWith(".yaml") && (oldest || !dates.has(line))) dates.set(line, date);
  }
  return dates;
}

/** Maps `data/<collection>/<id>.yaml` to the ISO date-time of the commit that added it. */
export function firstAddedDates(dataDir = "data"): Map<string, string> {
  return commitDates(["--diff-filter=A"], dataDir, true);
}

/** Maps `data/<collection>/<id>.yaml` to the ISO date-time of the last commit that changed it. */
export function lastChangedDates(dataDir = "data"): Map<string, string> {
  return commitDates([], dataDir, false);
}
