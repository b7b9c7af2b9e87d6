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
  readonly violations: readonly Violation[];

  constructor(operation: string, violations: readonly Violation[]) {
    const lines = violations.map((v) => `  ${describeViolation(v)}`);
    super(
      `Invalid input for ${operation} (${violations.length} problem${violations.length === 1 ? "" : "s"}):\n${lines.join("\n")}`,
    );
    this.violations = violations;
  }
}

/** One violation as a line of text: `Rules[3].Claim: length 0, must be 1..64`. */
export function describeViolation(v: Violation): string {
  switch (v.rule) {
    case "required":
      return `${v.path}: required`;
    case "type":
      return `${v.path}: ${v.actual}, must be ${v.expected}`;
    case "pattern":
    case "key.pattern":
      return `${v.path}: ${v.actual} does not match ${v.expected}`;
    default:
      return `${v.path}: ${v.rule.replace("key.", "key ")} ${v.actual}, must be ${v.expected}`;
  }
}

/** Checks a value against its schema and returns every violation (none: an empty array). */
export function validate(schema: StructureSchema, input: unknown): Violation[] {
  const violations: Violation[] = [];
  check(schema, input, "", violations);
  return violations;
}

const SENSITIVE = "(sensitive value)";

function check(schema: Schema, value: unknown, path: string, out: Violation[]): void {
  switch (schema.kind) {
    case "string":
      if (typeof value !== "string") {
        typeMismatch("a string", value, path, out);
        return;
      }
      checkString(schema, value, path, "", out);
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        typeMismatch("a finite number", value, path, out);
        return;
      }
      if (schema.integer && !Number.isInteger(value)) {
        typeMismatch("an integer", value, path, out);
        return;
      }
      if (schema.range && outside(value, schema.range)) {
        const actual = schema.sensitive ? SENSITIVE : String(value);
        out.push({ path, rule: "range", expected: span(schema.range), actual });
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") typeMismatch("a boolean", value, path, out);
      return;
    case "timestamp":
      if (!(value instanceof Date && !Number.isNaN(value.getTime())) && typeof value !== "number") {
        typeMismatch("a valid Date", value, path, out);
      }
      return;
    case "list": {
      if (!Array.isArray(value)) {
        typeMismatch("an array", value, path, out);
        return;
      }
      if (schema.length && outside(value.length, schema.length)) {
        out.push({
          path,
          rule: "length",
          expected: span(schema.length),
          actual: String(value.length),
        });
      }
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (item == null)
          out.push({
            path: `${path}[${i}]`,
            rule: "required",
            expected: "a value",
            actual: String(item),
          });
        else check(schema.member, item, `${path}[${i}]`, out);
      }
      return;
    }
    case "map": {
      if (!isPlainObject(value)) {
        typeMismatch("an object", value, path, out);
        return;
      }
      const keys = Object.keys(value);
      if (schema.length && outside(keys.length, schema.length)) {
        out.push({
          path,
          rule: "length",
          expected: span(schema.length),
          actual: `${keys.length} entries`,
        });
      }
      for (const key of keys) {
        const itemPath = `${path}[${JSON.stringify(key)}]`;
        checkString(schema.key, key, itemPath, "key.", out);
        const item = value[key];
        if (item != null) check(schema.value, item, itemPath, out);
      }
      return;
    }
    case "structure": {
      if (!isPlainObject(value)) {
        typeMismatch("an object", value, path || "input", out);
        return;
      }
      for (const name of schema.required ?? []) {
        if (value[name] == null) {
          out.push({
            path: join(path, name),
            rule: "required",
            expected: "a value",
            actual: "missing",
          });
        }
      }
      for (const name in schema.members) {
        const item = value[name];
        if (item != null) check(schema.members[name]!, item, join(path, name), out);
      }
      return;
    }
  }
}

function checkString(
  schema: StringSchema,
  value: string,
  path: string,
  prefix: string,
  out: Violation[],
): void {
  if (schema.length) {
    const length = codePoints(value);
    if (outside(length, schema.length)) {
      out.push({
        path,
        rule: `${prefix}length`,
        expected: span(schema.length),
        actual: String(length),
      });
    }
  }
  if (schema.pattern && !schema.pattern.test(value)) {
    const actual = schema.sensitive ? SENSITIVE : JSON.stringify(value);
    out.push({ path, rule: `${prefix}pattern`, expected: schema.pattern.source, actual });
  }
}

function typeMismatch(expected: string, value: unknown, path: string, out: Violation[]): void {
  const actual = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  out.push({ path, rule: "type", expected, actual });
}

/** Smithy counts string length in Unicode code points, not UTF-16 units. */
function codePoints(value: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return value.length - surrogatePairs;
}

function outside(n: number, bounds: Bounds): boolean {
  return (
    (bounds.min !== undefined && n < bounds.min) || (bounds.max !== undefined && n > bounds.max)
  );
}

function span(bounds: Bounds): string {
  if (bounds.max === undefined) return `at least ${bounds.min}`;
  if (bounds.min === undefined) return `at most ${bounds.max}`;
  return `${bounds.min}..${bounds.max}`;
}

function join(path: string, member: string): string {
  return path ? `${path}.${member}` : member;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}
