/** Looks up which field names a zod schema allows at a path, for "did you mean" hints. */
import type { z } from "zod";

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  schema?: z.ZodType;
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The object schemas reachable from `schema` without consuming a path segment. */
function objectsWithin(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return [schema];
    case "optional":
    case "default":
    case "nullable":
    case "readonly":
      return objectsWithin(def.innerType!);
    case "pipe":
      return objectsWithin(def.in!);
    case "union":
      return def.options!.flatMap(objectsWithin);
    default:
      return [];
  }
}

function childSchemas(schema: z.ZodType, segment: PropertyKey): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return typeof segment === "string" && def.shape![segment] ? [def.shape![segment]] : [];
    case "array":
      return typeof segment === "number" ? [def.element!] : [];
    case "optional":
    case "default":
    case "nullable":
    case "readonly":
      return childSchemas(def.innerType!, segment);
    case "pipe":
      return childSchemas(def.in!, segment);
    case "union":
      return def.options!.flatMap((option) => childSchemas(option, segment));
    default:
      return [];
  }
}

/** Field names allowed by the object(s) at `path` in `schema`. */
export function knownFieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current = [schema];
  for (const segment of path) current = current.flatMap((s) => childSchemas(s, segment));
  return [...new Set(current.flatMap(objectsWithin).flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
}
