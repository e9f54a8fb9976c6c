// Sources on an entry page: which of a product's sources are documents the deployment cites too.
import { describe, expect, it } from "vitest";
import { sameDocumentsIn } from "../../src/lib/site/source-numbers.ts";

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
