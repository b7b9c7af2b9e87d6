import type { ServiceIR } from "../ir.js";
import { operationDocs } from "./commands.js";
import { type EmitContext, type GeneratedFile, tsdoc } from "./text.js";

/** The bare client: one `send` for all commands, so bundles keep only the commands used. */
export function emitClient(ir: ServiceIR, ctx: EmitContext): GeneratedFile {
  const content =
    `import { ServiceClient } from "${ctx.runtime}/client.js";\n` +
    `import type { ClientConfig } from "${ctx.runtime}/config.js";\n` +
    `import { service } from "./service.js";\n\n` +
    tsdoc([`The options of {@link ${ir.clientName}}.`, "@public"]) +
    `export type ${ir.clientName}Config = ClientConfig;\n\n` +
    tsdoc([
      ir.docs,
      "",
      `Send commands with \`client.send(new SomeCommand(input))\`; see {@link ${ir.aggregateName}} for one method per operation.`,
      "@public",
    ]) +
    `export class ${ir.clientName} extends ServiceClient {\n` +
    `  constructor(config: ${ir.clientName}Config = {}) {\n    super(service, config);\n  }\n}\n`;
  return { path: "client.ts", content };
}

/** The aggregated client: one method per operation, for code that does not count bytes. */
export function emitAggregate(ir: ServiceIR): GeneratedFile {
  const imports = ir.operations
    .map(
      (op) =>
        `import { ${op.commandName}, type ${op.commandName}Input, type ${op.commandName}Output } from "./commands/${op.commandName}.js";\n`,
    )
    .join("");
  const methods = ir.operations
    .map((op) => {
      const optional = op.requiredInput.length === 0 ? " = {}" : "";
      return (
        operationDocs(ir, op, "  ") +
        `  ${op.methodName}(\n    input: ${op.commandName}Input${optional},\n    options?: HttpHandlerOptions,\n  ): Promise<${op.commandName}Output> {\n` +
        `    return this.send(new ${op.commandName}(input), options);\n  }\n`
      );
    })
    .join("\n");
  const content =
    `import type { HttpHandlerOptions } from "@smithy/types";\n` +
    `import { ${ir.clientName} } from "./client.js";\n` +
    imports +
    "\n" +
    tsdoc([
      `${ir.clientName} with one method per operation. It includes every command, so prefer the bare client with \`send\` where bundle size matters.`,
      "@public",
    ]) +
    `export class ${ir.aggregateName} extends ${ir.clientName} {\n${methods}}\n`;
  return { path: "aggregate.ts", content };
}
