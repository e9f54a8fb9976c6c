import { parseDocument } from "yaml";
const [kind, n] = [process.argv[2], Number(process.argv[3])];
const t = kind === "flow" ? "a: " + "[".repeat(n) + "]".repeat(n) + "\n" : Array.from({length: n}, (_, i) => " ".repeat(i) + "- ").join("\n") + "x\n";
console.log(t.length);
const s = Date.now();
try { const d = parseDocument(t, { uniqueKeys: false }); console.log(d.errors.length, d.errors[0]?.message.slice(0,80), typeof d.toJS()); } catch (e) { console.log("throws", e.constructor.name, e.message.slice(0, 80)); }
console.log(Date.now() - s, "ms");
