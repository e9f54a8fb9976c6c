// Every English page of the build: see every-page.ts.
import { checkEveryPage } from "./every-page.ts";

checkEveryPage("every page in /en/", (path) => path.startsWith("/en/"));
