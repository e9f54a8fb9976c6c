import type { Rule } from "../rule.ts";

export default {
  id: "country-or-organisation",
  severity: "error",
  description:
    "A deployment names either the country of a state's body or the international organisation it belongs to, never both.",
  scope: "record",
  *check({ collection, data }) {
    if (collection !== "deployments") return;
    const either = "give either country (a state's body) or organisation (an international one)";
    if (data.country !== undefined && data.organisation !== undefined) {
      yield { path: ["organisation"], message: `${either}, not both` };
    } else if (data.country === undefined && data.organisation === undefined) {
      yield { path: ["country"], message: either };
    }
  },
} satisfies Rule;
