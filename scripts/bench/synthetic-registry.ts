/**
 * Synthetic registries for the benchmark: the real records of data/, copied unchanged, plus
 * clones of them varied in country, region, place, product, sectors, status history, user
 * figures, sources and disputes, until the registry holds the asked number of deployments.
 * Products and positions grow with it. Every file is checked with the real validator; a clone
 * the validator refuses is replaced by a plainer copy of its original, and the count reported.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { collections, type CollectionName } from "../../src/schema/index.ts";
import * as vocabulary from "../../src/schema/vocabulary.ts";
import { formatProblem, schemaComment, validateRegistry } from "../../src/lib/validation/validate-registry.ts";

/** Products per deployment and positions per deployment in a synthetic registry (the real data has more of both). */
export const productsPerDeployment = 1 / 10;
export const positionsPerDeployment = 1 / 4;

/** What was written. */
export type SyntheticRegistry = {
  dataDir: string;
  counts: Record<CollectionName, number>;
  /** Clones the validator refused in their varied form and that were written as plain copies instead. */
  plainCopies: number;
  /** Ids of the real deployments (copied unchanged), to find the same entry page at every size. */
  realDeploymentIds: string[];
  /** Ids of some clones, to check that every build step saw them. */
  cloneDeploymentIds: string[];
  /** The country with the most deployments. */
  largestCountry: string;
  /** A word that occurs in many clones' names, for a typical search. */
  commonPlaceWord: string;
};

type Json = Record<string, unknown>;
type RealRecord = { id: string; text: string; data: Json };

/** Countries with ISO 3166-2 subdivisions, for clones placed elsewhere. */
const regionsByCountry: Record<string, string[]> = {
  DE: ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"],
  AT: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
  CH: ["ZH", "BE", "LU", "UR", "SZ", "ZG", "FR", "SO", "BS", "BL", "SG", "GR", "AG", "TG", "TI", "VD", "VS", "GE"],
  FR: ["ARA", "BFC", "BRE", "CVL", "GES", "HDF", "IDF", "NOR", "NAQ", "OCC", "PDL", "PAC"],
  NL: ["DR", "FL", "FR", "GE", "GR", "LI", "NB", "NH", "OV", "UT", "ZE", "ZH"],
  BE: ["VLG", "WAL", "BRU"],
  LU: ["CA", "DI", "LU"],
  SE: ["AB", "C", "D", "E", "F", "H", "K", "M", "O", "S", "T", "U", "W", "X", "Z"],
  PL: ["02", "04", "06", "08", "10", "12", "14", "16", "18", "20", "22", "24", "26", "28", "30", "32"],
  IT: ["21", "25", "34", "36", "42", "45", "52", "55", "57", "62", "65", "67", "72", "75", "77", "78", "82", "88"],
  ES: ["AN", "AR", "AS", "CN", "CB", "CL", "CM", "CT", "EX", "GA", "IB", "RI", "MD", "MC", "NC", "PV", "VC"],
  DK: ["81", "82", "83", "84", "85"],
  FI: ["01", "02", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19"],
  NO: ["03", "11", "15", "18", "30", "34", "38", "42", "46", "50", "54"],
  CZ: ["10", "20", "31", "32", "41", "42", "51", "52", "53", "63", "64", "71", "72", "80"],
  PT: ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18"],
  IE: ["C", "L", "M", "U"],
  EE: ["37", "39", "44", "49", "51", "57", "59", "65", "67", "70", "74", "78", "82", "84", "86"],
};
const countries = Object.keys(regionsByCountry);

const placeStarts = ["Alt", "Neu", "Ober", "Unter", "Berg", "Wald", "Stein", "Ros", "Lin", "Mar", "Hol", "Fel"];
const placeMiddles = ["", "en", "er", "au", "ing", "ol", "ar", "is", "ek", "and"];
const placeEnds = [
  "bach",
  "dorf",
  "feld",
  "heim",
  "hausen",
  "berg",
  "burg",
  "stadt",
  "ow",
  "ice",
  "ville",
  "by",
  "holm",
];

/** A seeded pseudo-random generator (mulberry32), so the same size always gives the same registry. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, pick, chance };
}
type Random = ReturnType<typeof randomSource>;

function readCollection(dataDir: string, collection: CollectionName): RealRecord[] {
  const folder = join(dataDir, collection);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => {
      const text = readFileSync(join(folder, name), "utf8");
      return { id: name.replace(/\.yaml$/, ""), text, data: parse(text) as Json };
    });
}

/** Text in one or two languages with a place name added. */
function withPlace(text: unknown, place: string): unknown {
  if (typeof text === "string") return `${text} ${place}`;
  if (text && typeof text === "object") {
    return Object.fromEntries(
      Object.entries(text as Record<string, string>).map(([lang, value]) => [lang, `${value} ${place}`]),
    );
  }
  return text;
}

/** The same (partial) date `years` earlier; 29 February becomes the 28th where needed. */
function yearsEarlier(date: string, years: number): string {
  const match = /^(\d{4})(.*)$/.exec(date);
  if (!match) return date;
  const year = Number(match[1]) - years;
  const rest =
    match[2] === "-02-29" && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? "-02-28" : match[2];
  return `${year}${rest}`;
}

/** Moves every `date` and `asOf` in a record back by the same number of years, keeping their order. */
function shiftDates(value: unknown, years: number): void {
  if (Array.isArray(value)) value.forEach((item) => shiftDates(item, years));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value as Json)) {
      if ((key === "date" || key === "asOf") && typeof inner === "string")
        (value as Json)[key] = yearsEarlier(inner, years);
      else shiftDates(inner, years);
    }
  }
}

