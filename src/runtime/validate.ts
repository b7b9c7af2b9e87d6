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
  if (rule === "required") return `${path}: required`;
  if (rule.endsWith("pattern")) return `${path}: ${actual} does not match ${expected}`;
  // `type` needs no name: `number, must be a string`; `key.length` reads `key length 0, ...`.
  const name = rule === "type" ? "" : `${rule.replace(".", " ")} `;
  return `${path}: ${name}${actual}, must be ${expected}`;
}

/** Checks a value against its schema and returns every violation (none: an empty array). */
export function validate(schema: StructureSchema, input: unknown): Violation[] {
  const out: Violation[] = [];
  check(schema, input, "", (path, rule, expected, actual) =>
    out.push({ path, rule, expected, actual }),
  );
  return out;
}

type Report = (path: string, rule: string, expected: string, actual: string) => void;

const SENSITIVE = "(sensitive value)";
const A_VALUE = "a value";

function check(schema: Schema, value: unknown, path: string, report: Report): void {
  const expected = expectedType(schema, value);
  if (expected) {
    const actual = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    report(path || "input", "type", expected, actual);
    return;
  }
  switch (schema.kind) {
    case "string":
      checkString(schema, value as string, path, "", report);
      return;
    case "number":
      if (schema.range && outside(value as number, schema.range)) {
        const actual = schema.sensitive ? SENSITIVE : String(value);
        report(path, "range", span(schema.range), actual);
      }
      return;
    case "list": {
      const list = value as unknown[];
      checkLength(schema.length, list.length, String(list.length), "length", path, report);
      list.forEach((item, i) => {
        const at = `${path}[${i}]`;
        if (item == null) report(at, "required", A_VALUE, `${item}`);
        else check(schema.member, item, at, report);
      });
      return;
    }
    case "map": {
      const map = value as Record<string, unknown>;
      const keys = Object.keys(map);
      checkLength(schema.length, keys.length, `${keys.length} entries`, "length", path, report);
      for (const key of keys) {
        const at = `${path}[${JSON.stringify(key)}]`;
        checkString(schema.key, key, at, "key.", report);
        if (map[key] != null) check(schema.value, map[key], at, report);
      }
      return;
    }
    case "structure": {
      const object = value as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (object[name] == null) report(join(path, name), "required", A_VALUE, "missing");
      }
      for (const name in schema.members) {
        if (object[name] != null)
          check(schema.members[name]!, object[name], join(path, name), report);
      }
    }
  }
}

/** What the value should have been, if it is not of the schema's type. */
function expectedType(schema: Schema, value: unknown): string | undefined {
  switch (schema.kind) {
    case "string":
    case "boolean":
      return typeof value === schema.kind ? undefined : `a ${schema.kind}`;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "a finite number";
      return schema.integer && !Number.isInteger(value) ? "an integer" : undefined;
    case "timestamp":
      return typeof value === "number" || (value instanceof Date && !Number.isNaN(value.getTime()))
        ? undefined
        : "a valid Date";
    case "list":
      return Array.isArray(value) ? undefined : "an array";
    default:
      return isPlainObject(value) ? undefined : "an object";
  }
}

function checkString(
  schema: StringSchema,
  value: string,
  path: string,
  prefix: string,
  report: Report,
): void {
  if (schema.length) {
    const length = codePoints(value);
    checkLength(schema.length, length, String(length), `${prefix}length`, path, report);
  }
  if (schema.pattern && !schema.pattern.test(value)) {
    const actual = schema.sensitive ? SENSITIVE : JSON.stringify(value);
    report(path, `${prefix}pattern`, schema.pattern.source, actual);
  }
}

function checkLength(
  bounds: Bounds | undefined,
  length: number,
  actual: string,
  rule: string,
  path: string,
  report: Report,
): void {
  if (bounds && outside(length, bounds)) report(path, rule, span(bounds), actual);
}

/** Smithy counts string length in Unicode code points, not UTF-16 units. */
function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function outside(n: number, { min = n, max = n }: Bounds): boolean {
  return n < min || n > max;
}

function span({ min, max }: Bounds): string {
  if (max === undefined) return `at least ${min}`;
  return min === undefined ? `at most ${max}` : `${min}..${max}`;
}

function join(path: string, member: string): string {
  return path ? `${path}.${member}` : member;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}
