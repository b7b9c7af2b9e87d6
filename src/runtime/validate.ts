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
  const mismatch = (expected: string) => {
    const actual = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
    report(path || "input", "type", expected, actual);
  };
  switch (schema.kind) {
    case "string":
      if (typeof value !== "string") mismatch("a string");
      else checkString(schema, value, path, "", report);
      return;
    case "boolean":
      if (typeof value !== "boolean") mismatch("a boolean");
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) mismatch("a finite number");
      else if (schema.integer && !Number.isInteger(value)) mismatch("an integer");
      else {
        const actual = schema.sensitive ? SENSITIVE : `${value}`;
        checkBounds(schema.range, value, actual, "range", path, report);
      }
      return;
    case "timestamp":
      if (typeof value !== "number" && !(value instanceof Date && !Number.isNaN(value.getTime()))) {
        mismatch("a valid Date");
      }
      return;
    case "list":
      if (!Array.isArray(value)) {
        mismatch("an array");
        return;
      }
      checkBounds(schema.length, value.length, `${value.length}`, "length", path, report);
      // An index loop, not forEach: a hole in a sparse array is a missing item too.
      for (let i = 0; i < value.length; i++) {
        const at = `${path}[${i}]`;
        if (value[i] == null) report(at, "required", A_VALUE, `${value[i]}`);
        else check(schema.member, value[i], at, report);
      }
      return;
    default:
      if (!isPlainObject(value)) {
        mismatch("an object");
      } else if (schema.kind === "map") {
        const keys = Object.keys(value);
        checkBounds(schema.length, keys.length, `${keys.length} entries`, "length", path, report);
        for (const key of keys) {
          const at = `${path}[${JSON.stringify(key)}]`;
          checkString(schema.key, key, at, "key.", report);
          if (value[key] != null) check(schema.value, value[key], at, report);
        }
      } else {
        // Own members only, as only those are sent (see `walk`).
        const member = (name: string) => (Object.hasOwn(value, name) ? value[name] : undefined);
        for (const name of schema.required ?? []) {
          if (member(name) == null) report(join(path, name), "required", A_VALUE, "missing");
        }
        for (const name in schema.members) {
          const item = member(name);
          if (item != null) check(schema.members[name]!, item, join(path, name), report);
        }
      }
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
    checkBounds(schema.length, length, `${length}`, `${prefix}length`, path, report);
  }
  if (schema.pattern && !schema.pattern.test(value)) {
    const actual = schema.sensitive ? SENSITIVE : JSON.stringify(value);
    report(path, `${prefix}pattern`, schema.pattern.source, actual);
  }
}

/** Reports `n` (shown as `actual`) if it is outside `bounds`. */
function checkBounds(
  bounds: Bounds | undefined,
  n: number,
  actual: string,
  rule: string,
  path: string,
  report: Report,
): void {
  if (!bounds) return;
  const { min = n, max = n } = bounds;
  if (n < min || n > max) report(path, rule, span(bounds), actual);
}

/** Smithy counts string length in Unicode code points, not UTF-16 units. */
function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function span({ min, max }: Bounds): string {
  if (max === undefined) return `at least ${min}`;
  return min === undefined ? `at most ${max}` : `${min}..${max}`;
}

function join(path: string, member: string): string {
  return path ? `${path}.${member}` : member;
}
