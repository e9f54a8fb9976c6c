/**
 * The compare view's script: reads the ids from the address, loads each chosen entry's file
 * (entries/<id>.json, see compare-data.ts) and builds a table with one column per entry and one row per compared fact, marking rows whose values
 * differ. The picker offers every entry once choices.json is loaded, and a text box above it narrows
 * its list to the entries whose name holds every word typed (ignoring case and accents), which at
 * thousands of entries is how a reader finds one. The choice is kept in the address (`?ids=a,b,c`) and remembered for "add to comparison"
 * links on other pages (see compare-selection.ts).
 */
import type { CompareCell, CompareEntry, CompareRow } from "../../../lib/site/compare-data.ts";
import {
  compareEntryPath,
  compareQuery,
  maxCompared,
  readCompareIds,
  rememberCompareIds,
  type CompareChoices,
} from "../../../lib/site/compare-selection.ts";

type Texts = Record<
  | "remove"
  | "removeShort"
  | "feature"
  | "caption"
  | "comparing"
  | "needMore"
  | "tooMany"
  | "unknownIds"
  | "differs"
  | "notApplicable"
  | "loadFailed"
  | "presumption"
  | "disputed"
  | "filterCount"
  | "filterNone",
  string
>;

/** An element with classes and children. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** One cell's content: the value (marked if presumed or disputed) and its claims with sources. */
function cellContent(cell: CompareCell | undefined, entry: CompareEntry, texts: Texts): (Node | string)[] {
  if (!cell) return [element("span", { class: "muted" }, texts.notApplicable)];
  if (!cell.fact) return [cell.text];
  const tagClass = { plain: "tag", presumed: "tag tag-presumed", disputed: "tag tag-disputed" }[cell.marker];
  const value = element("span", { class: tagClass }, cell.text);
  if (cell.marker === "presumed")
    value.append(element("span", { class: "visually-hidden" }, ` (${texts.presumption})`));
  const nodes: (Node | string)[] = [value];
  const claims = cell.claims.filter((claim) => claim.sources.length > 0 || claim.presumed);
  if (claims.length > 0) {
    nodes.push(
      element(
        "ul",
        { class: "claims" },
        ...claims.map((claim) => {
          const item = element("li");
          if (cell.marker === "disputed") item.append(element("strong", {}, `${claim.value}: `));
          item.append(
            element(
              "span",
              { class: claim.presumed ? "confidence confidence-presumed" : "confidence" },
              claim.confidence,
            ),
          );
          for (const source of claim.sources)
            item.append(
              " ",
              element("a", { href: `${source.page ?? entry.url}#${source.anchor}` }, `[${source.label}]`),
            );
          return item;
        }),
      ),
    );
  }
  return nodes;
}

/** The comparison table for the chosen entries. */
function comparisonTable(rows: CompareRow[], entries: CompareEntry[], texts: Texts, onRemove: (id: string) => void) {
  const names = entries.map((entry) => entry.name).join(" · ");
  const table = element(
    "table",
    { class: "compare-table" },
    element("caption", { class: "visually-hidden" }, texts.caption.replace("{names}", names)),
  );
  const headRow = element("tr", {}, element("th", { scope: "col" }, texts.feature));
  for (const entry of entries) {
    const remove = element(
      "button",
      { type: "button", class: "compare-remove", "aria-label": texts.remove.replace("{name}", entry.name) },
      texts.removeShort,
    );
    remove.addEventListener("click", () => onRemove(entry.id));
    headRow.append(
      element(
        "th",
        { scope: "col", "data-id": entry.id },
        element("span", { class: "muted compare-kicker" }, entry.kicker),
        element("a", { href: entry.url }, entry.name),
        remove,
      ),
    );
  }
  table.append(element("thead", {}, headRow));
  const body = element("tbody");
  for (const row of rows) {
    const cells = entries.map((entry) => entry.cells[row.key]);
    if (cells.every((cell) => cell === undefined)) continue;
    // Only entries that have the row take part: a product has no status, which is no difference.
    const present = cells.filter((cell) => cell !== undefined);
    const differs = present.length > 1 && new Set(present.map((cell) => cell.text)).size > 1;
    const header = element("th", { scope: "row" }, row.name);
    if (differs) header.append(" ", element("span", { class: "differs-mark" }, texts.differs));
    const tr = element("tr", { "data-row": row.key, class: differs ? "differs" : "same" }, header);
    cells.forEach((cell, i) =>
      tr.append(element("td", { "data-label": entries[i]!.name }, ...cellContent(cell, entries[i]!, texts))),
    );
    body.append(tr);
  }
  table.append(body);
  return element(
    "div",
    { class: "table-wrap", role: "region", tabindex: "0", "aria-label": texts.caption.replace("{names}", names) },
    table,
  );
}

