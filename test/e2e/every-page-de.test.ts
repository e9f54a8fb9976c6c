// Every German page of the build, and the pages outside both languages (the root redirect, 404):
// see every-page.ts.
import { checkEveryPage } from "./every-page.ts";

checkEveryPage("every page outside /en/", (path) => !path.startsWith("/en/"));
