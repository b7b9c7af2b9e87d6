import type { ServiceIR } from "../ir.js";
import { type GeneratedFile, tsdoc } from "./text.js";

/** The public surface of the generated code: named exports only. */
export function emitIndex(ir: ServiceIR, hasPaginators: boolean): GeneratedFile {
  const lines = [
    tsdoc([`${ir.sdkId} client generated from its Smithy model.`]),
    `export * from "./aggregate.js";\n`,
    `export * from "./client.js";\n`,
    ...ir.operations.map((op) => `export * from "./commands/${op.commandName}.js";\n`),
    `export * from "./errors.js";\n`,
    hasPaginators ? `export * from "./paginators.js";\n` : "",
    `export * from "./types.js";\n`,
  ];
  return { path: "index.ts", content: lines.join("") };
}
