import { licenceOfSpdx } from "../../../schema/licence.ts";
import { asMap, asString } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "licence-spdx",
  severity: "error",
  description:
    "A licence claim gives its class (value), its SPDX expression (spdx) or both; a class given beside a licence the registry knows agrees with it.",
  scope: "record",
  *check({ collection, data }) {
    if (collection !== "products") return;
    const licences = asMap(data.licences);
    for (const side of ["client", "server"] as const) {
      const field = licences?.[side];
      const claims = Array.isArray(field)
        ? field.map((claim, index) => ({ claim: asMap(claim), path: ["licences", side, index] }))
        : [{ claim: asMap(field), path: ["licences", side] }];
      for (const { claim, path } of claims) {
        if (!claim || !("confidence" in claim)) continue;
        const spdx = asString(claim.spdx);
        const named = spdx === undefined ? undefined : licenceOfSpdx(spdx);
        if (claim.value === undefined && named === undefined) {
          yield spdx === undefined
            ? { path: [...path, "value"], message: "give value or spdx" }
            : {
                path: [...path, "spdx"],
                message: `give value too: which class ${spdx} belongs to is not known to the registry`,
              };
        }
        if (claim.value !== undefined && named !== undefined && claim.value !== named) {
          yield { path: [...path, "value"], message: `${spdx} is ${named}, not ${String(claim.value)}` };
        }
      }
    }
  },
} satisfies Rule;
