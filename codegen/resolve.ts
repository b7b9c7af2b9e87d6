import { type MemberRef, type Shape, T, UNIT } from "./ast.js";
import {
  type BoundsIR,
  type EnumIR,
  type ErrorIR,
  type MemberIR,
  type OperationIR,
  type PaginationIR,
  type SchemaIR,
  type ServiceIR,
  type StructureIR,
  schemaRefs,
} from "./ir.js";
import { type LoadedModel, ModelError } from "./load.js";

/** Names a generated type must not take, because generated code uses the global of that name. */
const RESERVED = new Set([
  "Array",
  "Boolean",
  "Date",
  "Error",
  "Function",
  "Map",
  "Number",
  "Object",
  "Promise",
  "Record",
  "Set",
  "String",
  "Symbol",
]);

const NUMBER_TYPES = new Set(["byte", "short", "integer", "long", "float", "double", "intEnum"]);

/**
 * The names AWS APIs give the parts of temporary credentials. Models often mark only the secret
 * key `@sensitive`, but a session token or access key id in a log is a leak too, so the string
 * shapes members of these names target are generated as sensitive (a member that targets the
 * prelude's shared String gets the runtime's `SECRET_STRING` instead).
 */
const CREDENTIAL_MEMBERS = new Set(["AccessKeyId", "SecretAccessKey", "SecretKey", "SessionToken"]);

