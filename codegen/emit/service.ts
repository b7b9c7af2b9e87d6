import type { ErrorIR, ServiceIR } from "../ir.js";
import { type EmitContext, type GeneratedFile, literal } from "./text.js";

/** The service definition the runtime reads: protocol details and the error table. */
export function emitService(ir: ServiceIR, ctx: EmitContext): GeneratedFile {
  const errorNames = ir.errors.map((e) => e.name);
  // The runtime reads an error's members by its schema; a message-only error needs none.
  const withMembers = ir.errors.filter((e) => !onlyMessage(ir, e)).map((e) => e.name);
  const table = errorNames.map((name) => `    ${name},\n`).join("");
  const schemaTable = withMembers.map((name) => `    ${name}: ${name}$,\n`).join("");
  const content =
    `import type { ServiceDefinition } from "${ctx.runtime}/operation.js";\n` +
    `import { endpointRules } from "./endpoints.js";\n` +
    `import { ${[ir.baseErrorName, ...errorNames].join(", ")} } from "./errors.js";\n` +
    (withMembers.length > 0
      ? `import { ${withMembers.map((n) => `${n}$`).join(", ")} } from "./schemas.js";\n`
      : "") +
    "\n" +
    "export const service: ServiceDefinition = {\n" +
    `  sdkId: ${literal(ir.sdkId)},\n` +
    `  clientName: ${literal(ir.clientName)},\n` +
    `  version: ${literal(ir.version)},\n` +
    `  jsonVersion: ${literal(ir.jsonVersion)},\n` +
    `  targetPrefix: ${literal(ir.targetPrefix)},\n` +
    `  signingName: ${literal(ir.signingName)},\n` +
    `  clientUserAgent: ${literal(ctx.clientUserAgent)},\n` +
    `  baseError: ${ir.baseErrorName},\n` +
    `  errors: {\n${table}  },\n` +
    (withMembers.length > 0 ? `  errorSchemas: {\n${schemaTable}  },\n` : "") +
    "  endpointRules,\n" +
    "};\n";
  return { path: "service.ts", content };
}

/** Whether the error's schema has no member but `message`, which the runtime reads anyway. */
function onlyMessage(ir: ServiceIR, error: ErrorIR): boolean {
  const schema = ir.schemas.find((s) => s.name === `${error.name}$`);
  if (schema?.kind !== "structure") throw new Error(`No structure schema for ${error.name}`);
  return schema.members.every(([name]) => name === "message");
}
