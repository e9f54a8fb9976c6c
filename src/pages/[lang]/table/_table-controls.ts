/**
 * Sorting and filtering for the comparison table. The table is complete without this script;
 * the script only hides rows and reorders them, and keeps the view in the URL's query string
 * (`?protocol=matrix&country=DE&sort=status&dir=desc`) so a link reproduces it.
 */

type Direction = "asc" | "desc";

/** Reads the view from a query string: filters by column, sort column and direction. */
export function readView(search: string, filterNames: string[]) {
  const params = new URLSearchParams(search);
  const filters = new Map<string, string>();
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) filters.set(name, value);
  }
  const dir: Direction = params.get("dir") === "desc" ? "desc" : "asc";
  return { filters, sort: params.get("sort") ?? undefined, dir };
}

/** Writes the view back into a query string, leaving out empty filters and the default sort. */
export function writeView(view: ReturnType<typeof readView>): string {
  const params = new URLSearchParams();
  for (const [name, value] of view.filters) params.set(name, value);
  if (view.sort) {
    params.set("sort", view.sort);
    if (view.dir === "desc") params.set("dir", "desc");
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Wires up the filter form, sortable headers and the live count on the table page. */
export function enhanceTable(): void {
  const form = document.querySelector<HTMLFormElement>("#table-filters");
  const table = document.querySelector<HTMLTableElement>(".deployment-table");
  const count = document.querySelector<HTMLElement>("#table-count");
  const empty = document.querySelector<HTMLElement>("#table-empty");
  if (!form || !table || !count || !empty) return;
  const body = table.tBodies[0]!;
  const rows = [...body.rows];
  const originalOrder = [...rows];
  const selects = [...form.querySelectorAll("select")];
  const headers = [...table.tHead!.rows[0]!.cells];
  const view = readView(
    location.search,
    selects.map((select) => select.name),
  );
  form.hidden = false;

  for (const select of selects) select.value = view.filters.get(select.name) ?? "";

  const sortButtons = headers.map((header, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.textContent = header.textContent?.trim() ?? "";
    button.setAttribute("aria-label", table.dataset.sortLabel!.replace("{column}", button.textContent));
    header.textContent = "";
    header.append(button);
    button.addEventListener("click", () => {
      const column = header.dataset.column!;
      view.dir = view.sort === column && view.dir === "asc" ? "desc" : "asc";
      view.sort = column;
      apply();
    });
    return { header, index, button };
  });

  form.addEventListener("change", () => {
    view.filters.clear();
    for (const select of selects) if (select.value) view.filters.set(select.name, select.value);
    apply();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => {
      view.filters.clear();
      apply();
    });
  });

  function apply(): void {
    let shown = 0;
    for (const row of rows) {
      const visible = [...view.filters].every(([name, value]) =>
        (row.dataset[`filter${name[0]!.toUpperCase()}${name.slice(1)}`] ?? "").split(" ").includes(value),
      );
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    const sorted = [...originalOrder];
    const sortIndex = headers.findIndex((header) => header.dataset.column === view.sort);
    if (sortIndex >= 0) {
      const key = (row: HTMLTableRowElement) => row.cells[sortIndex]?.dataset.sort ?? "";
      const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: "base" });
      sorted.sort((a, b) => collator.compare(key(a), key(b)) * (view.dir === "desc" ? -1 : 1));
    }
    body.append(...sorted);
    for (const { header, index } of sortButtons) {
      if (index === sortIndex) header.setAttribute("aria-sort", view.dir === "asc" ? "ascending" : "descending");
      else header.removeAttribute("aria-sort");
    }
    count!.textContent = form!.dataset
      .countTemplate!.replace("{shown}", String(shown))
      .replace("{total}", String(rows.length));
    empty!.hidden = shown > 0;
    history.replaceState(null, "", `${location.pathname}${writeView(view)}${location.hash}`);
  }

  apply();
}