/** Turns a loaded model into the plain data the emitters need. */
export function resolveService(model: LoadedModel): ServiceIR {
  const { service, serviceId, shapes } = model;
  const traits = service.traits ?? {};
  const awsService = (traits[T.awsService] ?? {}) as Record<string, string | undefined>;
  const shapeName = localName(serviceId);
  const sdkId = awsService.sdkId ?? shapeName;
  const baseName = pascalCase(sdkId);
  const typeNames = new Map<string, string>();
  const typeName = (id: string): string => {
    let name = typeNames.get(id);
    if (name === undefined) {
      name = RESERVED.has(localName(id)) ? `${localName(id)}Shape` : localName(id);
      typeNames.set(id, name);
    }
    return name;
  };
  const shapeOf = (id: string): Shape => shapes.get(id)!;

  // Walk everything the operations reach, so unused shapes generate nothing.
  const reached = new Set<string>();
  const visit = (id: string): void => {
    if (reached.has(id) || id === UNIT) return;
    reached.add(id);
    const shape = shapeOf(id);
    for (const member of Object.values(shape.members ?? {})) visit(member.target);
    for (const ref of [shape.member, shape.key, shape.value]) if (ref) visit(ref.target);
  };
  const operationIds = (service.operations ?? []).map((ref) => ref.target).sort(byLocalName);
  for (const id of operationIds) {
    const op = shapeOf(id);
    visit(op.input?.target ?? UNIT);
    visit(op.output?.target ?? UNIT);
    for (const err of op.errors ?? []) visit(err.target);
  }
  for (const err of service.errors ?? []) visit(err.target);
  const sorted = [...reached].sort(byLocalName);
  const credentialShapes = new Set<string>();
  for (const id of sorted) {
    for (const [name, member] of Object.entries(shapeOf(id).members ?? {})) {
      const prelude = member.target.startsWith("smithy.api#");
      if (CREDENTIAL_MEMBERS.has(name) && !prelude && shapeOf(member.target).type === "string") {
        credentialShapes.add(member.target);
      }
    }
  }

  const tsType = (ref: MemberRef): string => {
    const target = shapeOf(ref.target);
    switch (target.type) {
      case "string":
        return target.traits?.["smithy.api#enum"]
          ? `${typeName(ref.target)} | (string & {})`
          : "string";
      case "enum":
        return `${typeName(ref.target)} | (string & {})`;
      case "intEnum":
        return `${typeName(ref.target)} | (number & {})`;
      case "boolean":
        return "boolean";
      case "timestamp":
        return "Date";
      case "list":
      case "set":
        return `(${tsType(target.member!)})[]`;
      case "map":
        return `Record<string, ${tsType(target.value!)}>`;
      case "structure":
        return typeName(ref.target);
      default:
        if (NUMBER_TYPES.has(target.type)) return "number";
        throw new ModelError(`${ref.target}: shapes of type ${target.type} are not supported yet`);
    }
  };
  const members = (shape: Shape): MemberIR[] =>
    Object.entries(shape.members ?? {}).map(([name, member]) => ({
      name,
      type: tsType(member),
      required: member.traits?.[T.required] !== undefined,
      docs: docsOf(member.traits) || docsOf(shapeOf(member.target).traits),
    }));

  const structures: StructureIR[] = [];
  const errors: ErrorIR[] = [];
  const enums: EnumIR[] = [];
  for (const id of sorted) {
    const shape = shapeOf(id);
    const docs = docsOf(shape.traits);
    if (shape.type === "structure" && shape.traits?.[T.error] !== undefined) {
      errors.push({
        name: typeName(id),
        docs,
        fault: shape.traits[T.error] === "server" ? "server" : "client",
        members: members(shape).filter((m) => m.name.toLowerCase() !== "message"),
      });
    } else if (shape.type === "structure") {
      structures.push({ name: typeName(id), docs, members: members(shape) });
    } else if (shape.type === "enum" || shape.type === "intEnum") {
      enums.push({
        name: typeName(id),
        docs,
        numeric: shape.type === "intEnum",
        values: Object.entries(shape.members ?? {}).map(([key, member]) => ({
          key,
          value: (member.traits?.[T.enumValue] as string | number | undefined) ?? key,
          docs: docsOf(member.traits),
        })),
      });
    } else if (shape.type === "string" && Array.isArray(shape.traits?.["smithy.api#enum"])) {
      const defs = shape.traits["smithy.api#enum"] as { value: string; name?: string }[];
      enums.push({
        name: typeName(id),
        docs,
        numeric: false,
        values: defs.map((d) => ({ key: d.name ?? d.value, value: d.value, docs: "" })),
      });
    }
  }

  const schemaRef = (id: string): string => {
    if (id === UNIT) return "UNIT";
    const shape = shapeOf(id);
    if (["structure", "list", "set", "map"].includes(shape.type)) return `${typeName(id)}$`;
    if (hasConstraints(shape) || credentialShapes.has(id)) return `${localName(id)}$`;
    if (shape.type === "string" || shape.type === "enum") return "STRING";
    if (shape.type === "boolean") return "BOOLEAN";
    if (shape.type === "timestamp") return "TIMESTAMP";
    if (shape.type === "float" || shape.type === "double") return "NUMBER";
    if (NUMBER_TYPES.has(shape.type)) return "INTEGER";
    throw new ModelError(`${id}: shapes of type ${shape.type} are not supported yet`);
  };
  const memberRef = (name: string, target: string): string =>
    CREDENTIAL_MEMBERS.has(name) && target === "smithy.api#String"
      ? "SECRET_STRING"
      : schemaRef(target);
  const schemas = orderSchemas(
    sorted.flatMap((id) =>
      schemaOf(id, shapeOf(id), schemaRef, memberRef, credentialShapes.has(id)),
    ),
  );
  const operations = operationIds.map((id): OperationIR => {
    const op = shapeOf(id);
    const name = localName(id);
    const inputId = op.input?.target ?? UNIT;
    const outputId = op.output?.target ?? UNIT;
    const input = shapeOf(inputId);
    const auth = op.traits?.[T.auth];
    const paginated = resolvePagination(id, op, shapes);
    const readOnly = op.traits?.[T.readonly] !== undefined;
    const idempotent = op.traits?.[T.idempotent] !== undefined;
    // Smithy forbids both: @readonly already implies that repeating is harmless.
    if (readOnly && idempotent) {
      throw new ModelError(`${id}: an operation cannot be both @readonly and @idempotent`);
    }
    return {
      name,
      commandName: `${name}Command`,
      methodName: name.charAt(0).toLowerCase() + name.slice(1),
      docs: docsOf(op.traits),
      inputType: inputId === UNIT ? "{}" : typeName(inputId),
      outputType: outputId === UNIT ? "{}" : typeName(outputId),
      inputSchema: schemaRef(inputId),
      outputSchema: schemaRef(outputId),
      requiredInput: Object.entries(input.members ?? {})
        .filter(([, m]) => m.traits?.[T.required] !== undefined)
        .map(([member]) => member),
      errors: (op.errors ?? []).map((ref) => typeName(ref.target)).sort(),
      // `@auth([])` means no scheme applies: the request goes out anonymously.
      auth: Array.isArray(auth) && auth.length === 0 ? "none" : "sigv4",
      safeToRetry: readOnly || idempotent,
      readOnly,
      ...(paginated ? { paginated } : {}),
    };
  });

  const sigv4 = traits[T.sigv4] as { name?: string } | undefined;
  const endpointPrefix = awsService.endpointPrefix ?? shapeName.toLowerCase();
  const ir: ServiceIR = {
    sdkId,
    baseName,
    clientName: `${baseName}Client`,
    aggregateName: baseName,
    baseErrorName: `${baseName}ServiceException`,
    guardName: `is${baseName}Error`,
    errorMapName: `${baseName}Errors`,
    targetPrefix: shapeName,
    version: service.version ?? "",
    jsonVersion: traits[T.awsJson1_1] !== undefined ? "1.1" : "1.0",
    signingName: sigv4?.name ?? endpointPrefix,
    endpointRuleSet: withoutDocumentation(
      traits[T.endpointRuleSet] ?? defaultRuleSet(endpointPrefix),
    ),
    docs: docsOf(traits),
    operations,
    structures,
    enums,
    errors,
    schemas,
  };
  checkNameClashes(ir);
  return ir;
}

