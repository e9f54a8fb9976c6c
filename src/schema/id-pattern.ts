/**
 * The form of a record or source id: lowercase words joined by hyphens, e.g. `de-he-hepolchat`.
 * On its own, without zod, so that scripts in the browser (the compare view) check ids the same way.
 */
export const recordIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
