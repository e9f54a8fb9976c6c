/**
 * The press kit's copying, loaded as a file (never inline): "copy link" on every key fact and
 * source copies the fact's full address; copy buttons copy the citation, BibTeX, CSL-JSON or an
 * embed snippet; the citation's access date becomes the reader's today. Without JavaScript the
 * anchors are plain links and every text stays selectable, so nothing depends on this.
 */

/** Today as YYYY-MM-DD in the reader's time zone. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A live region that tells screen-reader users what was copied. */
function announce(message: string): void {
  let region = document.getElementById("press-kit-status");
  if (!region) {
    region = document.createElement("p");
    region.id = "press-kit-status";
    region.className = "visually-hidden";
    region.setAttribute("aria-live", "polite");
    document.body.append(region);
  }
  region.textContent = "";
  // A fresh text node after clearing makes screen readers read the same message again.
  window.setTimeout(() => (region!.textContent = message), 50);
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const linkCopied = document.body.dataset.linkCopied ?? "";
for (const link of document.querySelectorAll<HTMLAnchorElement>("a.copy-link")) {
  link.addEventListener("click", async (event) => {
    const address = new URL(link.getAttribute("href")!, location.href).href;
    history.replaceState(null, "", link.getAttribute("href"));
    if (await copy(address)) {
      event.preventDefault();
      document.getElementById(link.hash.slice(1))?.scrollIntoView({ block: "nearest" });
      link.dataset.copied = "";
      announce(linkCopied);
      window.setTimeout(() => delete link.dataset.copied, 2000);
    }
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy-target]")) {
  button.hidden = false;
  const label = button.textContent;
  button.addEventListener("click", async () => {
    const text = document.getElementById(button.dataset.copyTarget!)?.textContent ?? "";
    if (await copy(text.trim())) {
      button.textContent = button.dataset.copied ?? label;
      announce(button.dataset.copied ?? "");
      window.setTimeout(() => (button.textContent = label), 2000);
    }
  });
}

// The page was built on one day and is read on another: the citation says when it was read.
for (const cite of document.querySelectorAll<HTMLElement>("[data-accessed]")) {
  const built = cite.dataset.accessed!;
  const read = today();
  if (built === read) continue;
  for (const part of cite.querySelectorAll<HTMLElement>("[data-access-date]")) {
    if (part.dataset.accessDate === "csl") {
      const item = JSON.parse(part.textContent ?? "{}") as Record<string, unknown>;
      item.accessed = { "date-parts": [read.split("-").map(Number)] };
      part.textContent = JSON.stringify(item, null, 2);
    } else {
      part.textContent = (part.textContent ?? "").split(built).join(read);
    }
  }
  cite.dataset.accessed = read;
}
