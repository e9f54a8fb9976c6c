/**
 * Filters, sorting, columns, compare selection and CSV download for the comparison table. The
 * table is complete without this script, in pages; when the reader first filters or sorts (or
 * opens an address with a view), the script loads the other pages' rows into the page it runs on,
 * then only hides rows, cells and reorders rows, and keeps the view in the URL's query string
 * (`?protocol=matrix,xmpp&country=DE&sort=status&dir=desc&cols=authority,protocol`) so a link
 * reproduces it.
 */
import { compareQuery, maxCompared } from "../../../lib/site/compare-selection.ts";

type Direction = "asc" | "desc";

/** The view a URL describes: chosen values per filter, sort column and direction, shown columns. */
export type TableView = {
  filters: Map<string, string[]>;
  sort?: string;
  dir: Direction;
  /** The columns shown, when not all of them. */
  columns?: string[];
};

/** Values of a parameter, whether repeated (`?a=x&a=y`) or comma-separated (`?a=x,y`). */
function listParam(params: URLSearchParams, name: string): string[] {
  return [
    ...new Set(
      params
        .getAll(name)
        .flatMap((value) => value.split(","))
        .filter(Boolean),
    ),
  ];
}

/** Reads the view from a query string, keeping only known filters. */
export function readView(search: string, filterNames: string[]): TableView {
  const params = new URLSearchParams(search);
  const filters = new Map<string, string[]>();
  for (const name of filterNames) {
    const values = listParam(params, name);
    if (values.length > 0) filters.set(name, values);
  }
  const columns = listParam(params, "cols");
  return {
    filters,
    sort: params.get("sort") ?? undefined,
    dir: params.get("dir") === "desc" ? "desc" : "asc",
    columns: columns.length > 0 ? columns : undefined,
  };
}

