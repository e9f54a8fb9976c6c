/** The pages of the positions list (index.astro and page/[page].astro): newest first, `tablePageSize` to a page. */
import type { Lang } from "../../../i18n/index.ts";
import { getPositions } from "../../../lib/site/astro-registry.ts";
import { tablePages } from "../../../lib/site/table-pages.ts";
import { tablePageSize } from "../../../config.ts";

export async function positionPages(langs: readonly Lang[]) {
  const positions = await getPositions();
  const pages = tablePages(positions, tablePageSize);
  return langs.flatMap((lang) =>
    pages.map((listPage) => ({
      params: { lang },
      props: { listPage, pageCount: pages.length, total: positions.length },
    })),
  );
}
