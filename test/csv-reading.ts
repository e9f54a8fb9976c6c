/** Reading CSV the way programs do: a strict RFC 4180 parser, and the naive split a spreadsheet import makes. */

/** CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) as rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"' && field === "") quoted = true;
    else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += character;
  }
  if (quoted) throw new Error("the CSV ends inside a quoted field");
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The fields a spreadsheet program makes of CSV text when it splits it on `separator` (as German
 * Excel does with ";" and a tab-separated import with TAB), ignoring quotes the way such an import
 * does when a quote does not open the field: every piece of every line is a cell it may evaluate.
 */
export function fieldsSplitOn(text: string, separator: string): string[] {
  return text.split(/\r\n|\n|\r/).flatMap((line) => line.split(separator));
}

/**
 * Whether a spreadsheet could read the cell as a formula: after any spaces and double quotes,
 * `= + - @` or their full-width forms. A leading apostrophe marks a cell as text.
 */
export function startsFormula(cell: string): boolean {
  return /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);
}
