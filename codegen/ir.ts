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
  readonly endpointPrefix: string;
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
  readonly paginated?: PaginationIR;
}

/**
 * One schema constant. A reference is the name of another schema constant or of a runtime
 * constant (`SCALAR`, `TIMESTAMP`, `UNIT`).
 */
export type SchemaIR =
  | {
      readonly name: string;
      readonly kind: "structure";
      readonly members: readonly [string, string][];
    }
  | { readonly name: string; readonly kind: "list"; readonly member: string }
  | { readonly name: string; readonly kind: "map"; readonly value: string };

export const RUNTIME_SCHEMAS = ["SCALAR", "TIMESTAMP", "UNIT"] as const;