/** A text as the picker's filter compares it: lower case and without accents, so "zurich" finds "Zürich". */
const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** The picker's choices by kind, each with the folded text its filter searches (label and id). */
type Choices = Record<keyof CompareChoices, { id: string; label: string; text: string }[]>;

/** Loads the picker's choices from the file its `data-choices` names. */
async function loadChoiceFile(select: HTMLSelectElement): Promise<Choices> {
  const response = await fetch(select.dataset.choices!);
  if (!response.ok) throw new Error(`${response.status}`);
  const file = (await response.json()) as CompareChoices;
  const kind = (list: [string, string][]) => list.map(([id, label]) => ({ id, label, text: folded(`${label} ${id}`) }));
  return { deployments: kind(file.deployments), products: kind(file.products) };
}

/**
 * Fills the picker's groups with the choices holding every word of `filter`, keeping the chosen
 * one if it still matches and choosing the only match; returns how many are offered.
 */
function showChoices(select: HTMLSelectElement, choices: Choices, filter: string): number {
  const words = folded(filter).split(/\s+/).filter(Boolean);
  const chosen = select.value;
  let shown = 0;
  for (const group of select.querySelectorAll<HTMLOptGroupElement>("optgroup[data-kind]")) {
    const matching = choices[group.dataset.kind as keyof Choices].filter(({ text }) =>
      words.every((word) => text.includes(word)),
    );
    group.replaceChildren(...matching.map(({ id, label }) => new Option(label, id)));
    group.hidden = matching.length === 0;
    shown += matching.length;
  }
  const offered = [...select.options].filter((option) => option.value !== "");
  select.value = offered.some((option) => option.value === chosen)
    ? chosen
    : words.length > 0 && offered.length === 1
      ? offered[0]!.value
      : "";
  return shown;
}

