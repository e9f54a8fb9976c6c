/**
 * Licences by name: an SPDX licence expression on a licence claim, and the licence class
 * (free, open core, proprietary) that follows from it where the licences it names are known.
 */
import { z } from "zod";
import type { licence } from "./vocabulary.ts";

type Licence = z.output<typeof licence>;

/**
 * An SPDX licence expression of licence ids joined by AND, OR or WITH, e.g. `AGPL-3.0-or-later`,
 * `MIT AND LicenseRef-RocketChat-EE`. Where a source names a licence without saying whether later
 * versions are allowed, its short SPDX id (`AGPL-3.0`, `GPL-3.0`) says just that.
 */
export const spdxExpression = z
  .string()
  .regex(
    /^[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*$/,
    "expected an SPDX licence expression such as AGPL-3.0-or-later or MIT AND LicenseRef-proprietary",
  );

/** SPDX ids of free software licences (approved by the OSI and the FSF) that records name. */
const freeLicences = new Set([
  "AGPL-3.0",
  "AGPL-3.0-only",
  "AGPL-3.0-or-later",
  "GPL-2.0-only",
  "GPL-2.0-or-later",
  "GPL-3.0",
  "GPL-3.0-only",
  "GPL-3.0-or-later",
  "LGPL-2.1-only",
  "LGPL-2.1-or-later",
  "LGPL-3.0-only",
  "LGPL-3.0-or-later",
  "MPL-2.0",
  "EUPL-1.2",
  "Apache-2.0",
  "MIT",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "ISC",
  "BSL-1.0",
]);

/** The id that says the source calls the licence proprietary without naming it. */
export const proprietaryLicenceRef = "LicenseRef-proprietary";

/** The class of one licence id (an exception after WITH does not change it); undefined if not known. */
function classOf(term: string): "free" | "proprietary" | undefined {
  const id = term.split(" WITH ")[0]!;
  if (freeLicences.has(id)) return "free";
  if (id === proprietaryLicenceRef) return "proprietary";
  return undefined;
}

/**
 * The licence class an SPDX expression amounts to, or undefined where it names a licence the
 * registry does not know: any free alternative (OR) makes it free; parts combined with AND are
 * free if all are, open core if some are and the rest are known to be proprietary.
 */
export function licenceOfSpdx(expression: string): Licence | undefined {
  const alternatives = expression.split(" OR ").map((alternative) => {
    const parts = alternative.split(" AND ").map(classOf);
    if (parts.every((part) => part === "free")) return "free";
    if (parts.includes(undefined)) return undefined;
    return parts.includes("free") ? "open-core" : "proprietary";
  });
  if (alternatives.includes("free")) return "free";
  if (alternatives.includes(undefined)) return undefined;
  return alternatives.includes("open-core") ? "open-core" : "proprietary";
}
