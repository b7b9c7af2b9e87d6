import type { ServiceIR } from "../ir.js";
import { type EmitContext, type GeneratedFile, literal } from "./text.js";

/** The service definition the runtime reads: protocol details and the error table. */
export function emitService(ir: ServiceIR, ctx: EmitContext): GeneratedFile {
  const errorNames = ir.errors.map((e) => e.name);
  const table = ir.errors
    .map((e) => `    ${e.name}: { error: ${e.name}, schema: ${e.name}$ },\n`)
    .join("");
  const content =
    `import type { ServiceDefinition } from "${ctx.runtime}/operation.js";\n` +
    `import { endpointRules } from "./endpoints.js";\n` +
    `import { ${[ir.baseErrorName, ...errorNames].join(", ")} } from "./errors.js";\n` +
    (errorNames.length > 0
      ? `import { ${errorNames.map((n) => `${n}$`).join(", ")} } from "./schemas.js";\n`
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
    "  endpointRules,\n" +
    "};\n";
  return { path: "service.ts", content };
}
