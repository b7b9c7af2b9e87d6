import type { Schema } from "./schema.js";

/**
 * Converts a value to its JSON wire form, keeping only modelled members. Unset members
 * (undefined or null) are left out, and dates become epoch seconds.
 */
export function toWire(value: unknown, schema: Schema): unknown {
  switch (schema.kind) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "timestamp":
      return value instanceof Date ? value.getTime() / 1000 : value;
    case "list": {
      if (!Array.isArray(value)) return value;
      return value.map((item) => toWire(item, schema.member));
    }
    case "map": {
      if (typeof value !== "object" || value === null) return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        if (item != null) setOwn(out, key, toWire(item, schema.value));
      }
      return out;
    }
    case "structure": {
      if (typeof value !== "object" || value === null) return value;
      const out: Record<string, unknown> = {};
      const source = value as Record<string, unknown>;
      for (const name in schema.members) {
        const item = source[name];
        if (item != null) out[name] = toWire(item, schema.members[name]!);
      }
      return out;
    }
  }
}

/**
 * Converts parsed JSON into the modelled shape: epoch seconds become dates, JSON `null`
 * becomes an absent member, and members the model does not know are dropped.
 */
export function fromWire(value: unknown, schema: Schema): unknown {
  if (value == null) return undefined;
  switch (schema.kind) {
    case "string":
    case "number":
    case "boolean":
      return value;
    case "timestamp":
      return parseTimestamp(value);
    case "list": {
      if (!Array.isArray(value)) return undefined;
      const out: unknown[] = [];
      for (const item of value) {
        const parsed = fromWire(item, schema.member);
        if (parsed !== undefined) out.push(parsed);
      }
      return out;
    }
    case "map": {
      if (typeof value !== "object" || Array.isArray(value)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const parsed = fromWire(item, schema.value);
        if (parsed !== undefined) setOwn(out, key, parsed);
      }
      return out;
    }
    case "structure": {
      if (typeof value !== "object" || Array.isArray(value)) return undefined;
      const out: Record<string, unknown> = {};
      const source = value as Record<string, unknown>;
      for (const name in schema.members) {
        if (!Object.hasOwn(source, name)) continue;
        const parsed = fromWire(source[name], schema.members[name]!);
        if (parsed !== undefined) out[name] = parsed;
      }
      return out;
    }
  }
}

function parseTimestamp(value: unknown): Date | undefined {
  const seconds = typeof value === "string" ? Number(value) : value;
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return undefined;
  // Round to whole milliseconds: 1700000000.123 * 1000 is not exactly 1700000000123.
  return new Date(Math.round(seconds * 1000));
}

/**
 * Map keys come from users and servers; a key such as `__proto__` must become an own
 * property, never a change of prototype.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
