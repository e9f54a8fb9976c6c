/**
 * Where a value sits in a file the fast reading took (fast-yaml.ts), found from the lines'
 * indentation instead of a second parse with `yaml`: placing a warning (a plain http address,
 * say) then costs a look at a few lines rather than a parse with positions.
 *
 * It knows block maps and lists only, and checks every step against the data js-yaml read: the
 * keys it sees in a map must be that map's keys, in order, and the items it sees in a list that
 * list's length. Wherever it meets anything else (a value in brackets, a quoted key, a value the
 * path goes into that is not a map or list) it gives up, and the caller asks `yaml`.
 * test/unit/fast-yaml.test.ts holds its answers to `yaml`'s for every path of every record.
 */
import type { Position } from "./yaml-source.ts";

/** A block map or list: the line and (0-based) column of its first entry, and the line after it. */
type Block = { line: number; column: number; end: number };

const keyAtStart = /^([A-Za-z][A-Za-z0-9_-]*):(?: +|$)/;
const dashAtStart = /^-(?: +|$)/;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * A finder of positions in `text` (line breaks `\n`, no tabs), whose data js-yaml read as `data`:
 * it gives the position `yaml` gives for a path (see positionOfPath), or undefined where it cannot tell.
 */
export function plainPositions(text: string, data: unknown): (path: readonly PropertyKey[]) => Position | undefined {
  const lines = text.split("\n");
  const indents = lines.map((line) => /^ */.exec(line)![0].length);
  // Blank lines and comments hold no entry.
  const holdsNothing = (line: number) => indents[line] === lines[line]!.length || lines[line]![indents[line]!] === "#";

  /** The lines of a block's entries: its first line and every later one starting at its column. */
  function entryLines(block: Block, items: boolean): number[] {
    const found = [block.line];
    for (let line = block.line + 1; line < block.end; line += 1) {
      if (holdsNothing(line) || indents[line] !== block.column) continue;
      // A list may stand at its key's own indentation: its items then belong to that key's value.
      if (dashAtStart.test(lines[line]!.slice(block.column)) === items) found.push(line);
      else if (items) return [];
    }
    return found;
  }

  /**
   * The block a value starts on the lines after its entry (a key, or a dash, at `column`) and
   * before `end`: deeper than the entry, or a list at a key's own indentation. Undefined for no value.
   */
  function blockBelow(line: number, column: number, end: number, afterDash: boolean): Block | undefined {
    for (let next = line + 1; next < end; next += 1) {
      if (holdsNothing(next)) continue;
      const indent = indents[next]!;
      const listHere = !afterDash && indent === column && dashAtStart.test(lines[next]!.slice(indent));
      return indent > column || listHere ? { line: next, column: indent, end } : undefined;
    }
    return undefined;
  }

  return (path) => {
    let first = 0;
    while (first < lines.length && holdsNothing(first)) first += 1;
    if (first === lines.length) return undefined;
    let block: Block = { line: first, column: indents[first]!, end: lines.length };
    let value: unknown = data;
    for (const [step, segment] of path.entries()) {
      // The entry of this step: its line, where its value starts, and the line after it.
      let line: number;
      let valueColumn: number;
      let end: number;
      const isList = Array.isArray(value);
      if (isPlainObject(value)) {
        const entries = entryLines(block, false);
        const keys = entries.map((entry) => keyAtStart.exec(lines[entry]!.slice(block.column))?.[1]);
        const expected = Object.keys(value);
        if (keys.length !== expected.length || keys.some((key, i) => key !== expected[i])) return undefined;
        const index = keys.indexOf(String(segment));
        if (index < 0) return undefined;
        line = entries[index]!;
        valueColumn = block.column + keyAtStart.exec(lines[line]!.slice(block.column))![0].length;
        end = entries[index + 1] ?? block.end;
        value = value[String(segment)];
      } else if (Array.isArray(value) && typeof segment === "number") {
        const dash = dashAtStart.exec(lines[block.line]!.slice(block.column));
        const entries = entryLines(block, true);
        if (!dash || entries.length !== value.length || entries[segment] === undefined) return undefined;
        line = entries[segment]!;
        valueColumn = block.column + dashAtStart.exec(lines[line]!.slice(block.column))![0].length;
        end = entries[segment + 1] ?? block.end;
        value = value[segment];
      } else {
        return undefined;
      }
      const last = step === path.length - 1;
      const rest = lines[line]!.slice(valueColumn);
      if (rest !== "" && rest[0] !== "#") {
        // The value starts on the entry's line: a scalar, or a map whose first key stands there.
        if (last) return { line: line + 1, column: valueColumn + 1 };
        if (!isPlainObject(value) || !keyAtStart.test(rest)) return undefined;
        block = { line, column: valueColumn, end };
        continue;
      }
      const below = blockBelow(line, block.column, end, isList);
      if (!below) return undefined;
      if (last) return { line: below.line + 1, column: below.column + 1 };
      block = below;
    }
    return path.length === 0 ? { line: block.line + 1, column: block.column + 1 } : undefined;
  };
}
