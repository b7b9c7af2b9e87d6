/**
 * fast-check arbitraries built from the runtime schemas alone, so that what they generate
 * satisfies the model: lengths in code points, ranges, patterns (with the `u` flag), list and
 * map sizes, and required members.
 */
import fc from "fast-check";
import type { Schema, StringSchema } from "../../src/runtime/schema.js";

/** How much longer than its minimum an unbounded (or very long) string or collection may get. */
const SLACK = { string: 24, collection: 3 };

const cache = new WeakMap<Schema, fc.Arbitrary<unknown>>();

/** Values that satisfy `schema`. */
export function arbitraryFor(schema: Schema): fc.Arbitrary<unknown> {
  let arbitrary = cache.get(schema);
  if (arbitrary === undefined) {
    arbitrary = build(schema);
    cache.set(schema, arbitrary);
  }
  return arbitrary;
}

function build(schema: Schema): fc.Arbitrary<unknown> {
  switch (schema.kind) {
    case "string":
      return stringArbitrary(schema);
    case "number": {
      const { min, max } = schema.range ?? {};
      return schema.integer
        ? fc.integer({ min: min ?? -(2 ** 31), max: max ?? 2 ** 31 - 1 })
        : fc.double({ noNaN: true, min: min ?? -Number.MAX_VALUE, max: max ?? Number.MAX_VALUE });
    }
    case "boolean":
      return fc.boolean();
    case "timestamp":
      return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4102444800000) });
    case "list": {
      const min = schema.length?.min ?? 0;
      const max = Math.min(schema.length?.max ?? Infinity, min + SLACK.collection);
      return fc.array(arbitraryFor(schema.member), { minLength: min, maxLength: max });
    }
    case "map": {
      const min = schema.length?.min ?? 0;
      const max = Math.min(schema.length?.max ?? Infinity, min + SLACK.collection);
      return fc.dictionary(
        arbitraryFor(schema.key) as fc.Arbitrary<string>,
        arbitraryFor(schema.value),
        { minKeys: min, maxKeys: max, noNullPrototype: true },
      );
    }
    case "structure": {
      const members = Object.fromEntries(
        Object.entries(schema.members).map(([name, member]) => [name, arbitraryFor(member)]),
      );
      return fc.record(members, {
        requiredKeys: [...(schema.required ?? [])],
        noNullPrototype: true,
      });
    }
  }
}

function stringArbitrary(schema: StringSchema): fc.Arbitrary<string> {
  const min = schema.length?.min ?? 0;
  const max = schema.length?.max ?? Infinity;
  const { pattern } = schema;
  if (pattern) {
    // fast-check reads the regex itself (u flag and \p{..} classes included); only the length
    // is left to filter.
    return fc.stringMatching(pattern).filter((s) => within(codePoints(s), min, max));
  }
  return fc.string({
    unit: "binary",
    minLength: min,
    maxLength: Math.min(max, min + SLACK.string),
  });
}

/** The length of a string as Smithy counts it. */
export function codePoints(value: string): number {
  return [...value].length;
}

function within(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}
