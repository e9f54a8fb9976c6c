/** A record's changes (see record-history.ts) in words a reader understands, in one language. */
import { localize, t, type Lang } from "../../i18n/index.ts";
import type { RegistryModel } from "../model/registry-model.ts";
import { keyFactRow } from "../model/key-facts.ts";
import type { FactState, RecordChange, RegistryHistory } from "../model/record-history.ts";
import { factName, factValueLabel } from "./fact-text.ts";

/** A fact's state in words: the value's label and how sure the sources are, e.g. "abgeschaltet (redaktionelle Vermutung)". */
function stateText(row: NonNullable<ReturnType<typeof keyFactRow>>, state: FactState | undefined, lang: Lang): string {
  const dict = t(lang);
  if (!state) return dict.changes.notStated;
  const confidences = state.confidence
    .split("|")
    .filter(Boolean)
    .map((level) => dict.label.confidence[level as keyof typeof dict.label.confidence] ?? level);
  const value = factValueLabel(row, state.value, lang);
  return confidences.length > 0 ? `${value} (${confidences.join(", ")})` : value;
}

/** The name of a top-level record field in one language, or the field as written when the dictionary has none. */
export function fieldName(field: string, lang: Lang): string {
  const names = t(lang).field as Record<string, string>;
  return names[field] ?? field;
}

/**
 * What one change did, as lines: "Neu im Register", then one line per changed key fact
 * ("Föderation: vermutlich … → …"), then the other changed fields by name.
 */
export function changeLines(change: RecordChange, lang: Lang): string[] {
  const dict = t(lang);
  if (change.kind === "added") return [dict.changes.added];
  if (change.kind === "removed") return [dict.changes.removed];
  const factKeys = new Set<string>(change.facts.map((fact) => fact.key));
  const facts = change.facts.flatMap((fact) => {
    const row = keyFactRow(fact.key);
    if (!row) return [];
    return [`${factName(row, lang)}: ${stateText(row, fact.before, lang)} → ${stateText(row, fact.after, lang)}`];
  });
  // A nested key fact (licences.client) changes its top-level field (licences) too: named once, by the fact.
  const others = change.fields.filter((field) => ![...factKeys].some((key) => key.split(".")[0] === field));
  return [
    ...facts,
    ...(others.length > 0 ? [dict.changes.changedFields(others.map((f) => fieldName(f, lang)).join(", "))] : []),
  ];
}

/** The date part of a commit's date-time, e.g. 2026-11-26. */
export const changeDate = (change: RecordChange) => change.date.slice(0, 10);

/** The name a reader knows a changed record by, in one language; undefined when the registry no longer has it. */
export function recordTitle(
  model: RegistryModel,
  change: Pick<RecordChange, "collection" | "id">,
  lang: Lang,
): string | undefined {
  switch (change.collection) {
    case "deployments":
      return model.deployments.find((d) => d.id === change.id)?.displayName[lang];
    case "products":
      return model.products.find((p) => p.id === change.id)?.name;
    case "positions": {
      const position = model.positions.find((p) => p.id === change.id);
      return position && localize(position.title, lang).text;
    }
  }
}

/** What a page says about how complete the history behind its changes is; undefined when it is complete. */
export function historyNotice(history: RegistryHistory, lang: Lang): string | undefined {
  const dict = t(lang);
  if (!history.available) return dict.changes.unavailable;
  if (history.shallow) return dict.changes.shallow(history.knownSince?.slice(0, 10) ?? "?");
  return undefined;
}
