/**
 * The API page's field reference, read from the published JSON Schemas themselves, so the page
 * can never describe a field the files do not have (or miss one they do).
 */

/** A JSON Schema node, as z.toJSONSchema writes them. */
type SchemaNode = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  description?: string;
  format?: string;
  pattern?: string;
};

/** One field of an API file: its path (`record.authorities[].name`), kind of value and description. */
export type ApiField = { path: string; type: string; values?: string[]; required: boolean; description?: string };

const alternatives = (node: SchemaNode) => node.anyOf ?? node.oneOf;
const isLocalizedText = (node: SchemaNode) =>
  node.properties !== undefined && Object.keys(node.properties).every((key) => key === "de" || key === "en");

/** What kind of value a node holds, in a few words. */
function kindOf(node: SchemaNode): string {
  const options = alternatives(node);
  if (options) return [...new Set(options.map(kindOf))].join(" | ");
  if (node.enum) return "enum";
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.type === "array") return `array of ${node.items ? kindOf(node.items) : "any"}`;
  if (node.type === "object") return isLocalizedText(node) ? "{de, en}" : "object";
  if (node.type === "string" && node.format) return `string (${node.format})`;
  return Array.isArray(node.type) ? node.type.join(" | ") : (node.type ?? "any");
}

/** The enum values a node (or any alternative or list item of it) allows. */
function valuesOf(node: SchemaNode): string[] {
  const options = alternatives(node);
  if (options) return [...new Set(options.flatMap(valuesOf))];
  if (node.enum) return node.enum.map(String);
  return node.type === "array" && node.items ? valuesOf(node.items) : [];
}

/** The object nodes whose properties are the children of a node: itself, its list items, its alternatives. */
function objectsIn(node: SchemaNode): SchemaNode[] {
  if (node.properties && !isLocalizedText(node)) return [node];
  if (node.type === "array" && node.items) return objectsIn(node.items);
  return (alternatives(node) ?? []).flatMap(objectsIn);
}

/** Every field of a schema, depth first, with the path a program uses to reach it. */
export function apiFields(schema: SchemaNode, prefix = ""): ApiField[] {
  const fields: ApiField[] = [];
  const seen = new Set<string>();
  for (const object of objectsIn(schema)) {
    for (const [name, child] of Object.entries(object.properties ?? {})) {
      if (seen.has(name)) continue;
      seen.add(name);
      const listed = child.type === "array" || (alternatives(child) ?? []).some((option) => option.type === "array");
      const path = `${prefix}${name}`;
      const values = valuesOf(child);
      fields.push({
        path,
        type: kindOf(child),
        ...(values.length > 0 ? { values } : {}),
        required: object.required?.includes(name) ?? false,
        description: child.description,
      });
      fields.push(...apiFields(child, `${path}${listed ? "[]" : ""}.`));
    }
  }
  return fields;
}
