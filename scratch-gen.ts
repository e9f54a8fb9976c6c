import { writeSyntheticRegistry } from "./scripts/bench/synthetic-registry.ts";
await writeSyntheticRegistry({ sourceDir: "data", outDir: process.argv[2]!, deployments: Number(process.argv[3]) });