function resolvePagination(
  id: string,
  op: Shape,
  shapes: ReadonlyMap<string, Shape>,
): PaginationIR | undefined {
  const trait = op.traits?.[T.paginated] as Partial<PaginationIR> | undefined;
  if (!trait) return undefined;
  if (!trait.inputToken || !trait.outputToken) {
    throw new ModelError(`${id}: a paginated operation needs inputToken and outputToken`);
  }
  const input = shapes.get(op.input?.target ?? UNIT)!;
  const result: { -readonly [K in keyof PaginationIR]: PaginationIR[K] } = {
    inputToken: trait.inputToken,
    outputToken: trait.outputToken,
  };
  if (trait.items) result.items = trait.items;
  if (trait.pageSize) {
    result.pageSize = trait.pageSize;
    const member = input.members?.[trait.pageSize];
    if (!member)
      throw new ModelError(`${id}: page size member ${trait.pageSize} is not in the input`);
    // A required page size still lets callers leave it out: the paginator asks for the most.
    const range = shapes.get(member.target)?.traits?.[T.range] as { max?: number } | undefined;
    if (member.traits?.[T.required] !== undefined && range?.max !== undefined) {
      result.defaultPageSize = range.max;
    }
  }
  return result;
}

const CONSTRAINTS = [T.length, T.range, T.pattern, T.sensitive];

function hasConstraints(shape: Shape): boolean {
  return CONSTRAINTS.some((trait) => shape.traits?.[trait] !== undefined);
}

/** The schema constant of a shape, if it needs one of its own. */
function schemaOf(
  id: string,
  shape: Shape,
  ref: (id: string) => string,
  memberRef: (member: string, target: string) => string,
  credential: boolean,
): SchemaIR[] {
  const name = ref(id);
  if (!name.endsWith("$")) return [];
  const traits = shape.traits ?? {};
  const sensitive = credential || traits[T.sensitive] !== undefined;
  const length = traits[T.length] as BoundsIR | undefined;
  const bounds = (b: BoundsIR | undefined) => (b ? { length: b } : {});
  for (const [member, target] of Object.entries(shape.members ?? {})) {
    if (
      CONSTRAINTS.some((trait) => trait !== T.sensitive && target.traits?.[trait] !== undefined)
    ) {
      throw new ModelError(`${id}$${member}: constraint traits on members are not supported yet`);
    }
  }
  switch (shape.type) {
    case "structure":
      return [
        {
          name,
          sensitive,
          kind: "structure",
          members: Object.entries(shape.members ?? {}).map(([m, target]) => [
            m,
            memberRef(m, target.target),
          ]),
          required: Object.entries(shape.members ?? {})
            .filter(([, target]) => target.traits?.[T.required] !== undefined)
            .map(([m]) => m),
        },
      ];
    case "list":
    case "set":
      return [
        { name, sensitive, kind: "list", member: ref(shape.member!.target), ...bounds(length) },
      ];
    case "map":
      return [
        {
          name,
          sensitive,
          kind: "map",
          key: ref(shape.key!.target),
          value: ref(shape.value!.target),
          ...bounds(length),
        },
      ];
    case "string":
    case "enum": {
      const pattern = traits[T.pattern] as string | undefined;
      return [
        { name, sensitive, kind: "string", ...bounds(length), ...(pattern ? { pattern } : {}) },
      ];
    }
    case "boolean":
    case "timestamp":
      return [{ name, sensitive, kind: shape.type }];
    default: {
      const range = traits[T.range] as BoundsIR | undefined;
      const integer = shape.type !== "float" && shape.type !== "double";
      return [{ name, sensitive, kind: "number", integer, ...(range ? { range } : {}) }];
    }
  }
}

