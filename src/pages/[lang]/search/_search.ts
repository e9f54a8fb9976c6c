/**
 * The search page's script: asks Pagefind (self-hosted, one index per language under /pagefind/de/, /pagefind/en/) as the reader types and
 * lists results grouped by kind (deployments, products, positions, countries), each with its
 * labelled tags. The query and filters live in the URL (`?q=stashcat&protocol=Matrix`).
 */

type PagefindResult = { url: string; excerpt: string; meta: Record<string, string> };
type Pagefind = {
  options(options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
};

const filterKeys = ["country", "protocol", "sector", "status"] as const;

/** Loads Pagefind lazily; its files are produced by the build, so Vite must not bundle them. */
async function loadPagefind(url: string): Promise<Pagefind> {
  return (await import(/* @vite-ignore */ url)) as Pagefind;
}

/** Wires the search form to Pagefind and renders results. */
export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>("#search-form")!;
  const input = document.querySelector<HTMLInputElement>("#search-input")!;
  const list = document.querySelector<HTMLOListElement>("#search-results")!;
  const status = document.querySelector<HTMLElement>("#search-status")!;
  const fieldset = document.querySelector<HTMLFieldSetElement>("#search-filters")!;
  const grid = fieldset.querySelector<HTMLElement>(".filter-grid")!;
  const names = JSON.parse(list.dataset.filterNames!) as Record<string, string>;
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";

  const pagefind = await loadPagefind(list.dataset.pagefind!);
  await pagefind.options({ excerptLength: 24, baseUrl: list.dataset.base });
  const available = await pagefind.filters();
  const selects = filterKeys.map((key) => {
    const label = document.createElement("label");
    const caption = document.createElement("span");
    caption.textContent = names[key] ?? key;
    const select = document.createElement("select");
    select.name = key;
    select.append(new Option(list.dataset.any!, ""));
    for (const value of Object.keys(available[key] ?? {}).sort((a, b) => a.localeCompare(b))) {
      select.append(new Option(`${value} (${available[key]![value]})`, value));
    }
    select.value = params.get(key) ?? "";
    label.append(caption, select);
    grid.append(label);
    select.addEventListener("change", () => void run());
    return select;
  });
  fieldset.hidden = false;

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void run();
  });
  // Results follow the typing, a moment after the last key, so each keystroke does not search.
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(), 250);
  });
  const kinds = JSON.parse(list.dataset.kinds!) as Record<string, string>;
  let latest = 0;

  async function run(): Promise<void> {
    const query = input.value.trim();
    const filters = Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));
    const next = new URLSearchParams({ ...(query ? { q: query } : {}), ...filters });
    history.replaceState(null, "", `${location.pathname}${next.size ? `?${next}` : ""}`);
    list.replaceChildren();
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = "";
      return;
    }
    status.textContent = list.dataset.loading!;
    const asked = ++latest;
    const search = await pagefind.search(query || null, { filters });
    const results = await Promise.all(search.results.slice(0, 50).map((result) => result.data()));
    // A slower answer to an earlier query must not replace the answer to the latest one.
    if (asked !== latest) return;
    list.replaceChildren();
    status.textContent = results.length
      ? list.dataset.results!.replace("{count}", String(search.results.length))
      : list.dataset.noResults!;
    for (const kind of Object.keys(kinds)) {
      const ofKind = results.filter((result) => kindOf(result.url) === kind);
      if (ofKind.length > 0) list.append(renderGroup(kinds[kind]!, kind, ofKind));
    }
  }

  if (input.value || selects.some((s) => s.value)) await run();
}

/** The kind of page a result is, from its address: deployments, products, positions, countries or other. */
function kindOf(url: string): string {
  return /\/(deployments|products|positions|countries)\//.exec(url)?.[1] ?? "other";
}

/** One kind's results under a heading with their number. */
function renderGroup(title: string, kind: string, results: PagefindResult[]): HTMLLIElement {
  const group = document.createElement("li");
  group.className = "result-group";
  group.dataset.kind = kind;
  const heading = document.createElement("h2");
  heading.className = "result-group-title";
  heading.textContent = `${title} (${results.length})`;
  const items = document.createElement("ol");
  items.className = "search-results-of-kind";
  items.append(...results.map(renderResult));
  group.append(heading, items);
  return group;
}

function renderResult(result: PagefindResult): HTMLLIElement {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const heading = document.createElement("h3");
  heading.className = "result-title";
  heading.append(link);
  item.append(heading);
  if (result.meta.tags) {
    const tags = document.createElement("p");
    tags.className = "muted result-tags";
    tags.textContent = result.meta.tags;
    item.append(tags);
  }
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(result.excerpt));
  item.append(excerpt);
  return item;
}

/**
 * Pagefind's excerpt is the page's text as HTML with <mark> around matches. It is parsed in an
 * inert document (nothing in it runs or loads) and only its text and <mark>s are kept, so no
 * markup from a record can reach the results page whatever the excerpt holds.
 */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}
