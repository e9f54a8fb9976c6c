/**
 * The record editor's script. It draws a form from the collection's JSON Schema (generated from the
 * zod schemas, so a field added there appears here), reads the form back into a record, writes it as
 * YAML in the house style and runs the repository's validator on that text while the person types,
 * showing each message on the field it concerns. The draft is kept in local storage; nothing is sent.
 * Every text from a record goes into the page as text (textContent, attribute values), never as markup.
 */
// First of all: the schemas below must be made without zod's eval-based speed-up (see the module).
import "../../../../lib/editor/zod-without-eval.ts";
import type { RepositoryConfig } from "../../../../config.ts";
import type { Dictionary, Lang } from "../../../../i18n/index.ts";
import type { CollectionName } from "../../../../schema/index.ts";
import { recordId } from "../../../../schema/common.ts";
import { recordJsonSchema } from "../../../../lib/outputs/json-schema.ts";
import { fieldName, formatProblem, type Problem } from "../../../../lib/validation/problems.ts";
import { validateRecordFile, type KnownRecord } from "../../../../lib/validation/validate-file.ts";
import { parseYamlWithPositions } from "../../../../lib/validation/yaml-source.ts";
import { recordYaml } from "../../../../lib/editor/record-yaml.ts";
import {
  editedFilePath,
  fileIssueUrl,
  fileMailUrl,
  pullRequestLink,
  type EditedFile,
  type FileIssueTexts,
} from "../../../../lib/editor/forge-links.ts";

/** What the page hands the script: texts, labels, the repository and where the registry's records are. */
export type EditorPageSetup = {
  lang: Lang;
  texts: Dictionary["editor"];
  vocabularyLabels: Record<string, Record<string, string>>;
  countries: { id: string; name: string }[];
  repository: RepositoryConfig;
  /** Folder of the published record files, ending in `/`: `<folder><collection>/<id>.yaml`. */
  recordFileUrl: string;
  /** The file with the registry's records (`EditorRegistry`), which grows with the registry and so is not in the page. */
  registryUrl: string;
};

/** The registry as the editor needs it, in a file of its own (registry.json beside the page). */
export type EditorRegistry = {
  /** Each collection's records by id and name, for the reference pickers. */
  records: Record<CollectionName, { id: string; name: string }[]>;
  /** What the registry rules check a new record against: ids, aliases, references. */
  known: KnownRecord[];
};

export type EditorSetup = EditorPageSetup & EditorRegistry;

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  description?: string;
  maxLength?: number;
  minItems?: number;
};

/** Where the validator's messages for one field are shown. */
type Spot = { show(messages: string[]): void };
type Spots = Map<string, Spot>;

/** One part of the form: its element, and how it reads back (undefined: the field is left out). */
type Field = { element: HTMLElement; read(path: PropertyKey[], spots: Spots): unknown };

/** A field's key, label and whether it is required; `named` is the key whose record a claim's value names. */
type Context = { key: string; label: string; required: boolean; named?: string };

const collectionNames: CollectionName[] = ["deployments", "products", "positions"];
const referenceTargets: Record<string, CollectionName> = {
  product: "products",
  basedOn: "products",
  supersededBy: "deployments",
};
const fileRules = new Set(["file-name", "file-extension", "id-unique"]);
const forgeNames: Record<RepositoryConfig["forge"], string> = {
  github: "GitHub",
  gitlab: "GitLab",
  forgejo: "Forgejo",
  none: "",
};
const draftPrefix = "record-editor-draft:";

let counter = 0;
const nextId = () => `re-${++counter}`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** The editor for one record: its form, the file it writes, the problems, the ways out. */
class RecordEditor {
  readonly texts: Dictionary["editor"];
  private sourcePickers = new Set<() => void>();
  sourceIds: string[] = [];

  constructor(readonly setup: EditorSetup) {
    this.texts = setup.texts;
  }

  label(key: string): string {
    return this.texts.fieldLabels[key] ?? key;
  }