/** A claim field in its list form (`[{ value, sources, confidence }]`), whichever form the record used. */
function claimList(claim: unknown): Json[] {
  if (Array.isArray(claim)) return claim as Json[];
  if (claim && typeof claim === "object") return [claim as Json];
  return [{ value: claim, sources: [], confidence: "unattributed" }];
}

const disputableFields = {
  federation: vocabulary.federationStatus.options.filter((value) => value !== "presumed-disabled"),
  reach: vocabulary.externalReach.options,
  interoperability: vocabulary.interoperability.options,
  topology: vocabulary.topology.options,
} as const;

/** Adds a second, differing claim from another source to one key fact: a dispute. */
function addDispute(record: Json, random: Random): void {
  const sourceIds = (record.sources as Json[]).map((source) => source.id as string);
  const present = (Object.keys(disputableFields) as (keyof typeof disputableFields)[]).filter((key) => key in record);
  if (present.length === 0) return;
  const field = random.pick(present);
  const claims = claimList(record[field]);
  const taken = new Set(claims.map((claim) => claim.value));
  const values = (disputableFields[field] as readonly string[]).filter((value) => !taken.has(value));
  if (values.length === 0) return;
  record[field] = [
    ...claims,
    { value: random.pick(values), sources: [random.pick(sourceIds)], confidence: "secondary" },
  ];
}

/** Appends an end to the status history (discontinued, or superseded by an earlier clone). */
function addEnding(record: Json, random: Random, successors: string[]): void {
  const steps = record.status as Json[];
  const last = steps.at(-1)!;
  if (["superseded", "discontinued", "cancelled"].includes(last.status as string)) return;
  const years = steps
    .map((step) => step.date ?? step.asOf)
    .filter((date): date is string => typeof date === "string")
    .map((date) => Number(date.slice(0, 4)));
  const year = Math.max(...years) + 1;
  if (years.length === 0 || year > new Date().getUTCFullYear()) return;
  const sources = [(record.sources as Json[])[0]!.id];
  if (successors.length > 0 && random.chance(0.5)) {
    steps.push({
      status: "superseded",
      date: String(year),
      supersededBy: random.pick(successors),
      sources,
      confidence: "reported",
    });
  } else {
    steps.push({ status: "discontinued", date: String(year), sources, confidence: "reported" });
  }
}

/** A source without a known address, so the "link missing" path is exercised at scale. */
function addUnlinkedSource(record: Json, place: string, index: number): void {
  (record.sources as Json[]).push({
    id: `lokal-${index}`,
    kind: "press",
    publisher: `Anzeiger ${place}`,
    language: "de",
    note: { de: `Lokalbericht über ${place}.`, en: `Local report on ${place}.` },
  });
}

