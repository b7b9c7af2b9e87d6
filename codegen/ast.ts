/** The parts of the Smithy 2.0 JSON AST that the generator reads. */
export interface SmithyModel {
  smithy: string;
  metadata?: Record<string, unknown>;
  shapes: Record<string, Shape>;
}

export type Traits = Record<string, unknown>;

export interface MemberRef {
  target: string;
  traits?: Traits;
}

export interface Shape {
  type: string;
  traits?: Traits;
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  version?: string;
  operations?: { target: string }[];
  resources?: { target: string }[];
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
}

/** Trait ids the generator understands. */
export const T = {
  documentation: "smithy.api#documentation",
  required: "smithy.api#required",
  default: "smithy.api#default",
  sensitive: "smithy.api#sensitive",
  length: "smithy.api#length",
  range: "smithy.api#range",
  pattern: "smithy.api#pattern",
  enumValue: "smithy.api#enumValue",
  error: "smithy.api#error",
  httpError: "smithy.api#httpError",
  auth: "smithy.api#auth",
  optionalAuth: "smithy.api#optionalAuth",
  paginated: "smithy.api#paginated",
  readonly: "smithy.api#readonly",
  idempotent: "smithy.api#idempotent",
  input: "smithy.api#input",
  output: "smithy.api#output",
  awsService: "aws.api#service",
  sigv4: "aws.auth#sigv4",
  awsJson1_0: "aws.protocols#awsJson1_0",
  awsJson1_1: "aws.protocols#awsJson1_1",
  endpointRuleSet: "smithy.rules#endpointRuleSet",
} as const;

export const UNIT = "smithy.api#Unit";
