/**
 * Reading ninjs objects whatever their version: 1.x and 2.x spell fields in
 * lower case (`versioncreated`), 3.x in camel case (`versionCreated`), so
 * every lookup here ignores case. Values of the wrong JSON type read as absent.
 */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object with its keys lower-cased (first spelling wins). */
export function lowerKeys(object: JsonObject): JsonObject {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const lower = key.toLowerCase();
    if (!(lower in out)) out[lower] = value;
  }
  return out;
}

export function str(object: JsonObject, key: string): string | null {
  const value = object[key];
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function num(object: JsonObject, key: string): number | null {
  const value = object[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
  return null;
}

/** Objects of an array field, keys lower-cased. */
export function objects(object: JsonObject, key: string): JsonObject[] {
  const value = object[key];
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map(lowerKeys);
}

/** An array (2.x+) or a name→object map (1.x) of objects, each with its `name`. */
export function namedObjects(object: JsonObject, key: string): JsonObject[] {
  const value = object[key];
  if (Array.isArray(value)) return value.filter(isObject).map(lowerKeys);
  if (!isObject(value)) return [];
  return Object.entries(value)
    .filter((entry): entry is [string, JsonObject] => isObject(entry[1]))
    .map(([name, item]) => ({ name, ...lowerKeys(item) }));
}

export function strings(object: JsonObject, key: string): string[] {
  const value = object[key];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

export const looksLikeMarkup = (text: string): boolean => /<\/?[a-z][^>]*>/i.test(text);
