import { parse } from "yaml";
import { readFileSync } from "node:fs";
const text = readFileSync("data/deployments/fr-tchap.yaml", "utf8");
for (let k = 0; k < 3; k++) { const t = performance.now(); for (let i = 0; i < 20; i++) parse(text); console.log("20 parses", performance.now() - t); }
const t = performance.now(); for (let i = 0; i < 20; i++) JSON.parse(JSON.stringify(parse(text))); 