  /** A field's help: the dictionary's, else the schema's description (in English, marked so). */
  help(key: string, schema: JsonSchema): HTMLElement | undefined {
    const own = this.texts.help[key];
    const text = own ?? schema.description;
    if (!text) return undefined;
    const help = element("p", { class: "field-help", id: nextId() }, text);
    if (!own && this.setup.lang !== "en") help.lang = "en";
    return help;
  }

  vocabularyLabel(values: unknown[]): Record<string, string> | undefined {
    return Object.values(this.setup.vocabularyLabels).find(
      (labels) => Object.keys(labels).length === values.length && values.every((value) => String(value) in labels),
    );
  }

  /** Forgets the source pickers of a form that was drawn anew. */
  forgetSourcePickers(): void {
    this.sourcePickers.clear();
    this.sourceIds = [];
  }

  onSourcesChanged(refresh: () => void): void {
    this.sourcePickers.add(refresh);
  }

  /** After reading the form: when the record's source ids changed, every source picker shows the new ones. */
  updateSourceIds(data: Record<string, unknown>): void {
    const ids = (Array.isArray(data.sources) ? data.sources : [])
      .map((source) => (isObject(source) && typeof source.id === "string" ? source.id : ""))
      .filter(Boolean);
    if (ids.join("\n") === this.sourceIds.join("\n")) return;
    this.sourceIds = ids;
    for (const refresh of this.sourcePickers) refresh();
  }

  build(schema: JsonSchema, value: unknown, context: Context): Field {
    const field = this.buildField(schema, value, context);
    field.element.dataset.key = context.key;
    return field;
  }

  private buildField(schema: JsonSchema, value: unknown, context: Context): Field {
    const claim = schema.anyOf?.find((option) => option.properties?.value && option.properties?.confidence);
    if (claim) return this.claimField(claim, value, context);
    if (isLocalized(schema)) return this.localizedField(schema, value, context);
    if (schema.type === "object") return this.objectField(schema, value, context, false);
    if (schema.type === "array") {
      const items = schema.items ?? {};
      if (items.enum) return this.choicesField(schema, items.enum, value, context);
      if (context.key === "sources" && items.type === "string") return this.sourcePicker(value, context);
      return this.listField(schema, items, value, context);
    }
    return this.scalarField(schema, value, context);
  }

  /** A group of fields with a legend, its help and the place for its messages. */
  group(context: Context, schema: JsonSchema, className: string) {
    const fieldset = element("fieldset", { class: className });
    fieldset.append(element("legend", {}, context.label));
    const help = this.help(context.key, schema);
    if (help) fieldset.append(help);
    const message = element("p", { class: "field-problem" });
    fieldset.append(message);
    const spot: Spot = {
      show(messages) {
        message.textContent = messages.join("\n");
      },
    };
    return { fieldset, spot };
  }

