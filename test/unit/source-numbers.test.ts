// Sources on an entry page: which of a product's sources are documents the deployment cites too,
// and where a deployment's page refers a reader for each of its product's sources.
import { describe, expect, it } from "vitest";
import { productSourceRefs, sameDocumentsIn } from "../../src/lib/site/source-numbers.ts";

describe("same documents in two source lists", () => {
  const own = [
    { id: "faq", publisher: "openDesk", title: "FAQ", url: "https://www.opendesk.eu/de/faq" },
    { id: "letter", publisher: "Landtag", title: "Antwort", date: "2024-05-02" },
  ];

  it("matches by address, whatever the ids, and without an address by publisher, title and date", () => {
    const product = [
      { id: "opendesk-faq", publisher: "ZenDiS", url: "https://www.opendesk.eu/de/faq" },
      { id: "answer", publisher: "Landtag", title: "Antwort", date: "2024-05-02" },
      { id: "faq", publisher: "openDesk", title: "FAQ", url: "https://www.opendesk.eu/en/faq" },
    ];
    expect([...sameDocumentsIn(product, own)]).toEqual([
      ["opendesk-faq", "faq"],
      ["answer", "letter"],
    ]);
  });

  it("never matches a source with an address to one without, or an undated letter to a dated one", () => {
    const product = [
      { id: "faq", publisher: "openDesk", title: "FAQ" },
      { id: "letter", publisher: "Landtag", title: "Antwort" },
    ];
    expect(sameDocumentsIn(product, own).size).toBe(0);
  });
});

describe("references to a product's sources on a deployment's page", () => {
  const own = [
    { id: "press", publisher: "heise online", url: "https://www.heise.de/news/1" },
    { id: "faq", publisher: "openDesk", title: "FAQ", url: "https://www.opendesk.eu/de/faq" },
  ];
  const product = [
    { id: "licence", publisher: "ZenDiS", url: "https://gitlab.opencode.de/licence" },
    { id: "opendesk-faq", publisher: "ZenDiS", url: "https://www.opendesk.eu/de/faq" },
    { id: "letter", publisher: "Landtag", title: "Antwort", date: "2024-05-02" },
  ];
  const refs = productSourceRefs(product, own, "/de/products/opendesk/");

  it("number each source as the product's page does, P1, P2, …, and link to it there", () => {
    expect(refs.get("licence")).toEqual({ anchor: "source-licence", text: "P1", page: "/de/products/opendesk/" });
    expect(refs.get("letter")).toEqual({ anchor: "source-letter", text: "P3", page: "/de/products/opendesk/" });
  });

  it("give a document the deployment cites too the deployment's own number, on its own page", () => {
    expect(refs.get("opendesk-faq")).toEqual({ anchor: "source-faq", text: "2" });
  });
});
