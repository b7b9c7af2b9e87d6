import type { Schema } from "./schema.js";

/** What a visitor returns to have a walk copy a list, map or structure part by part. */
export const DESCEND = Symbol("descend");

/**
 * What one value becomes in a walk: the copy, or `DESCEND` to copy a list, map or structure
 * part by part (a value of another kind is then kept). `fits` is true when the value is set and,
 * for a list, map or structure, of that type, so that its parts can be walked.
 */
export type Visit = (value: unknown, schema: Schema, fits: boolean) => unknown;

/**
 * Copies `value` along `schema`: list items, map entries (whose keys stay own properties) and
 * the structure members the model knows, each as `visit` says. Unset (null or undefined)
 * entries and members are left out, and so are list items that come out undefined. The wire
 * codec and redaction are walks.
 */
export function walk(value: unknown, schema: Schema, visit: Visit): unknown {
  const { kind } = schema;
  const keyed = kind === "map" || kind === "structure";
  const fits =
    kind === "list" ? Array.isArray(value) : keyed ? isPlainObject(value) : value != null;
  const result = visit(value, schema, fits);
  if (result !== DESCEND) return result;
  if (kind === "list") {
    const items: unknown[] = [];
    for (const item of value as unknown[]) {
      const copy = walk(item, schema.member, visit);
      if (copy !== undefined) items.push(copy);
    }
    return items;
  }
  if (!keyed) return value;
  const source = value as Record<string, unknown>;
  let out: Record<string, unknown> = {};
  // Own properties only: an inherited `toString` (or a polluted prototype) is not a member.
  for (const name of Object.keys(kind === "map" ? source : schema.members)) {
    if (!Object.hasOwn(source, name)) continue;
    const copy = walk(source[name], kind === "map" ? schema.value : schema.members[name]!, visit);
    if (copy == null) continue;
    // A `__proto__` key must become an own property, never a change of prototype: a computed
    // key in a literal defines one. Plain assignment is much faster for every other key.
    if (name === "__proto__") out = { ...out, [name]: copy };
    else out[name] = copy;
  }
  return out;
}

/**
 * Converts a value to its JSON wire form, keeping only modelled members. Unset members
 * (undefined or null) are left out, dates become epoch seconds, and a value of the wrong type
 * (sent with `validateInput: false`) goes as it is.
 */
export function toWire(value: unknown, schema: Schema): unknown {
  return walk(value, schema, (item, itemSchema, fits) =>
    itemSchema.kind === "timestamp" && item instanceof Date
      ? item.getTime() / 1000
      : fits
        ? DESCEND
        : item,
  );
}

/**
 * Converts parsed JSON into the modelled shape: epoch seconds become dates, JSON `null` and
 * values of the wrong type become absent, and members the model does not know are dropped.
 */
export function fromWire(value: unknown, schema: Schema): unknown {
  return walk(value, schema, (item, itemSchema, fits) =>
    itemSchema.kind === "timestamp" ? parseTimestamp(item) : fits ? DESCEND : undefined,
  );
}

function parseTimestamp(value: unknown): Date | undefined {
  const seconds = typeof value === "string" ? Number(value) : value;
  // Round to whole milliseconds: 1700000000.123 * 1000 is not exactly 1700000000123.
  return Number.isFinite(seconds) ? new Date(Math.round((seconds as number) * 1000)) : undefined;
}

/** A value a map or structure schema can describe: an object, but no array or date. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}