  scalarField(schema: JsonSchema, value: unknown, context: Context): Field {
    const wrapper = element("div", { class: "field" });
    const id = nextId();
    wrapper.append(element("label", { for: id }, context.label));
    const help = this.help(context.key, schema);
    if (help) wrapper.append(help);
    let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (schema.enum) {
      const select = element("select", { id });
      select.append(element("option", { value: "" }, this.texts.none));
      const labels = this.vocabularyLabel(schema.enum);
      for (const option of schema.enum) {
        const name = String(option);
        const label = labels?.[name];
        select.append(element("option", { value: name }, label && label !== name ? `${label} (${name})` : name));
      }
      control = select;
    } else if ((schema.maxLength ?? 0) >= 1000) {
      control = element("textarea", { id, rows: "3" });
    } else {
      const input = element("input", {
        id,
        type: schema.type === "integer" || schema.type === "number" ? "number" : "text",
      });
      const target = referenceTargets[context.named ?? context.key];
      if (target) input.setAttribute("list", `re-list-${target}`);
      else if (/country$/i.test(context.key)) input.setAttribute("list", "re-list-countries");
      if (input.type === "number") input.min = "0";
      control = input;
    }
    if (value !== undefined && value !== null) control.value = String(value);
    if (control instanceof HTMLSelectElement && value !== undefined && control.value !== String(value)) {
      // A value the vocabulary lacks stays as it is, so the validator can say what is wrong with it.
      control.append(element("option", { value: String(value) }, String(value)));
      control.value = String(value);
    }
    const message = element("p", { class: "field-problem", id: nextId() });
    wrapper.append(control, message);
    const describedBy = help ? help.id : "";
    if (describedBy) control.setAttribute("aria-describedby", describedBy);
    const spot: Spot = {
      show(messages) {
        message.textContent = messages.join("\n");
        if (messages.length > 0) {
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("aria-describedby", `${describedBy} ${message.id}`.trim());
        } else {
          control.removeAttribute("aria-invalid");
          if (describedBy) control.setAttribute("aria-describedby", describedBy);
          else control.removeAttribute("aria-describedby");
        }
      },
    };
    const numeric = schema.type === "integer" || schema.type === "number";
    return {
      element: wrapper,
      read(path, spots) {
        spots.set(fieldName(path), spot);
        if (control.value === "") return undefined;
        return numeric ? Number(control.value) : control.value;
      },
    };
  }

  localizedField(schema: JsonSchema, value: unknown, context: Context): Field {
    const { fieldset, spot } = this.group(context, schema, "field-group localized");
    const texts = schema.anyOf!.find((option) => option.type === "object")!;
    const plain = typeof value === "string";
    const byLang = plain ? { de: value } : isObject(value) ? value : {};
    const parts = (["de", "en"] as const).map((lang) => {
      const field = this.scalarField(texts.properties![lang] ?? {}, byLang[lang], {
        key: lang,
        label: lang === "de" ? this.texts.german : this.texts.english,
        required: false,
      });
      field.element.querySelector("input, textarea")!.setAttribute("lang", lang);
      fieldset.append(field.element);
      return { lang, field };
    });
    return {
      element: fieldset,
      read(path, spots) {
        spots.set(fieldName(path), spot);
        const values: Record<string, unknown> = {};
        for (const { lang, field } of parts) {
          const text = field.read([...path, lang], spots);
          if (text !== undefined) values[lang] = text;
        }
        if (Object.keys(values).length === 0) return undefined;
        // A text given as one plain string (German) stays one while no English is added.
        if (plain && values.en === undefined) return values.de;
        return values;
      },
    };
  }

  objectField(schema: JsonSchema, value: unknown, context: Context, topLevel: boolean, claimOf?: string): Field {
    const { fieldset, spot } = topLevel
      ? { fieldset: element("div", { class: "record-fields" }), spot: undefined }
      : this.group(context, schema, "field-group");
    const current = isObject(value) ? value : {};
    const required = new Set(schema.required ?? []);
    const fields = Object.entries(schema.properties ?? {}).map(([key, property]) => {
      const named = claimOf !== undefined && key === "value" ? claimOf : undefined;
      const field = this.build(property, current[key], {
        key,
        label: this.label(key),
        required: required.has(key),
        named,
      });
      fieldset.append(field.element);
      return { key, field };
    });
    // Fields the schema does not know are kept as they were, so that the validator can name them.
    const extra = Object.entries(current).filter(([key]) => !(key in (schema.properties ?? {})));
    return {
      element: fieldset,
      read(path, spots) {
        if (spot) spots.set(fieldName(path), spot);
        const result: Record<string, unknown> = {};
        for (const { key, field } of fields) {
          const item = field.read([...path, key], spots);
          if (item !== undefined) result[key] = item;
        }
        for (const [key, item] of extra) result[key] = item;
        return Object.keys(result).length === 0 && !context.required && !topLevel ? undefined : result;
      },
    };
  }

