import { isPlainObject } from "./json-codec.js";
import type { Bounds, Schema, StringSchema, StructureSchema } from "./schema.js";

/** One way an input breaks the model's rules. */
export interface Violation {
  /** Where, in the notation of the input, such as `Roles["authenticated"]` or `Rules[3].Claim`. */
  readonly path: string;
  /** The rule: `required`, `type`, `length`, `range` or `pattern` (`key.length`, `key.pattern` for map keys). */
  readonly rule: string;
  /** What the model allows, such as `1..64` or `^\d+$`. */
  readonly expected: string;
  /** What the input has; never the value of a sensitive member. */
  readonly actual: string;
}

/**
 * The input of a call breaks the model's rules. Every violation is listed, and nothing was
 * sent.
 */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  readonly $fault = "client";
  declare readonly violations: readonly Violation[];

  constructor(operation: string, violations: readonly Violation[]) {
    const count = violations.length;
    super(
      `Invalid input for ${operation} (${count} problem${count === 1 ? "" : "s"}):${violations
        .map((v) => `\n  ${describeViolation(v)}`)
        .join("")}`,
    );
    this.violations = violations;
  }
}

/** One violation as a line of text: `Rules[3].Claim: length 0, must be 1..64`. */
export function describeViolation({ path, rule, expected, actual }: Violation): string {
  return `${path}: ${
    rule === "required"
      ? rule
      : rule.endsWith("pattern")
        ? `${actual} does not match ${expected}`
        : // `type` needs no name: `number, must be a string`; `key.length` reads `key length 0, ...`.
          `${rule === "type" ? "" : `${rule.replace(".", " ")} `}${actual}, must be ${expected}`
  }`;
}

const SENSITIVE = "(sensitive value)";

/** Checks a value against its schema and returns every violation (none: an empty array). */
export function validate(schema: StructureSchema, input: unknown): Violation[] {
  const out: Violation[] = [];
  check(out, schema, input, "");
  return out;
}

// Plain functions that take `out`, not closures: a closure made per call or per value costs
// time on every call (validation runs on each one).

function report(out: Violation[], path: string, rule: string, expected: string, actual: string) {
  out.push({ path, rule, expected, actual });
}

/** Reports `size` (shown as `actual`) if it is outside `bounds`. */
function checkSize(
  out: Violation[],
  bounds: Bounds | undefined,
  size: number,
  rule: string,
  path: string,
  actual = `${size}`,
) {
  if (!bounds) return;
  const { min, max } = bounds;
  if (size < (min ?? size) || size > (max ?? size)) {
    const expected =
      max === undefined
        ? `at least ${min}`
        : min === undefined
          ? `at most ${max}`
          : `${min}..${max}`;
    report(out, path, rule, expected, actual);
  }
}

function checkString(
  out: Violation[],
  schema: StringSchema,
  value: string,
  path: string,
  prefix = "",
) {
  if (schema.length) {
    // Smithy counts string length in Unicode code points, not UTF-16 units.
    let count = 0;
    for (const _ of value) count++;
    checkSize(out, schema.length, count, `${prefix}length`, path);
  }
  if (schema.pattern && !schema.pattern.test(value)) {
    const actual = schema.sensitive ? SENSITIVE : JSON.stringify(value);
    report(out, path, `${prefix}pattern`, schema.pattern.source, actual);
  }
}

function check(out: Violation[], schema: Schema, value: any, path: string): void {
  switch (schema.kind) {
    case "string":
      if (typeof value !== "string") mismatch(out, path, value, "a string");
      else checkString(out, schema, value, path);
      return;
    case "boolean":
      if (typeof value !== "boolean") mismatch(out, path, value, "a boolean");
      return;
    case "number":
      if (!Number.isFinite(value)) mismatch(out, path, value, "a finite number");
      else if (schema.integer && !Number.isInteger(value)) mismatch(out, path, value, "an integer");
      else
        checkSize(
          out,
          schema.range,
          value,
          "range",
          path,
          schema.sensitive ? SENSITIVE : undefined,
        );
      return;
    case "timestamp":
      if (typeof value !== "number" && !(value instanceof Date && !Number.isNaN(+value)))
        mismatch(out, path, value, "a valid Date");
      return;
    case "list":
      if (!Array.isArray(value)) mismatch(out, path, value, "an array");
      else {
        checkSize(out, schema.length, value.length, "length", path);
        // An index loop, not forEach: a hole in a sparse array is a missing item too.
        for (let i = 0; i < value.length; i++) {
          const at = `${path}[${i}]`;
          if (value[i] == null) report(out, at, "required", "a value", `${value[i]}`);
          else check(out, schema.member, value[i], at);
        }
      }
      return;
  }
  if (!isPlainObject(value)) mismatch(out, path, value, "an object");
  else if (schema.kind === "map") {
    const keys = Object.keys(value);
    checkSize(out, schema.length, keys.length, "length", path, `${keys.length} entries`);
    for (const key of keys) {
      const at = `${path}[${JSON.stringify(key)}]`;
      checkString(out, schema.key, key, at, "key.");
      if (value[key] != null) check(out, schema.value, value[key], at);
    }
  } else {
    // Own members only, as only those are sent (see `walk`).
    const prefix = path && `${path}.`;
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(value, name) || value[name] == null) {
        report(out, prefix + name, "required", "a value", "missing");
      }
    }
    for (const name in schema.members) {
      const item = Object.hasOwn(value, name) ? value[name] : undefined;
      if (item != null) check(out, schema.members[name]!, item, prefix + name);
    }
  }
}

/** Reports that `value` is not of the type its schema wants. */
function mismatch(out: Violation[], path: string, value: unknown, expected: string) {
  const actual = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  report(out, path || "input", "type", expected, actual);
}
