import type { Rule } from "../rule.ts";
import { positionAt } from "../yaml-source.ts";

function describe(code: string, message: string): string {
  if (code === "TAB_AS_INDENT") return "tabs are not allowed for indentation; use spaces";
  // The parser notices an unclosed [ or { only on a later line; point the reader back up.
  if (/^Flow (sequence|mapping)/.test(message)) return `${message} (look for an unclosed bracket above)`;
  return message;
}

export default {
  id: "yaml-syntax",
  severity: "error",
  description: "A record file is well-formed YAML, indented with spaces.",
  scope: "document",
  *check({ yaml }) {
    for (const error of yaml.errors) {
      const message = error.message.split("\n")[0] ?? error.message;
      yield { position: positionAt(error.pos[0], yaml.lineCounter), message: `YAML: ${describe(error.code, message)}` };
    }
  },
} satisfies Rule;