  choicesField(schema: JsonSchema, values: unknown[], value: unknown, context: Context): Field {
    const { fieldset, spot } = this.group(context, schema, "field-group choices");
    const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
    const labels = this.vocabularyLabel(values);
    const boxes = values.map((option) => {
      const name = String(option);
      const label = element("label");
      const box = element("input", { type: "checkbox", value: name });
      box.checked = chosen.has(name);
      label.append(box, ` ${labels?.[name] ?? name}`);
      fieldset.append(label);
      return box;
    });
    const wasEmptyList = Array.isArray(value) && value.length === 0;
    return {
      element: fieldset,
      read(path, spots) {
        spots.set(fieldName(path), spot);
        const list = boxes.filter((box) => box.checked).map((box) => box.value);
        // The record's own order where it had one, so an unchanged list stays unchanged.
        const before = Array.isArray(value) ? value.map(String) : [];
        list.sort((a, b) => rank(before, a) - rank(before, b));
        return list.length === 0 && !wasEmptyList ? undefined : list;
      },
    };
  }

  /** Ticks over the record's own sources; ids ticked before a source was renamed stay, so the validator can say so. */
  sourcePicker(value: unknown, context: Context): Field {
    const { fieldset, spot } = this.group(context, {}, "field-group choices sources-picker");
    const chosen: string[] = Array.isArray(value) ? value.map(String) : [];
    const boxes = element("div", { class: "choices-list" });
    fieldset.append(boxes);
    const refresh = () => {
      boxes.replaceChildren();
      const ids = [...this.sourceIds, ...chosen.filter((id) => !this.sourceIds.includes(id))];
      if (ids.length === 0) boxes.append(element("p", { class: "field-help" }, this.texts.claimSourcesNone));
      for (const id of ids) {
        const label = element("label");
        const box = element("input", { type: "checkbox", value: id });
        box.checked = chosen.includes(id);
        box.addEventListener("change", () => {
          const at = chosen.indexOf(id);
          if (box.checked && at < 0) chosen.push(id);
          if (!box.checked && at >= 0) chosen.splice(at, 1);
        });
        label.append(box, ` ${id}`);
        boxes.append(label);
      }
    };
    this.onSourcesChanged(refresh);
    refresh();
    const wasEmptyList = Array.isArray(value) && value.length === 0;
    return {
      element: fieldset,
      read(path, spots) {
        spots.set(fieldName(path), spot);
        return chosen.length === 0 && !wasEmptyList ? undefined : [...chosen];
      },
    };
  }

