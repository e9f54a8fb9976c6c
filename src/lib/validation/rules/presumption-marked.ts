import { asList, asMap } from "../raw-data.ts";
import type { Rule } from "../rule.ts";

export default {
  id: "presumption-marked",
  severity: "error",
  description: "The value presumed-disabled is an editor's presumption and is written with confidence: presumed.",
  scope: "record",
  *check({ collection, data }) {
    if (collection !== "deployments") return;
    const message =
      "presumed-disabled is an editorial presumption: write it as { value, sources, confidence: presumed }";
    const federation = data.federation;
    const claims = Array.isArray(federation)
      ? asList(federation).map((claim, index) => ({ claim, path: ["federation", index] }))
      : [{ claim: federation, path: ["federation"] }];
    for (const { claim, path } of claims) {
      const map = asMap(claim);
      const value = map ? map.value : claim;
      if (value === "presumed-disabled" && map?.confidence !== "presumed") yield { path, message };
    }
  },
} satisfies Rule;
