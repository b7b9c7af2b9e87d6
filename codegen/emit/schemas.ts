import {
  type BoundsIR,
  RUNTIME_SCHEMAS,
  type SchemaIR,
  type ServiceIR,
  schemaRefs,
} from "../ir.js";
import { type EmitContext, type GeneratedFile, key } from "./text.js";

const TYPE_NAMES = {
  string: "StringSchema",
  number: "NumberSchema",
  boolean: "BooleanSchema",
  timestamp: "TimestampSchema",
  structure: "StructureSchema",
  list: "ListSchema",
  map: "MapSchema",
} as const;

/**
 * The schema of every structure, list, map and constrained simple shape the operations reach:
 * what the runtime serializes, validates and redacts by.
 */
export function emitSchemas(ir: ServiceIR, ctx: EmitContext): GeneratedFile {
  const shared = new Set<string>();
  for (const schema of ir.schemas) {
    for (const ref of schemaRefs(schema)) {
      if ((RUNTIME_SCHEMAS as readonly string[]).includes(ref)) shared.add(ref);
    }
  }
  const types = [...new Set(ir.schemas.map((s) => TYPE_NAMES[s.kind]))].sort();
  const names = [...[...shared].sort(), ...types.map((t) => `type ${t}`)];
  const body = ir.schemas.map(
    (s) => `export const ${s.name}: ${TYPE_NAMES[s.kind]} = ${schemaValue(s)};\n`,
  );
  return {
    path: "schemas.ts",
    content: `import { ${names.join(", ")} } from "${ctx.runtime}/schema.js";\n\n${body.join("")}`,
  };
}

function schemaValue(s: SchemaIR): string {
  const fields = [`kind: "${s.kind}"`];
  switch (s.kind) {
    case "string":
      if (s.length) fields.push(`length: ${bounds(s.length)}`);
      if (s.pattern) fields.push(`pattern: ${regexLiteral(s.pattern)}`);
      break;
    case "number":
      if (s.integer) fields.push("integer: true");
      if (s.range) fields.push(`range: ${bounds(s.range)}`);
      break;
    case "list":
      fields.push(`member: ${s.member}`);
      if (s.length) fields.push(`length: ${bounds(s.length)}`);
      break;
    case "map":
      fields.push(`key: ${s.key}`, `value: ${s.value}`);
      if (s.length) fields.push(`length: ${bounds(s.length)}`);
      break;
    case "structure": {
      const members = s.members.map(([name, ref]) => `    ${key(name)}: ${ref},\n`).join("");
      fields.push(members ? `members: {\n${members}  }` : "members: {}");
      if (s.required.length > 0)
        fields.push(`required: [${s.required.map((m) => JSON.stringify(m)).join(", ")}]`);
      break;
    }
  }
  if (s.sensitive) fields.push("sensitive: true");
  const oneLine = `{ ${fields.join(", ")} }`;
  return oneLine.length <= 80 && !oneLine.includes("\n")
    ? oneLine
    : `{\n${fields.map((f) => `  ${f},\n`).join("")}}`;
}

function bounds(b: BoundsIR): string {
  const parts = [
    ...(b.min !== undefined ? [`min: ${b.min}`] : []),
    ...(b.max !== undefined ? [`max: ${b.max}`] : []),
  ];
  return `{ ${parts.join(", ")} }`;
}

/**
 * A Smithy pattern as a regex literal with the `u` flag (the model uses `\p{L}`-style
 * classes). Literals, unlike `new RegExp`, are compiled once and let bundlers drop unused ones.
 */
export function regexLiteral(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      out += ch + (pattern[i + 1] ?? "");
      i++;
    } else out += ch === "/" ? "\\/" : ch;
  }
  new RegExp(out, "u"); // fails generation, not the user's bundle, if the pattern is invalid
  return `/${out}/u`;
}