function recordFile(collection: CollectionName, data: Json): string {
  return `${schemaComment(collection)}\n${stringify(data, { lineWidth: 0 })}`;
}

/**
 * Writes a registry of `deployments` deployments into `outDir` (subfolders deployments/,
 * products/, positions/), built from the real records in `sourceDir`. data/ is only read.
 */
export function writeSyntheticRegistry(options: {
  sourceDir: string;
  outDir: string;
  deployments: number;
}): SyntheticRegistry {
  const random = randomSource(options.deployments);
  const real = {
    deployments: readCollection(options.sourceDir, "deployments"),
    products: readCollection(options.sourceDir, "products"),
    positions: readCollection(options.sourceDir, "positions"),
  };
  for (const collection of Object.keys(collections) as CollectionName[]) {
    mkdirSync(join(options.outDir, collection), { recursive: true });
    for (const record of real[collection]) {
      writeFileSync(join(options.outDir, collection, `${record.id}.yaml`), record.text);
    }
  }
  // Each clone's plain form is kept in case the validator refuses the varied one.
  const clones = new Map<string, { collection: CollectionName; plain: Json }>();
  const add = (collection: CollectionName, id: string, varied: Json, plain: Json) => {
    writeFileSync(join(options.outDir, collection, `${id}.yaml`), recordFile(collection, varied));
    clones.set(`${collection}/${id}`, { collection, plain });
  };
  const newPlace = () => `${random.pick(placeStarts)}${random.pick(placeMiddles)}${random.pick(placeEnds)}`;
  const plainCopy = (data: Json) => {
    const copy = structuredClone(data);
    delete copy.aliases;
    return copy;
  };

  // Products: variants of the real ones, some built on their original.
  const variantsOf = new Map<string, string[]>(real.products.map((product) => [product.id, [product.id]]));
  const productTarget = Math.max(real.products.length, Math.round(options.deployments * productsPerDeployment));
  for (let i = 0; i < productTarget - real.products.length; i += 1) {
    const original = real.products[i % real.products.length]!;
    const place = newPlace();
    const id = `${original.id}-${place.toLowerCase()}-${i + 1}`;
    const product = plainCopy(original.data);
    product.name = `${String(product.name)} ${place}`;
    if (product.basedOn === undefined && random.chance(0.5)) product.basedOn = original.id;
    shiftDates(product, Math.floor(random.next() * 3));
    add("products", id, product, { ...plainCopy(original.data), name: product.name });
    variantsOf.get(original.id)!.push(id);
  }
  const someVariantOf = (productId: unknown) =>
    random.pick(variantsOf.get(productId as string) ?? [productId as string]);

  // Deployments: each clone moves to a place (often in another country or region) and varies its facts.
  const cloneIds: string[] = [];
  const countryCounts = new Map<string, number>();
  const placeWordCounts = new Map<string, number>();
  for (const original of real.deployments) {
    const country = original.data.country as string | undefined;
    if (country) countryCounts.set(country, (countryCounts.get(country) ?? 0) + 1);
  }
  for (let i = 0; i < options.deployments - real.deployments.length; i += 1) {
    const original = real.deployments[i % real.deployments.length]!;
    const place = newPlace();
    placeWordCounts.set(place, (placeWordCounts.get(place) ?? 0) + 1);
    const deployment = plainCopy(original.data);
    if (typeof deployment.country === "string" && random.chance(0.6)) {
      const country = random.pick(countries);
      deployment.country = country;
      if (deployment.region !== undefined || deployment.level === "state") {
        deployment.region = `${country}-${random.pick(regionsByCountry[country]!)}`;
      }
    } else if (typeof deployment.country === "string" && deployment.region !== undefined && random.chance(0.5)) {
      const regions = regionsByCountry[deployment.country];
      if (regions) deployment.region = `${deployment.country}-${random.pick(regions)}`;
    }
    const home = (deployment.country as string | undefined)?.toLowerCase() ?? "int";
    const id = `${home}-${place.toLowerCase()}-${i + 1}`;
    if (typeof deployment.name === "string" && random.chance(0.5)) deployment.name = `${deployment.name} ${place}`;
    deployment.authorities = (deployment.authorities as Json[]).map((authority) => ({
      ...authority,
      name: withPlace(authority.name, place),
    }));
    deployment.summary = withPlace(deployment.summary, `(${place})`);
    // The product is an id, its long form { value: id, sources, confidence }, or absent (no source names it).
    if (typeof deployment.product === "string") deployment.product = someVariantOf(deployment.product);
    else if (deployment.product !== undefined) {
      const link = deployment.product as Json;
      link.value = someVariantOf(link.value);
    }
    if (random.chance(0.3)) {
      const sectors = new Set(deployment.sectors as string[]);
      sectors.add(random.pick(vocabulary.sector.options));
      deployment.sectors = [...sectors];
    }
    shiftDates(deployment, Math.floor(random.next() * 4));
    for (const figure of (deployment.users as Json[] | undefined) ?? []) {
      figure.count = Math.max(1, Math.round((figure.count as number) * (0.2 + random.next() * 4)));
    }
    if (random.chance(0.25)) addDispute(deployment, random);
    if (random.chance(0.15)) addEnding(deployment, random, cloneIds);
    if (random.chance(0.3)) addUnlinkedSource(deployment, place, i + 1);
    const country = deployment.country as string | undefined;
    if (country) countryCounts.set(country, (countryCounts.get(country) ?? 0) + 1);
    add("deployments", id, deployment, plainCopy(original.data));
    cloneIds.push(id);
  }

  // Positions: the same rulings issued elsewhere, at other times, sometimes about a product variant.
  const positionTarget = Math.max(real.positions.length, Math.round(options.deployments * positionsPerDeployment));
  for (let i = 0; i < positionTarget - real.positions.length; i += 1) {
    const original = real.positions[i % real.positions.length]!;
    const place = newPlace();
    const position = plainCopy(original.data);
    position.title = withPlace(position.title, `(${place})`);
    const issuer = position.issuer as Json;
    if (issuer.country !== undefined && random.chance(0.5)) {
      issuer.country = random.pick(countries);
      if (issuer.region !== undefined)
        issuer.region = `${issuer.country}-${random.pick(regionsByCountry[issuer.country as string]!)}`;
    }
    for (const stance of (position.stances as Json[] | undefined) ?? []) {
      if (stance.product !== undefined) stance.product = someVariantOf(stance.product);
    }
    shiftDates(position, Math.floor(random.next() * 4));
    add("positions", `${original.id}-${i + 1}`, position, plainCopy(original.data));
  }

  let plainCopies = 0;
  const invalidFiles = () => {
    const { problems } = validateRegistry(options.outDir, options.outDir);
    return problems.filter((problem) => problem.severity === "error");
  };
  const refused = invalidFiles();
  if (refused.length > 0) {
    for (const key of new Set(refused.map((problem) => problem.file.replace(/\.yaml$/, "")))) {
      const clone = clones.get(key);
      if (!clone)
        throw new Error(`a real record is invalid; run npm run validate:\n${refused.map(formatProblem).join("\n")}`);
      writeFileSync(join(options.outDir, `${key}.yaml`), recordFile(clone.collection, clone.plain));
      plainCopies += 1;
    }
    const stillRefused = invalidFiles();
    if (stillRefused.length > 0) {
      throw new Error(`the synthetic registry is invalid:\n${stillRefused.slice(0, 20).map(formatProblem).join("\n")}`);
    }
  }

  const counts = Object.fromEntries(
    (Object.keys(collections) as CollectionName[]).map((collection) => [
      collection,
      real[collection].length + [...clones.values()].filter((clone) => clone.collection === collection).length,
    ]),
  ) as Record<CollectionName, number>;
  const byCount = <K>(counts: Map<K, number>) => [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    dataDir: options.outDir,
    counts,
    plainCopies,
    realDeploymentIds: real.deployments.map((record) => record.id),
    cloneDeploymentIds: [cloneIds[0], cloneIds[Math.floor(cloneIds.length / 2)], cloneIds.at(-1)].filter(
      (id): id is string => id !== undefined,
    ),
    largestCountry: byCount(countryCounts) ?? "DE",
    commonPlaceWord: byCount(placeWordCounts) ?? "",
  };
}
