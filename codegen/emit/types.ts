import type { EnumIR, ServiceIR, StructureIR } from "../ir.js";
import { type GeneratedFile, key, literal, tsdoc } from "./text.js";

/** Shape types: one interface per structure and a const object plus union per enum. */
export function emitTypes(ir: ServiceIR): GeneratedFile {
  const parts = [...ir.enums.map(emitEnum), ...ir.structures.map(emitStructure)];
  return { path: "types.ts", content: parts.join("\n") };
}

function emitEnum(e: EnumIR): string {
  const values = e.values
    .map((v) => `${tsdoc(v.docs ? [v.docs] : [], "  ")}  ${key(v.key)}: ${literal(v.value)},\n`)
    .join("");
  const open = e.numeric ? "number" : "string";
  return (
    tsdoc([e.docs, "@public"]) +
    `export const ${e.name} = {\n${values}} as const;\n\n` +
    tsdoc([
      `The known values of ${e.name}. Fields of this type also accept any other ${open}, so values the service adds later still fit.`,
      "@public",
    ]) +
    `export type ${e.name} = (typeof ${e.name})[keyof typeof ${e.name}];\n`
  );
}

function emitStructure(s: StructureIR): string {
  const members = s.members
    .map((m) => {
      const optional = m.required ? "" : "?";
      const type = m.required ? m.type : `${m.type} | undefined`;
      return `${tsdoc(m.docs ? [m.docs] : [], "  ")}  ${key(m.name)}${optional}: ${type};\n`;
    })
    .join("");
  return `${tsdoc([s.docs, "@public"])}export interface ${s.name} {\n${members}}\n`;
}