  listField(schema: JsonSchema, items: JsonSchema, value: unknown, context: Context): Field {
    const { fieldset, spot } = this.group(context, schema, "field-group list");
    const list = element("div", { class: "list-items" });
    const addButton = element("button", { type: "button" }, fill(this.texts.add, { name: context.label }));
    fieldset.append(list, addButton);
    const entries: { field: Field; box: HTMLElement }[] = [];
    const entryName = (i: number) => fill(this.texts.entryNumber, { name: context.label, n: i + 1 });
    // Each entry is named with its number ("Status 2"), in its legend or label and on its remove button.
    const renumber = () =>
      entries.forEach(({ box }, i) => {
        const name = entryName(i);
        box.querySelector(":scope > * > legend, :scope > * > label")!.textContent = name;
        box.querySelector(":scope > .list-item-remove")!.textContent = fill(this.texts.remove, { name });
      });
    const add = (item: unknown) => {
      const box = element("div", { class: "list-item" });
      const field = this.build(items, item, { key: context.key, label: entryName(entries.length), required: true });
      const remove = element("button", { type: "button", class: "list-item-remove" });
      remove.addEventListener("click", () => {
        entries.splice(
          entries.findIndex((entry) => entry.box === box),
          1,
        );
        box.remove();
        renumber();
        addButton.focus();
        fieldset.dispatchEvent(new Event("input", { bubbles: true }));
      });
      box.append(field.element, remove);
      list.append(box);
      entries.push({ field, box });
      renumber();
      return box;
    };
    const initial = Array.isArray(value) ? value : [];
    for (const item of initial) add(item);
    if (value === undefined && context.required) for (let i = 0; i < (schema.minItems ?? 0); i++) add(undefined);
    addButton.addEventListener("click", () => {
      const box = add(undefined);
      box.querySelector<HTMLElement>("input, select, textarea")?.focus();
      fieldset.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const wasEmptyList = Array.isArray(value) && value.length === 0;
    return {
      element: fieldset,
      read(path, spots) {
        spots.set(fieldName(path), spot);
        const values = entries.flatMap(({ field }, i) => {
          const item = field.read([...path, i], spots);
          return item === undefined ? [] : [item];
        });
        return values.length === 0 && !wasEmptyList ? undefined : values;
      },
    };
  }

  /** A key fact: one value with its sources and confidence, or several where sources disagree; the bare value when nothing is sourced. */
  claimField(sourced: JsonSchema, value: unknown, context: Context): Field {
    const { fieldset, spot } = this.group(context, {}, "field-group claim");
    fieldset.append(element("p", { class: "field-help" }, this.texts.claimHelp));
    const wasList = Array.isArray(value);
    const initial = wasList ? value : value === undefined ? [undefined] : [isObject(value) ? value : { value }];
    const entrySchema: JsonSchema = { ...sourced, required: [] };
    const list = element("div", { class: "list-items" });
    const addButton = element("button", { type: "button" }, this.texts.addDisagreeing);
    fieldset.append(list, addButton);
    const entries: { field: Field; box: HTMLElement }[] = [];
    const add = (item: unknown) => {
      const box = element("div", { class: "list-item" });
      const name = fill(this.texts.entryNumber, { name: this.texts.claimValue, n: entries.length + 1 });
      const field = this.objectField(
        entrySchema,
        item,
        { key: context.key, label: name, required: false },
        false,
        context.key,
      );
      box.append(field.element);
      if (entries.length > 0) {
        const remove = element("button", { type: "button" }, fill(this.texts.remove, { name }));
        remove.addEventListener("click", () => {
          entries.splice(
            entries.findIndex((entry) => entry.box === box),
            1,
          );
          box.remove();
          addButton.focus();
          fieldset.dispatchEvent(new Event("input", { bubbles: true }));
        });
        box.append(remove);
      }
      list.append(box);
      entries.push({ field, box });
      return box;
    };
    for (const item of initial) add(item);
    addButton.addEventListener("click", () => {
      add(undefined).querySelector<HTMLElement>("select, input")?.focus();
      fieldset.dispatchEvent(new Event("input", { bubbles: true }));
    });
    return {
      element: fieldset,
      read(path, spots) {
        const many = entries.length > 1 || wasList;
        const values = entries.flatMap(({ field }, i) => {
          const item = field.read(many ? [...path, i] : path, spots) as Record<string, unknown> | undefined;
          return item === undefined ? [] : [item];
        });
        spots.set(fieldName(path), spot);
        if (values.length === 0) return undefined;
        const [only] = values;
        const bare =
          !many &&
          Object.keys(only!).every((key) => key === "value" || key === "confidence") &&
          (only!.confidence === undefined || (only!.confidence === "unattributed" && !isObject(value)));
        if (bare) return only!.value;
        // In the schema's order of fields, with the list of sources the long form requires.
        const order = Object.keys(sourced.properties ?? {});
        const complete = values.map((item) => {
          const full: Record<string, unknown> = { ...item, sources: item.sources ?? [] };
          const known = order.filter((key) => key in full).map((key) => [key, full[key]]);
          const extra = Object.entries(full).filter(([key]) => !order.includes(key));
          return Object.fromEntries([...known, ...extra]);
        });
        return many ? complete : complete[0];
      },
    };
  }
}

function appendItem(list: HTMLElement, content: HTMLElement): void {
  const item = element("li");
  item.append(content);
  list.append(item);
}

function rank(order: string[], value: string): number {
  const at = order.indexOf(value);
  return at < 0 ? order.length : at;
}

function isLocalized(schema: JsonSchema): boolean {
  return (
    schema.anyOf?.length === 2 &&
    schema.anyOf.some((option) => option.type === "string") &&
    schema.anyOf.some((option) => option.type === "object" && option.properties?.de !== undefined)
  );
}

/** Which record the page was asked to open (`?record=deployments/<id>`), if a valid one. */
function requestedRecord(): { collection: CollectionName; id: string } | undefined {
  const asked = new URLSearchParams(location.search).get("record");
  if (!asked) return undefined;
  const [collection, id, ...rest] = asked.split("/");
  if (rest.length > 0 || !collectionNames.includes(collection as CollectionName)) return undefined;
  if (!recordId.safeParse(id).success) return undefined;
  return { collection: collection as CollectionName, id: id! };
}

type Draft = { collection: CollectionName; id: string; data: Record<string, unknown> };

function readDraft(key: string): Draft | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(draftPrefix + key) ?? "null") as Draft | null;
    if (stored && collectionNames.includes(stored.collection) && isObject(stored.data)) return stored;
  } catch {
    // An unreadable draft is as good as none.
  }
  return undefined;
}

