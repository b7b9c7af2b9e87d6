/**
 * What the runtime knows about each shape: enough to move values between JavaScript and the
 * wire, to check input against the model's constraints, and to hide sensitive values. The
 * code generator emits one constant per structure, list, map and constrained simple shape,
 * built with the short constructors below; unconstrained simple shapes share the constants.
 */
export type Schema =
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | TimestampSchema
  | ListSchema
  | MapSchema
  | StructureSchema;

/** Inclusive bounds; a missing side is unbounded. */
export interface Bounds {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

interface SchemaBase {
  /**
   * `@sensitive`, or a credential the code generator recognises by its member name: the value
   * must never appear in logs or error messages.
   */
  readonly sensitive?: boolean;
}

/** Strings and string enums (enums stay open, so their values are not checked). */
export interface StringSchema extends SchemaBase {
  readonly kind: "string";
  /** Length in Unicode code points. */
  readonly length?: Bounds | undefined;
  readonly pattern?: RegExp | undefined;
}

export interface NumberSchema extends SchemaBase {
  readonly kind: "number";
  /** True for byte, short, integer and long shapes. */
  readonly integer?: boolean;
  readonly range?: Bounds | undefined;
}

export interface BooleanSchema extends SchemaBase {
  readonly kind: "boolean";
}

/** Dates, sent as epoch seconds. */
export interface TimestampSchema extends SchemaBase {
  readonly kind: "timestamp";
}

export interface ListSchema extends SchemaBase {
  readonly kind: "list";
  readonly member: Schema;
  readonly length?: Bounds | undefined;
}

export interface MapSchema extends SchemaBase {
  readonly kind: "map";
  readonly key: StringSchema;
  readonly value: Schema;
  readonly length?: Bounds | undefined;
}

export interface StructureSchema extends SchemaBase {
  readonly kind: "structure";
  readonly members: Readonly<Record<string, Schema>>;
  /** Members that must be set. */
  readonly required?: readonly string[] | undefined;
}

export const STRING: StringSchema = { kind: "string" };
/** An unconstrained string that must never be shown, such as a session token. */
export const SECRET_STRING: StringSchema = { kind: "string", sensitive: true };
export const NUMBER: NumberSchema = { kind: "number" };
export const INTEGER: NumberSchema = { kind: "number", integer: true };
export const BOOLEAN: BooleanSchema = { kind: "boolean" };
export const TIMESTAMP: TimestampSchema = { kind: "timestamp" };

/** The input or output of an operation that has none (`smithy.api#Unit`). */
export const UNIT: StructureSchema = { kind: "structure", members: {} };

// Positional constructors: a generated call such as `string(1, 64, /^\w+$/u)` minifies to a
// fraction of the object literal it builds.

/** No bounds when neither side is set; a missing side stays undefined. */
const bounds = (min?: number, max?: number): Bounds | undefined =>
  (min ?? max) === undefined ? undefined : { min, max };

export const string = (min?: number, max?: number, pattern?: RegExp): StringSchema => ({
  kind: "string",
  length: bounds(min, max),
  pattern,
});

/** A byte, short, integer or long shape with a range. */
export const integer = (min?: number, max?: number): NumberSchema => ({
  kind: "number",
  integer: true,
  range: bounds(min, max),
});

/** A float or double shape with a range. */
export const number = (min?: number, max?: number): NumberSchema => ({
  kind: "number",
  range: bounds(min, max),
});

export const list = (member: Schema, min?: number, max?: number): ListSchema => ({
  kind: "list",
  member,
  length: bounds(min, max),
});

export const map = (key: StringSchema, value: Schema, min?: number, max?: number): MapSchema => ({
  kind: "map",
  key,
  value,
  length: bounds(min, max),
});

export const structure = (
  members: Readonly<Record<string, Schema>>,
  required?: readonly string[],
): StructureSchema => ({ kind: "structure", members, required });

/** The same schema, marked `@sensitive`. */
export const sensitive = <S extends Schema>(schema: S): S => ({ ...schema, sensitive: true });
