import type { OperationIR, ServiceIR } from "../ir.js";
import { type EmitContext, type GeneratedFile, literal, summary, tsdoc } from "./text.js";

/** One file per operation with its command class and the types around it. */
export function emitCommands(ir: ServiceIR, ctx: EmitContext): GeneratedFile[] {
  return ir.operations.map((op) => emitCommand(ir, op, `../${ctx.runtime}`));
}

/** The TSDoc of an operation, shared by its command and its aggregated-client method. */
export function operationDocs(ir: ServiceIR, op: OperationIR, indent = ""): string {
  const byName = new Map(ir.errors.map((e) => [e.name, e]));
  const auth =
    op.auth === "none"
      ? "Sent unsigned: it needs no AWS credentials."
      : "Signed with SigV4: it needs AWS credentials.";
  const retry = op.safeToRetry
    ? `Retries: ${op.readOnly ? "read-only (`@readonly`)" : "idempotent (`@idempotent`)"}, so it is retried after any retryable failure, even one that may have reached the service.`
    : "Retries: neither `@readonly` nor `@idempotent`, so after a failure that may have reached the service (a timeout, a dropped connection, a 5xx) it is not sent again and never runs twice; throttling and refused connections are still retried.";
  const throws = op.errors.map((name) => {
    const text = summary(byName.get(name)?.docs ?? "");
    return `@throws {@link ${name}}${text ? ` ${text}` : ""}`;
  });
  return tsdoc(
    [
      op.docs,
      "",
      auth,
      "",
      retry,
      "",
      ...throws,
      `@throws {@link ${ir.baseErrorName}} for any other error the service returns.`,
      "@public",
    ],
    indent,
  );
}

function emitCommand(ir: ServiceIR, op: OperationIR, runtime: string): GeneratedFile {
  const name = op.commandName;
  const types = [op.inputType, op.outputType].filter((t) => t !== "{}");
  const schemas = [op.inputSchema, op.outputSchema].filter((s) => s.endsWith("$"));
  const runtimeSchemas = [
    ...new Set([op.inputSchema, op.outputSchema].filter((s) => !s.endsWith("$"))),
  ];
  const imports = [
    `import type { MetadataBearer } from "@smithy/types";\n`,
    op.auth === "sigv4" ? `import { sigv4 } from "${runtime}/auth/sigv4.js";\n` : "",
    `import { commandClass } from "${runtime}/command.js";\n`,
    runtimeSchemas.length > 0
      ? `import { ${runtimeSchemas.join(", ")} } from "${runtime}/schema.js";\n`
      : "",
    op.errors.length > 0 ? `import type { ${op.errors.join(", ")} } from "../errors.js";\n` : "",
    schemas.length > 0
      ? `import { ${[...new Set(schemas)].join(", ")} } from "../schemas.js";\n`
      : "",
    `import { service } from "../service.js";\n`,
    types.length > 0
      ? `import type { ${[...new Set(types)].join(", ")} } from "../types.js";\n`
      : "",
  ].join("");
  const errorUnion = op.errors.length > 0 ? op.errors.join(" | ") : "never";
  const optionalInputConstructor =
    op.requiredInput.length === 0
      ? ` {\n  constructor(input: ${name}Input = {}) {\n    super(input);\n  }\n}\n`
      : " {}\n";
  // The operation definition, positionally: auth and retry safety only when they are set.
  const definition = [
    "service",
    literal(op.name),
    op.inputSchema,
    op.outputSchema,
    ...(op.safeToRetry
      ? [op.auth === "sigv4" ? "sigv4" : "undefined", "true"]
      : op.auth === "sigv4"
        ? ["sigv4"]
        : []),
  ];
  const content =
    `${imports}\n` +
    `/** The input of {@link ${name}}. @public */\n` +
    `export type ${name}Input = ${op.inputType};\n\n` +
    `/** The output of {@link ${name}}, with the response metadata. @public */\n` +
    `export type ${name}Output = ${op.outputType} & MetadataBearer;\n\n` +
    `/** The modelled errors {@link ${name}} can throw. @public */\n` +
    `export type ${name}Error = ${errorUnion};\n\n` +
    operationDocs(ir, op) +
    `export class ${name} extends commandClass<${name}Input, ${name}Output, ${name}Error>(\n` +
    `  ${definition.join(",\n  ")},\n)` +
    optionalInputConstructor;
  return { path: `commands/${name}.ts`, content };
}
