/**
 * `npm run benchmark`: measures what the speed and size targets are about, on this machine.
 * Builds the site (timing each step), then reports page weights, script weight, the search
 * index and the social cards. Targets are printed beside the numbers; nothing here is a test.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSteps, runStep } from "../src/lib/build/build-steps.ts";

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesBelow(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const gzipped = (file: string) => gzipSync(readFileSync(file)).length;

console.log("Build steps (the social cards step reuses its cache as it is)");
let total = 0;
for (const step of buildSteps("dist")) {
  const seconds = await runStep(step, { echo: false });
  total += seconds;
  console.log(`${step.label.padEnd(34)} ${seconds.toFixed(1)} s`);
}
console.log(`${"total".padEnd(34)} ${total.toFixed(1)} s   (target: under 120 s on 2 cores)`);

const files = filesBelow("dist");
const html = files.filter((file) => file.endsWith(".html"));
const scripts = files.filter((file) => file.endsWith(".js") && !file.includes("/pagefind/"));
const css = files.filter((file) => file.endsWith(".css") && !file.includes("/pagefind/"));
const biggest = [...html].sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
console.log("\nSizes (gzip, as served)");
console.log(`${"HTML pages".padEnd(34)} ${html.length}`);
console.log(`${"largest page".padEnd(34)} ${kib(gzipped(biggest))}  ${biggest}   (target: under 100 KiB)`);
console.log(`${"table page".padEnd(34)} ${kib(gzipped("dist/de/table/index.html"))}   (target: under 100 KiB)`);
const inlineScripts = [
  ...readFileSync("dist/de/table/index.html", "utf8").matchAll(/<script type="module">([\s\S]*?)<\/script>/g),
];
console.log(
  `${"script files".padEnd(34)} ${kib(scripts.reduce((sum, file) => sum + gzipped(file), 0))}   (target: under 20 KiB)`,
);
console.log(
  `${"table page inline scripts".padEnd(34)} ${kib(gzipSync(inlineScripts.map((m) => m[1]).join("")).length)}   (target: under 20 KiB)`,
);
console.log(
  `${"stylesheets (all)".padEnd(34)} ${kib(css.reduce((sum, file) => sum + gzipped(file), 0))}   (target: under 15 KiB)`,
);
const pagefind = files.filter((file) => file.includes("/pagefind/"));
console.log(
  `${"search index (on disk)".padEnd(34)} ${kib(pagefind.reduce((sum, file) => sum + statSync(file).size, 0))}`,
);
const cards = files.filter((file) => file.includes("/og/") && file.endsWith(".png"));
console.log(
  `${"social cards".padEnd(34)} ${cards.length}, ${kib(cards.reduce((sum, file) => sum + statSync(file).size, 0))} in all`,
);