function writeDraft(key: string, draft: Draft): void {
  try {
    localStorage.setItem(draftPrefix + key, JSON.stringify(draft));
  } catch {
    // Storage full or switched off: the form still works, only without a draft.
  }
}

/** Draws the editor into #record-editor. */
export async function startRecordEditor(): Promise<void> {
  const root = document.getElementById("record-editor");
  if (!root) return;
  const page = JSON.parse(root.dataset.setup ?? "{}") as EditorPageSetup;
  let registry: EditorRegistry;
  try {
    const response = await fetch(page.registryUrl);
    if (!response.ok) throw new Error(String(response.status));
    registry = (await response.json()) as EditorRegistry;
  } catch {
    // Without the other records, references could not be checked: the form says so and stays closed.
    root.replaceChildren(element("p", { class: "editor-status", role: "alert" }, page.texts.registryLoadFailed));
    root.hidden = false;
    return;
  }
  const setup: EditorSetup = { ...page, ...registry };
  const texts = setup.texts;
  const editor = new RecordEditor(setup);
  const opened = requestedRecord();
  const draftKey = opened ? `${opened.collection}/${opened.id}` : "new";
  const draft = readDraft(draftKey);
  let original: string | undefined;
  let collection: CollectionName = opened?.collection ?? draft?.collection ?? "deployments";
  let data: Record<string, unknown> = draft?.data ?? {};
  const status = element("p", { class: "editor-status" });
  if (opened) {
    const path = editedFilePath(opened);
    try {
      const response = await fetch(`${setup.recordFileUrl}${opened.collection}/${opened.id}.yaml`);
      if (!response.ok) throw new Error(String(response.status));
      original = await response.text();
      if (!draft) data = parseYamlWithPositions(original).data ?? {};
      status.textContent = fill(texts.opened, { file: path });
    } catch {
      status.textContent = fill(texts.openFailed, { file: path });
    }
  }

  for (const target of collectionNames) {
    const list = element("datalist", { id: `re-list-${target}` });
    for (const record of setup.records[target]) list.append(element("option", { value: record.id }, record.name));
    root.append(list);
  }
  const countries = element("datalist", { id: "re-list-countries" });
  for (const country of setup.countries) countries.append(element("option", { value: country.id }, country.name));
  root.append(countries);

  // Start: what is written, under which file name.
  const start = element("fieldset", { class: "editor-start" });
  start.append(element("legend", {}, texts.start), status);
  if (draft) {
    const notice = element("p", {}, texts.draftRestored);
    const discard = element("button", { type: "button" }, texts.discardDraft);
    discard.addEventListener("click", () => {
      localStorage.removeItem(draftPrefix + draftKey);
      location.reload();
    });
    notice.append(" ", discard);
    start.append(notice);
  }
  const kindId = nextId();
  const kind = element("select", { id: kindId });
  for (const name of collectionNames) kind.append(element("option", { value: name }, texts.collections[name]));
  kind.value = collection;
  kind.disabled = opened !== undefined;
  const idInput = element("input", { type: "text", id: nextId(), autocomplete: "off", spellcheck: "false" });
  idInput.value = opened?.id ?? draft?.id ?? "";
  idInput.readOnly = opened !== undefined;
  const idHelp = element("p", { class: "field-help", id: nextId() }, opened ? texts.idFixed : texts.idHelp);
  const idProblem = element("p", { class: "field-problem", id: nextId() });
  idInput.setAttribute("aria-describedby", idHelp.id);
  const kindField = element("div", { class: "field" });
  kindField.append(element("label", { for: kindId }, texts.collection), kind);
  const idField = element("div", { class: "field" });
  idField.append(element("label", { for: idInput.id }, texts.id), idHelp, idInput, idProblem);
  start.append(kindField, idField);
  if (opened || draft) {
    const fresh = element("p");
    fresh.append(element("a", { href: location.pathname }, texts.newRecord));
    start.append(fresh);
  }
  const idSpot: Spot = {
    show(messages) {
      idProblem.textContent = messages.join("\n");
      if (messages.length > 0) {
        idInput.setAttribute("aria-invalid", "true");
        idInput.setAttribute("aria-describedby", `${idHelp.id} ${idProblem.id}`);
      } else {
        idInput.removeAttribute("aria-invalid");
        idInput.setAttribute("aria-describedby", idHelp.id);
      }
    },
  };

  const form = element("form", { class: "editor-form", novalidate: "" });
  form.addEventListener("submit", (event) => event.preventDefault());

  // The check: every problem as `npm run validate` prints it.
  const check = element("section", { class: "editor-check", "aria-labelledby": "editor-check-title" });
  const count = element("p", { "aria-live": "polite" });
  const problemList = element("ul", { class: "problem-list" });
  check.append(element("h2", { id: "editor-check-title" }, texts.problemsTitle), count, problemList);

  // The file and the ways out.
  const result = element("section", { class: "editor-result", "aria-labelledby": "editor-result-title" });
  const preview = element("pre", { class: "editor-preview", tabindex: "0" });
  const code = element("code");
  preview.append(code);
  const ways = element("ul", { class: "editor-ways" });
  const warning = element("p", { class: "editor-warning" });
  const copyStatus = element("p", { "aria-live": "polite" });
  result.append(
    element("h2", { id: "editor-result-title" }, texts.resultTitle),
    element("p", {}, texts.resultHelp),
    warning,
    ways,
    copyStatus,
    preview,
  );
  root.append(start, form, check, result);
  root.hidden = false;

  let fields: Field;
  // An opened record is replaced by the file, so the validator does not count it as another record.
  const others = setup.known.filter(
    (record) => !opened || record.collection !== opened.collection || record.id !== opened.id,
  );
  // A draft is kept once the person changed something, not for a record merely opened.
  let changed = false;
  let yamlText = "";
  const issueTexts: FileIssueTexts = {
    title: (path, exists) => fill(exists ? texts.issueTitleChanged : texts.issueTitleNew, { path }),
    intro: (path) => fill(texts.issueIntro, { path }),
    pasteHere: texts.issuePasteHere,
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(yamlText);
      copyStatus.textContent = texts.copied;
      return true;
    } catch {
      copyStatus.textContent = texts.copyFailed;
      return false;
    }
  };
  let downloadUrl: string | undefined;

  const renderWays = (file: EditedFile) => {
    ways.replaceChildren();
    const forge = forgeNames[setup.repository.forge];
    const link = (text: string, href: string, options: { copyFirst?: boolean; way: string }) => {
      const anchor = element("a", { href, "data-way": options.way, rel: "nofollow noopener" }, text);
      if (options.copyFirst) {
        anchor.addEventListener("click", (event) => {
          event.preventDefault();
          void copy().then(() => location.assign(href));
        });
      }
      appendItem(ways, anchor);
    };
    const pull = pullRequestLink(file, issueTexts, setup.repository);
    if (pull?.kind === "new-file") link(fill(texts.pullRequest, { forge }), pull.url, { way: "pull-request" });
    if (pull?.kind === "edit-file") {
      link(fill(texts.pullRequestEdit, { forge }), pull.url, { way: "pull-request", copyFirst: true });
    }
    const issue = fileIssueUrl(file, issueTexts, setup.repository);
    if (issue) {
      link(fill(issue.withContent ? texts.issue : texts.issueNoContent, { forge }), issue.url, {
        way: "issue",
        copyFirst: !issue.withContent,
      });
    }
    const copyButton = element("button", { type: "button", "data-way": "copy" }, texts.copy);
    copyButton.addEventListener("click", () => void copy());
    appendItem(ways, copyButton);
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([file.text], { type: "text/yaml;charset=utf-8" }));
    const download = element(
      "a",
      { href: downloadUrl, download: `${file.id || "record"}.yaml`, "data-way": "download" },
      texts.download,
    );
    appendItem(ways, download);
    link(texts.mail, fileMailUrl(file, issueTexts, setup.repository), { way: "mail" });
  };

  const update = () => {
    const spots: Spots = new Map();
    data = fields.read([], spots) as Record<string, unknown>;
    editor.updateSourceIds(data);
    const id = idInput.value.trim();
    yamlText = recordYaml(collection, data, original);
    const problems = validateRecordFile({ collection, name: `${id}.yaml`, text: yamlText, known: others });
    // A new, untouched form is not wrong yet: its fields show messages once the person starts typing.
    showProblems(changed || original !== undefined ? problems : [], spots, idSpot);
    count.textContent =
      problems.length === 0
        ? texts.noProblems
        : problems.length === 1
          ? texts.problemOne
          : fill(texts.problemCount, { n: problems.length });
    problemList.replaceChildren(...problems.map((problem) => element("li", {}, formatProblem(problem))));
    warning.textContent = problems.some((problem) => problem.severity === "error") ? texts.stillProblems : "";
    code.textContent = yamlText;
    renderWays({ collection, id, text: yamlText, exists: original !== undefined });
    if (changed) writeDraft(draftKey, { collection, id, data });
  };

  const schemaOf = (name: CollectionName) => recordJsonSchema(name) as JsonSchema;
  const drawForm = () => {
    editor.forgetSourcePickers();
    fields = editor.objectField(schemaOf(collection), data, { key: "", label: "", required: true }, true);
    form.replaceChildren(fields.element);
    // The source pickers need the record's source ids before the first reading.
    editor.updateSourceIds(data);
  };
  drawForm();
  update();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    changed = true;
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  };
  root.addEventListener("input", (event) => {
    if (event.target !== kind) later();
  });
  root.addEventListener("change", (event) => {
    if (event.target === kind) {
      collection = kind.value as CollectionName;
      data = {};
      changed = true;
      drawForm();
      update();
    } else later();
  });
}

/** Each problem on the field it concerns: the nearest field the form has for its path, else the file name. */
function showProblems(problems: Problem[], spots: Spots, idSpot: Spot): void {
  const messages = new Map<Spot, string[]>();
  const put = (spot: Spot, message: string) => messages.set(spot, [...(messages.get(spot) ?? []), message]);
  for (const problem of problems) {
    const text = problem.severity === "warning" ? `⚠ ${problem.message}` : problem.message;
    if (problem.field === "" && fileRules.has(problem.rule)) {
      put(idSpot, text);
      continue;
    }
    let field = problem.field;
    while (field !== "" && !spots.has(field)) field = field.replace(/(\.[^.[]+|\[[^\]]*\])$/, "");
    const spot = spots.get(field);
    if (spot) put(spot, field === problem.field ? text : `${problem.field}: ${text}`);
  }
  for (const spot of new Set([...spots.values(), idSpot])) spot.show(messages.get(spot) ?? []);
}