/** Emits schemas after the ones they refer to, so every constant is defined before use. */
function orderSchemas(schemas: SchemaIR[]): SchemaIR[] {
  const byName = new Map(schemas.map((s) => [s.name, s]));
  const done = new Set<string>();
  const inProgress = new Set<string>();
  const ordered: SchemaIR[] = [];
  const place = (s: SchemaIR): void => {
    if (done.has(s.name)) return;
    if (inProgress.has(s.name)) {
      throw new ModelError(
        `${s.name.slice(0, -1)} is recursive; recursive shapes are not supported yet`,
      );
    }
    inProgress.add(s.name);
    for (const ref of schemaRefs(s)) {
      const dep = byName.get(ref);
      if (dep) place(dep);
    }
    inProgress.delete(s.name);
    done.add(s.name);
    ordered.push(s);
  };
  for (const s of schemas) place(s);
  return ordered;
}

function checkNameClashes(ir: ServiceIR): void {
  const generated = new Set([
    ir.clientName,
    ir.aggregateName,
    ir.baseErrorName,
    ir.guardName,
    ir.errorMapName,
    `${ir.clientName}Config`,
    ...ir.operations.flatMap((op) => [
      op.commandName,
      `${op.commandName}Input`,
      `${op.commandName}Output`,
      `${op.commandName}Error`,
      `paginate${op.name}`,
    ]),
  ]);
  for (const shape of [...ir.structures, ...ir.enums, ...ir.errors]) {
    if (generated.has(shape.name)) {
      throw new ModelError(`shape ${shape.name} clashes with a generated name`);
    }
  }
}

/**
 * For a model without endpoint rules: the custom endpoint when set, otherwise the regional
 * endpoint `https://{prefix}.{Region}.{dnsSuffix}` of the region's partition.
 */
function defaultRuleSet(prefix: string): unknown {
  return {
    version: "1.0",
    parameters: {
      Region: { builtIn: "AWS::Region", required: false, type: "string" },
      Endpoint: { builtIn: "SDK::Endpoint", required: false, type: "string" },
    },
    rules: [
      {
        conditions: [{ fn: "isSet", argv: [{ ref: "Endpoint" }] }],
        endpoint: { url: { ref: "Endpoint" }, properties: {}, headers: {} },
        type: "endpoint",
      },
      {
        conditions: [
          { fn: "isSet", argv: [{ ref: "Region" }] },
          { fn: "aws.partition", argv: [{ ref: "Region" }], assign: "PartitionResult" },
        ],
        endpoint: {
          url: `https://${prefix}.{Region}.{PartitionResult#dnsSuffix}`,
          properties: {},
          headers: {},
        },
        type: "endpoint",
      },
      { conditions: [], error: "Invalid Configuration: Missing Region", type: "error" },
    ],
  };
}

function withoutDocumentation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDocumentation);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "documentation")
      .map(([key, item]) => [key, withoutDocumentation(item)]),
  );
}

function docsOf(traits: Record<string, unknown> | undefined): string {
  const docs = traits?.[T.documentation];
  return typeof docs === "string" ? docs.trim() : "";
}

export function localName(id: string): string {
  return id.slice(id.indexOf("#") + 1);
}

function byLocalName(a: string, b: string): number {
  const x = localName(a);
  const y = localName(b);
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** `Weather Service` becomes `WeatherService`; `my-service` becomes `MyService`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}
