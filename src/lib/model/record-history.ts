/**
 * When each record file first entered the registry, read from git history. Used for the
 * "new entry" items of the feed; without git history (e.g. a shallow clone) it knows nothing.
 */
import { execFileSync } from "node:child_process";

/** Maps `data/<collection>/<id>.yaml` to the ISO date-time of the commit that added it. */
export function firstAddedDates(dataDir = "data"): Map<string, string> {
  const added = new Map<string, string>();
  let log: string;
  try {
    log = execFileSync("git", ["log", "--diff-filter=A", "--name-only", "--format=@%cI", "--", dataDir], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return added;
  }
  let date = "";
  // Newest commits come first; keep overwriting so the oldest addition wins.
  for (const line of log.split("\n")) {
    if (line.startsWith("@")) date = line.slice(1);
    else if (line.endsWith(".yaml")) added.set(line, date);
  }
  return added;
}
