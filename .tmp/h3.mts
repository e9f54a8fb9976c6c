import { execFileSync } from "node:child_process";
import { parse } from "yaml";
let t = performance.now();
const log = execFileSync("git", ["log", "--first-parent", "-m", "--no-renames", "--name-status", "--format=@%H", "--", "data"], { encoding: "utf8" });
console.log("log", performance.now() - t); t = performance.now();
const specs: string[] = [];
let c = "";
for (const l of log.split("\n")) { if (l.startsWith("@")) c = l.slice(1); else if (/^[AMD]\t/.test(l)) { const p = l.split("\t")[1]; specs.push(`${c}:${p}`, `${c}^:${p}`); } }
const out = execFileSync("git", ["cat-file", "--batch"], { input: specs.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28 });
console.log("cat", specs.length, out.length, performance.now() - t); t = performance.now();
const text = execFileSync("git", ["show", "HEAD:data/deployments/fr-tchap.yaml"], { encoding: "utf8" });
for (let i = 0; i < 100; i++) parse(text);
console.log("100 parses", performance.now() - t);
