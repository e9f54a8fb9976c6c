/**
 * Imported first by the editor's script, before any schema is made: zod then never tries
 * `new Function` to speed up parsing, which the site's Content-Security-Policy (no 'unsafe-eval')
 * would block and report. The schemas are built when their modules load, so this must come first.
 */
import { z } from "zod";

z.config({ jitless: true });
