/** The plain data the emitters work from: names resolved, types rendered, order fixed. */
export interface ServiceIR {
  readonly sdkId: string;
  /** PascalCase form of the SDK id, the stem of the generated names. */
  readonly baseName: string;
  readonly clientName: string;
  readonly aggregateName: string;
  readonly baseErrorName: string;
  readonly guardName: string;
  readonly errorMapName: string;
  readonly targetPrefix: string;
  readonly version: string;
  readonly jsonVersion: "1.0" | "1.1";
  readonly signingName: string;
  /** The endpoint rule set, without its documentation strings (they would only add bytes). */
  readonly endpointRuleSet: unknown;
  readonly docs: string;
  readonly operations: readonly OperationIR[];
  readonly structures: readonly StructureIR[];
  readonly enums: readonly EnumIR[];
  readonly errors: readonly ErrorIR[];
  readonly schemas: readonly SchemaIR[];
}

export interface MemberIR {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly docs: string;
}

export interface StructureIR {
  readonly name: string;
  readonly docs: string;
  readonly members: readonly MemberIR[];
}

export interface EnumIR {
  readonly name: string;
  readonly docs: string;
  readonly numeric: boolean;
  readonly values: readonly { key: string; value: string | number; docs: string }[];
}

export interface ErrorIR {
  readonly name: string;
  readonly docs: string;
  readonly fault: "client" | "server";
  /** Members other than `message`, which every error carries as `Error.message`. */
  readonly members: readonly MemberIR[];
}

export interface PaginationIR {
  readonly inputToken: string;
  readonly outputToken: string;
  readonly pageSize?: string;
  readonly items?: string;
  readonly defaultPageSize?: number;
}

export interface OperationIR {
  readonly name: string;
  readonly commandName: string;
  readonly methodName: string;
  readonly docs: string;
  /** TypeScript type of the input and output structures (`{}` for Unit). */
  readonly inputType: string;
  readonly outputType: string;
  /** Schema constants (or runtime constants such as `UNIT`). */
  readonly inputSchema: string;
  readonly outputSchema: string;
  /** The input members the caller must set; with none, the input may be left out. */
  readonly requiredInput: readonly string[];
  readonly errors: readonly string[];
  readonly auth: "sigv4" | "none";
  /** `@readonly` or `@idempotent`: a request that may have reached the service can be resent. */
  readonly safeToRetry: boolean;
  /** `@readonly`: the operation changes nothing (implies `safeToRetry`). */
  readonly readOnly: boolean;
  readonly paginated?: PaginationIR;
}

/** Inclusive bounds of a length or range constraint. */
export interface BoundsIR {
  readonly min?: number;
  readonly max?: number;
}

/**
 * One schema constant. A reference is the name of another schema constant or of a runtime
 * constant (see `RUNTIME_SCHEMAS`).
 */
export type SchemaIR = { readonly name: string; readonly sensitive: boolean } & (
  | { readonly kind: "string"; readonly length?: BoundsIR; readonly pattern?: string }
  | { readonly kind: "number"; readonly integer: boolean; readonly range?: BoundsIR }
  | { readonly kind: "boolean" | "timestamp" }
  | {
      readonly kind: "structure";
      readonly members: readonly [string, string][];
      readonly required: readonly string[];
    }
  | { readonly kind: "list"; readonly member: string; readonly length?: BoundsIR }
  | {
      readonly kind: "map";
      readonly key: string;
      readonly value: string;
      readonly length?: BoundsIR;
    }
);

/** Shared schemas of the runtime, for simple shapes without constraints. */
export const RUNTIME_SCHEMAS = [
  "STRING",
  "SECRET_STRING",
  "NUMBER",
  "INTEGER",
  "BOOLEAN",
  "TIMESTAMP",
  "UNIT",
] as const;

/** The schema constants a schema refers to. */
export function schemaRefs(schema: SchemaIR): string[] {
  switch (schema.kind) {
    case "structure":
      return schema.members.map(([, ref]) => ref);
    case "list":
      return [schema.member];
    case "map":
      return [schema.key, schema.value];
    default:
      return [];
  }
}
