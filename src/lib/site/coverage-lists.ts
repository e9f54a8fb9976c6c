/**
 * The gaps the coverage page lists, by kind. The page names the first `coverageFindingsShown` of
 * each kind, so it grows with the number of kinds, not of records; each kind's own pages
 * (`/de/coverage/open-questions/`, …, in pages like the table's) list every finding.
 */
import { t, type Lang } from "../../i18n/index.ts";
import type { CoverageReport } from "../model/coverage.ts";

/** The kinds of gap, as they appear in addresses and as anchors on the coverage page. */
export const coverageKinds = ["open-questions", "missing-links", "disputes", "presumptions"] as const;
export type CoverageKind = (typeof coverageKinds)[number];

/** One finding of any kind: a record, and what it leaves open. */
export type CoverageFinding = CoverageReport["openQuestions" | "missingLinks" | "disputes" | "presumptions"][number];

/** Findings of each kind named on the coverage page itself. */
export const coverageFindingsShown = 120;

/** Each kind's list in the coverage report, and its heading in the dictionary: both have the same name. */
const reportKey = {
  "open-questions": "openQuestions",
  "missing-links": "missingLinks",
  disputes: "disputes",
  presumptions: "presumptions",
} as const satisfies Record<CoverageKind, keyof CoverageReport>;

/** The findings of one kind, from the coverage report. */
export function findingsOf(report: CoverageReport, kind: CoverageKind): CoverageFinding[] {
  return report[reportKey[kind]];
}

/** The heading of one kind of gap. */
export function coverageKindTitle(kind: CoverageKind, lang: Lang): string {
  return t(lang).coveragePage[reportKey[kind]];
}