/** Writes the view back into a query string, leaving out empty filters, the default sort and all columns. */
export function writeView(view: TableView): string {
  const parts: string[] = [];
  const add = (name: string, values: string[]) =>
    parts.push(`${name}=${values.map((value) => encodeURIComponent(value)).join(",")}`);
  for (const [name, values] of view.filters) if (values.length > 0) add(name, values);
  if (view.sort) {
    add("sort", [view.sort]);
    if (view.dir === "desc") add("dir", ["desc"]);
  }
  if (view.columns) add("cols", view.columns);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** Whether a row's filter values match every chosen filter (any chosen value of each), leaving out `except`. */
function matches(row: HTMLTableRowElement, filters: Map<string, string[]>, except?: string): boolean {
  for (const [name, chosen] of filters) {
    if (name === except || chosen.length === 0) continue;
    const values = (row.getAttribute(`data-filter-${name}`) ?? "").split(" ");
    if (!chosen.some((value) => values.includes(value))) return false;
  }
  return true;
}

/** A CSV field, quoted where needed, with formulas defused for spreadsheets. */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows of another page of the table, read from its HTML as the server rendered it. */
async function rowsOfPage(address: string): Promise<HTMLTableRowElement[]> {
  const response = await fetch(address);
  if (!response.ok) throw new Error(`${address}: ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const body = page.querySelector<HTMLTableSectionElement>(".deployment-table tbody");
  if (!body) throw new Error(`${address}: no table`);
  return [...body.rows].map((row) => document.adoptNode(row));
}

/**
 * When the table is one page of several (`data-pages` lists every page's address), puts the other
 * pages' rows into this one, in the table's order, so filters, counts, sorting and the CSV cover
 * every deployment, and hides the links between pages. Gives the rows it added, or undefined when
 * a page could not be loaded: the table then stays the page it is, as without JavaScript.
 */
async function loadOtherPages(
  table: HTMLTableElement,
  pages: string[],
  status: HTMLElement,
  texts: Record<string, string>,
): Promise<HTMLTableRowElement[] | undefined> {
  const current = Number(table.dataset.page);
  const body = table.tBodies[0]!;
  const pageStatus = status.textContent;
  status.textContent = texts.loadingRows!;
  let added: HTMLTableRowElement[][];
  try {
    added = await Promise.all(pages.map((address, index) => (index + 1 === current ? [] : rowsOfPage(address))));
  } catch {
    status.textContent = `${pageStatus} ${texts.rowsNotLoaded}`;
    return undefined;
  }
  body.replaceChildren(...added.flatMap((rows, index) => (index + 1 === current ? [...body.rows] : rows)));
  for (const links of document.querySelectorAll<HTMLElement>("[data-table-pagination]")) links.hidden = true;
  table.caption!.textContent = texts.tableTitle!;
  table.closest(".table-wrap")?.setAttribute("aria-label", texts.tableTitle!);
  return added.flat();
}

/** Wires up the filter form, sortable headers, column chooser, compare selection and CSV download. */
export async function enhanceTable(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>("#table-filters");
  const table = document.querySelector<HTMLTableElement>(".deployment-table");
  const count = document.querySelector<HTMLElement>("#table-count");
  const empty = document.querySelector<HTMLElement>("#table-empty");
  const chips = document.querySelector<HTMLElement>("#active-filters");
  const download = document.querySelector<HTMLAnchorElement>("#table-download");
  const compareLink = document.querySelector<HTMLAnchorElement>("#table-compare");
  const moreColumns = document.querySelector<HTMLElement>("#table-more-columns");
  const showColumns = document.querySelector<HTMLButtonElement>("#table-show-columns");
  const toggle = form?.querySelector<HTMLButtonElement>(".filter-toggle");
  if (
    !form ||
    !table ||
    !count ||
    !empty ||
    !chips ||
    !download ||
    !compareLink ||
    !moreColumns ||
    !showColumns ||
    !toggle
  )
    return;
  const texts = JSON.parse(form.dataset.texts!) as Record<string, string>;
  const body = table.tBodies[0]!;
  // A table in pages holds only this page's rows until the reader first changes the view.
  const pages = JSON.parse(table.dataset.pages ?? "[]") as string[];
  let allRows = pages.length <= 1;
  let rows = [...body.rows];
  let originalOrder = [...rows];
  const headers = [...table.tHead!.rows[0]!.cells];
  const allColumns = headers.map((header) => header.dataset.column!);
  const filterBoxes = [...form.querySelectorAll<HTMLDetailsElement>("details.filter[data-filter]")];
  const filterNames = filterBoxes.map((box) => box.dataset.filter!);
  const columnBoxes = [...form.querySelectorAll<HTMLInputElement>('input[name="cols"]')];
  const sortChoice = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const directionChoice = form.querySelector<HTMLSelectElement>('select[name="dir"]')!;
  const view = readView(location.search, filterNames);
  const selected = new Set<string>();
  form.hidden = false;
  // Filters open by default on wide screens; on a phone they wait behind the toggle.
  const narrow = matchMedia("(max-width: 700px)");
  const setPanel = (open: boolean) => {
    toggle.setAttribute("aria-expanded", String(open));
    form.classList.toggle("filters-collapsed", !open);
  };
  setPanel(!narrow.matches);
  toggle.addEventListener("click", () => setPanel(toggle.getAttribute("aria-expanded") !== "true"));

  // The filter lists drop down over the table: one open at a time, closed by Escape or a click elsewhere.
  const dropdowns = [...form.querySelectorAll<HTMLDetailsElement>("details.filter")];
  for (const dropdown of dropdowns) {
    dropdown.addEventListener("toggle", () => {
      if (dropdown.open) for (const other of dropdowns) if (other !== dropdown) other.open = false;
    });
  }
  document.addEventListener("keydown", (event) => {
    const open = dropdowns.find((dropdown) => dropdown.open);
    if (event.key !== "Escape" || !open) return;
    open.open = false;
    open.querySelector("summary")!.focus();
  });
  document.addEventListener("click", (event) => {
    for (const dropdown of dropdowns) if (!dropdown.contains(event.target as Node)) dropdown.open = false;
  });

  const checkboxes = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
  for (const name of filterNames) {
    for (const box of checkboxes(name)) box.checked = view.filters.get(name)?.includes(box.value) ?? false;
  }
  const shownColumns = () => view.columns ?? allColumns;
  for (const box of columnBoxes) box.checked = shownColumns().includes(box.value) || box.value === "authority";

  const sortButtons = headers.map((header, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.textContent = header.textContent?.trim() ?? "";
    button.setAttribute("aria-label", table.dataset.sortLabel!.replace("{column}", button.textContent));
    header.textContent = "";
    header.append(button);
    header.dataset.sortable = "";
    button.addEventListener("click", () => {
      const column = header.dataset.column!;
      view.dir = view.sort === column && view.dir === "asc" ? "desc" : "asc";
      view.sort = column;
      apply();
    });
    return { header, index };
  });

  // A checkbox in each row's first cell chooses the row for the compare view.
  function addCompareBox(row: HTMLTableRowElement): void {
    const name = row.cells[0]!.querySelector("a")?.textContent?.trim() ?? row.dataset.id!;
    const label = document.createElement("label");
    label.className = "row-compare";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = row.dataset.id!;
    box.setAttribute("aria-label", texts.selectRow!.replace("{name}", name));
    const text = document.createElement("span");
    text.textContent = texts.selectShort!;
    text.setAttribute("aria-hidden", "true");
    label.append(box, text);
    row.cells[0]!.append(label);
    box.addEventListener("change", () => {
      if (box.checked) selected.add(box.value);
      else selected.delete(box.value);
      updateCompare();
    });
  }
  rows.forEach(addCompareBox);
  function updateCompare(): void {
    const ids = [...selected];
    compareLink!.hidden = ids.length === 0;
    compareLink!.textContent = texts.compareSelected!.replace("{n}", String(ids.length));
    compareLink!.href = `${compareLink!.pathname}${compareQuery(ids)}`;
    for (const box of body.querySelectorAll<HTMLInputElement>(".row-compare input")) {
      box.disabled = !box.checked && ids.length >= maxCompared;
    }
  }

  form.addEventListener("change", (event) => {
    const input = event.target as HTMLInputElement;
    if (event.target === sortChoice || event.target === directionChoice) {
      view.sort = sortChoice.value || undefined;
      view.dir = directionChoice.value === "desc" ? "desc" : "asc";
    } else if (input.name === "cols") {
      const chosen = columnBoxes.filter((box) => box.checked).map((box) => box.value);
      view.columns = chosen.length === allColumns.length ? undefined : chosen;
    } else if (filterNames.includes(input.name)) {
      const chosen = checkboxes(input.name)
        .filter((box) => box.checked)
        .map((box) => box.value);
      if (chosen.length > 0) view.filters.set(input.name, chosen);
      else view.filters.delete(input.name);
    }
    apply();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      view.filters.clear();
      view.columns = undefined;
      for (const box of columnBoxes) box.checked = true;
      apply();
    });
  });
  showColumns.addEventListener("click", () => {
    view.columns = undefined;
    for (const box of columnBoxes) box.checked = true;
    apply();
  });
  const wrap = table.closest<HTMLElement>(".table-wrap")!;
  const updateCue = () => {
    moreColumns!.hidden = wrap.scrollWidth <= wrap.clientWidth + 1 || narrow.matches;
  };
  new ResizeObserver(updateCue).observe(wrap);

  /** The label a reader sees for one option of a filter. */
  const optionLabel = (name: string, value: string) =>
    form!.querySelector(`input[name="${name}"][value="${CSS.escape(value)}"] + span`)?.textContent ?? value;

  function renderChips(): void {
    const list = chips!.querySelector("ul")!;
    list.replaceChildren();
    for (const name of filterNames) {
      const values = view.filters.get(name) ?? [];
      const title = filterBoxes.find((box) => box.dataset.filter === name)?.querySelector(".filter-title")?.textContent;
      for (const value of values) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "chip";
        const label = optionLabel(name, value);
        button.textContent = `${title}: ${label} ×`;
        button.setAttribute(
          "aria-label",
          texts.removeFilter!.replace("{name}", title ?? name).replace("{value}", label),
        );
        button.addEventListener("click", () => {
          const rest = (view.filters.get(name) ?? []).filter((other) => other !== value);
          if (rest.length > 0) view.filters.set(name, rest);
          else view.filters.delete(name);
          for (const box of checkboxes(name)) box.checked = rest.includes(box.value);
          apply();
          (list.querySelector("button") ?? toggle)!.focus();
        });
        item.append(button);
        list.append(item);
      }
    }
    chips!.hidden = view.filters.size === 0;
  }

  function renderFilterSummaries(): void {
    for (const box of filterBoxes) {
      const name = box.dataset.filter!;
      const chosen = view.filters.get(name) ?? [];
      box.querySelector(".filter-chosen")!.textContent =
        chosen.length === 0 ? texts.any! : chosen.map((value) => optionLabel(name, value)).join(", ");
      box.classList.toggle("filter-active", chosen.length > 0);
      // Each option counts the rows it would show, given the other filters.
      const candidates = rows.filter((row) => matches(row, view.filters, name));
      for (const counter of box.querySelectorAll<HTMLElement>("[data-count-for]")) {
        const value = counter.dataset.countFor!;
        counter.textContent = String(
          candidates.filter((row) => (row.getAttribute(`data-filter-${name}`) ?? "").split(" ").includes(value)).length,
        );
      }
    }
    const chosenCount = [...view.filters.values()].reduce((sum, values) => sum + values.length, 0);
    toggle!.textContent = texts.filterToggle!.replace("{n}", String(chosenCount));
    const shown = shownColumns().filter((key) => allColumns.includes(key));
    form!.querySelector(".column-chooser .filter-chosen")!.textContent = texts
      .columnsSummary!.replace("{shown}", String(shown.length))
      .replace("{total}", String(allColumns.length));
    showColumns!.hidden = shown.length === allColumns.length;
  }

  function applyColumns(): void {
    const shown = new Set([...shownColumns(), "authority"]);
    for (const cell of table!.querySelectorAll<HTMLElement>("[data-column]")) {
      cell.hidden = !shown.has(cell.dataset.column!);
    }
  }

  /** Shows the view, first loading the other pages' rows if the table is in pages and they are not here yet. */
  function apply(): void {
    if (allRows) render();
    else void loadThenRender();
  }
  let loading: Promise<void> | undefined;
  async function loadThenRender(): Promise<void> {
    loading ??= loadOtherPages(table!, pages, count!, texts).then((added) => {
      if (!added) {
        form!.inert = true;
        return;
      }
      added.forEach(addCompareBox);
      rows = [...body.rows];
      originalOrder = [...rows];
      allRows = true;
    });
    await loading;
    if (allRows) render();
  }

  function render(): void {
    let shownRows = 0;
    for (const row of rows) {
      const visible = matches(row, view.filters);
      row.hidden = !visible;
      if (visible) shownRows += 1;
    }
    const sorted = [...originalOrder];
    const sortIndex = headers.findIndex((header) => header.dataset.column === view.sort);
    if (sortIndex >= 0) {
      const key = (row: HTMLTableRowElement) => row.cells[sortIndex]?.dataset.sort ?? "";
      const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: "base" });
      sorted.sort((a, b) => collator.compare(key(a), key(b)) * (view.dir === "desc" ? -1 : 1));
    }
    body.append(...sorted);
    sortChoice.value = sortIndex >= 0 ? view.sort! : "";
    directionChoice.value = view.dir === "desc" ? "desc" : "asc";
    for (const { header, index } of sortButtons) {
      if (index === sortIndex) header.setAttribute("aria-sort", view.dir === "asc" ? "ascending" : "descending");
      else header.removeAttribute("aria-sort");
    }
    applyColumns();
    renderChips();
    renderFilterSummaries();
    count!.textContent = texts.count!.replace("{shown}", String(shownRows)).replace("{total}", String(rows.length));
    empty!.hidden = shownRows > 0;
    download!.textContent = download!.dataset.labelView!;
    history.replaceState(null, "", `${location.pathname}${writeView(view)}${location.hash}`);
    updateCue();
  }

  // The CSV holds exactly the rows and columns shown, in their order, as their cells' words.
  // Before the rows of a table in pages are loaded, the link downloads the whole registry's CSV.
  download.addEventListener("click", () => {
    if (!allRows) return;
    const columns = headers.map((header) => header.dataset.column!).filter((key) => !headerHidden(key));
    const names = headers.filter((header) => !header.hidden).map((header) => header.textContent?.trim() ?? "");
    const lines = [
      names,
      ...[...body.rows]
        .filter((row) => !row.hidden)
        .map((row) =>
          columns.map((key) => row.querySelector<HTMLElement>(`[data-column="${key}"]`)?.dataset.csv ?? ""),
        ),
    ];
    const csv = `\uFEFF${lines.map((line) => line.map(csvField).join(",")).join("\r\n")}\r\n`;
    if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    download.download = texts.csvFile!;
  });
  const headerHidden = (key: string) => headers.find((header) => header.dataset.column === key)!.hidden;

  // The server's page is already the unfiltered view; an address with a view applies it at once.
  if (view.filters.size > 0 || view.sort || view.columns) apply();
  else if (allRows) render();
  else updateCue();
}
