import { quote } from "../quoting.ts";
import { asList } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "alias-unique",
  severity: "error",
  description:
    "A former id (alias) is neither the id nor an alias of another record of the collection, so an old link leads to one place.",
  scope: "registry",
  *check({ records }) {
    const owner = new Map(records.map((record) => [`${record.collection}/${record.id}`, record.id]));
    for (const record of records) {
      for (const [index, alias] of asList(record.data.aliases).entries()) {
        if (typeof alias !== "string") continue;
        const key = `${record.collection}/${alias}`;
        const taken = owner.get(key);
        if (taken === undefined) owner.set(key, record.id);
        else {
          yield {
            in: record,
            path: ["aliases", index],
            message: `alias ${quote(alias)} is already the id or an alias of ${record.collection}/${taken}`,
          };
        }
      }
    }
  },
} satisfies Rule;
