import { RUNTIME_SCHEMAS, type SchemaIR, type ServiceIR } from "../ir.js";
import { type EmitContext, type GeneratedFile, key } from "./text.js";

/** The serde schema of every structure, list and map the operations reach. */
export function emitSchemas(ir: ServiceIR, ctx: EmitContext): GeneratedFile {
  const used = new Set<string>();
  const note = (ref: string): string => {
    if ((RUNTIME_SCHEMAS as readonly string[]).includes(ref)) used.add(ref);
    return ref;
  };
  const body = ir.schemas.map(
    (s) => `export const ${s.name}: ${typeOf(s)} = ${schemaValue(s, note)};\n`,
  );
  const runtimeTypes = [...new Set(ir.schemas.map(typeOf))].sort();
  const names = [...[...used].sort(), ...runtimeTypes.map((t) => `type ${t}`)];
  const imports = `import { ${names.join(", ")} } from "${ctx.runtime}/schema.js";\n`;
  return { path: "schemas.ts", content: `${imports}\n${body.join("")}` };
}

function typeOf(s: SchemaIR): string {
  return s.kind === "structure"
    ? "StructureSchema"
    : s.kind === "list"
      ? "ListSchema"
      : "MapSchema";
}

function schemaValue(s: SchemaIR, note: (ref: string) => string): string {
  switch (s.kind) {
    case "structure": {
      if (s.members.length === 0) return `{ kind: "structure", members: {} }`;
      const members = s.members.map(([name, ref]) => `    ${key(name)}: ${note(ref)},\n`).join("");
      return `{\n  kind: "structure",\n  members: {\n${members}  },\n}`;
    }
    case "list":
      return `{ kind: "list", member: ${note(s.member)} }`;
    case "map":
      return `{ kind: "map", value: ${note(s.value)} }`;
  }
}
