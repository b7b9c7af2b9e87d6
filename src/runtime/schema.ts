/**
 * The shape information the runtime needs to move values between JavaScript and the wire.
 * The code generator emits one constant per structure, list and map of a service; simple
 * shapes share the constants below.
 */
export type Schema = ScalarSchema | TimestampSchema | ListSchema | MapSchema | StructureSchema;

export interface ScalarSchema {
  readonly kind: "scalar";
}

export interface TimestampSchema {
  readonly kind: "timestamp";
}

export interface ListSchema {
  readonly kind: "list";
  readonly member: Schema;
}

export interface MapSchema {
  readonly kind: "map";
  readonly value: Schema;
}

export interface StructureSchema {
  readonly kind: "structure";
  readonly members: Readonly<Record<string, Schema>>;
}

/** Strings, booleans, numbers and enums: sent and received as they are. */
export const SCALAR: ScalarSchema = { kind: "scalar" };

/** Dates, sent as epoch seconds. */
export const TIMESTAMP: TimestampSchema = { kind: "timestamp" };

/** The input or output of an operation that has none (`smithy.api#Unit`). */
export const UNIT: StructureSchema = { kind: "structure", members: {} };