/** Starts the compare view on its page. */
export async function startCompare(): Promise<void> {
  const root = document.querySelector<HTMLElement>("#compare");
  const picker = document.querySelector<HTMLFormElement>("#compare-picker");
  const status = document.querySelector<HTMLElement>("#compare-status");
  const result = document.querySelector<HTMLElement>("#compare-result");
  const staticPart = document.querySelector<HTMLElement>("#compare-static");
  const onlyDifferences = document.querySelector<HTMLInputElement>("#compare-only-differences");
  if (!root || !picker || !status || !result || !staticPart || !onlyDifferences) return;
  const texts = JSON.parse(root.dataset.texts!) as Texts;
  const rows = JSON.parse(root.dataset.rows!) as CompareRow[];
  const entriesFolder = root.dataset.entries!;
  /** Loads one entry's file: undefined if the registry has no such entry; throws if loading failed. */
  const loaded = new Map<string, CompareEntry>();
  async function load(id: string): Promise<CompareEntry | undefined> {
    const path = compareEntryPath(id);
    if (!path) return undefined;
    const known = loaded.get(id);
    if (known) return known;
    const response = await fetch(`${entriesFolder}${path}`);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`${response.status}`);
    const entry = (await response.json()) as CompareEntry;
    loaded.set(id, entry);
    return entry;
  }
  status.textContent = status.dataset.loading ?? "";
  const requested = readCompareIds(location.search);
  // An address can hold any number of ids; a few more than are shown tell that some are left out.
  const tried = requested.slice(0, maxCompared * 4);
  let found: (CompareEntry | undefined)[];
  try {
    found = await Promise.all(tried.map(load));
  } catch {
    status.textContent = texts.loadFailed;
    return;
  }
  const unknown = tried.filter((_, i) => found[i] === undefined);
  let ids = tried.filter((id) => loaded.has(id));
  const tooMany = ids.length > maxCompared || requested.length > tried.length;
  ids = ids.slice(0, maxCompared);
  picker.hidden = false;
  const select = picker.querySelector("select")!;
  const filter = picker.querySelector<HTMLInputElement>("#compare-filter")!;
  const filterCount = picker.querySelector<HTMLElement>("#compare-filter-count")!;
  // The choices (every entry of the registry) load when a reader first reaches for the picker,
  // and again the next time if loading failed.
  let all: Choices | undefined;
  let choices: Promise<void> | undefined;
  const loadChoices = () =>
    (choices ??= loadChoiceFile(select).then(
      (loadedChoices) => {
        all = loadedChoices;
        narrow();
      },
      () => {
        choices = undefined;
        status.textContent = texts.loadFailed;
      },
    ));
  function narrow(): void {
    if (!all) return;
    const shown = showChoices(select, all, filter.value);
    const total = all.deployments.length + all.products.length;
    const number = (n: number) => n.toLocaleString(document.documentElement.lang);
    filterCount.textContent = !filter.value.trim()
      ? ""
      : shown === 0
        ? texts.filterNone
        : texts.filterCount.replace("{shown}", number(shown)).replace("{total}", number(total));
    markCompared();
  }
  /** The entries already compared cannot be chosen twice. */
  function markCompared(): void {
    for (const option of select.options) option.disabled = ids.includes(option.value);
  }
  picker.addEventListener("pointerover", loadChoices);
  picker.addEventListener("focusin", loadChoices);
  filter.addEventListener("input", narrow);
  onlyDifferences.addEventListener("change", () =>
    result.classList.toggle("only-differences", onlyDifferences.checked),
  );

  function render(): void {
    history.replaceState(null, "", `${location.pathname}${compareQuery(ids)}${location.hash}`);
    rememberCompareIds(ids);
    const entries = ids.map((id) => loaded.get(id)!);
    const notes = [
      ...(unknown.length > 0 ? [texts.unknownIds.replace("{ids}", unknown.join(", "))] : []),
      ...(tooMany ? [texts.tooMany] : []),
    ];
    result!.replaceChildren();
    if (entries.length >= 2) {
      result!.append(comparisonTable(rows, entries, texts, remove));
      staticPart!.hidden = true;
      notes.unshift(texts.comparing.replace("{n}", String(entries.length)));
    } else {
      if (entries.length === 1) result!.append(comparisonTable(rows, entries, texts, remove));
      staticPart!.hidden = false;
      notes.unshift(texts.needMore);
    }
    status!.textContent = notes.join(" ");
    markCompared();
    picker!.querySelector("button")!.disabled = ids.length >= maxCompared;
  }
  function remove(id: string): void {
    ids = ids.filter((other) => other !== id);
    render();
    select.focus();
  }
  picker.addEventListener("submit", (event) => {
    event.preventDefault();
    const id = select.value;
    if (!id || ids.includes(id) || ids.length >= maxCompared) return;
    status.textContent = status.dataset.loading ?? "";
    load(id).then(
      (entry) => {
        if (!entry || ids.includes(id) || ids.length >= maxCompared) return render();
        ids = [...ids, id];
        select.value = "";
        render();
      },
      () => (status.textContent = texts.loadFailed),
    );
  });
  render();
}
