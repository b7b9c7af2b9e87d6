import { type BoundsIR, RUNTIME_SCHEMAS, type SchemaIR, type ServiceIR } from "../ir.js";
import { type EmitContext, type GeneratedFile, key } from "./text.js";

/** Schemas the runtime already has a constant for, by the call that would build them. */
const RUNTIME_EQUIVALENTS: Readonly<Record<string, string>> = {
  "sensitive(STRING)": "SECRET_STRING",
  "structure({})": "UNIT",
};

/**
 * The schema of every structure, list, map and constrained simple shape the operations reach:
 * what the runtime serializes, validates and redacts by. Each is a call of the runtime's short
 * constructors; a schema identical to an earlier one (such as the many errors with only a
 * message) is exported again under its own name, so that bundles carry each distinct schema once.
 */
export function emitSchemas(ir: ServiceIR, ctx: EmitContext): GeneratedFile {
  const emittedAs = new Map<string, string>();
  const byValue = new Map(Object.entries(RUNTIME_EQUIVALENTS));
  const used = new Set<string>();
  const refer = (ref: string): string => {
    const name = emittedAs.get(ref) ?? ref;
    if (!name.endsWith("$")) used.add(name);
    return name;
  };
  const body = ir.schemas.map((s) => {
    const value = schemaValue(s, refer, used);
    const same = byValue.get(comparable(value));
    if (same !== undefined) {
      emittedAs.set(s.name, same);
      if (!same.endsWith("$")) used.add(same);
      // A re-export, not a constant: bundlers then see one binding, and emit no alias.
      return `export { ${same} as ${s.name} };\n`;
    }
    byValue.set(comparable(value), s.name);
    return `export const ${s.name} = ${value};\n`;
  });
  const names = [...used].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return {
    path: "schemas.ts",
    content: `import { ${names.join(", ")} } from "${ctx.runtime}/schema.js";\n\n${body.join("")}`,
  };
}

/** A schema's value without layout and annotations, to find identical ones. */
function comparable(value: string): string {
  return value.replaceAll("/* @__PURE__ */ ", "").replace(/\s+/g, "");
}

/** Constants before constructors, so the import line reads like the runtime module. */
function rank(name: string): number {
  return (RUNTIME_SCHEMAS as readonly string[]).includes(name) ? 0 : 1;
}

/** The constructor call that builds the schema, with the references as `refer` names them. */
function schemaValue(s: SchemaIR, refer: (ref: string) => string, used: Set<string>): string {
  const call = (fn: string, args: readonly string[]): string => {
    used.add(fn);
    // Pure: a bundle that never reaches a schema drops its call.
    return `/* @__PURE__ */ ${fn}(${args.join(", ")})`;
  };
  let value: string;
  switch (s.kind) {
    case "string":
      value =
        s.length || s.pattern
          ? call("string", trimmed([...bounds(s.length), s.pattern && regexLiteral(s.pattern)]))
          : refer("STRING");
      break;
    case "number":
      value = s.range
        ? call(s.integer ? "integer" : "number", trimmed(bounds(s.range)))
        : refer(s.integer ? "INTEGER" : "NUMBER");
      break;
    case "boolean":
      value = refer("BOOLEAN");
      break;
    case "timestamp":
      value = refer("TIMESTAMP");
      break;
    case "list":
      value = call("list", trimmed([refer(s.member), ...bounds(s.length)]));
      break;
    case "map":
      value = call("map", trimmed([refer(s.key), refer(s.value), ...bounds(s.length)]));
      break;
    case "structure": {
      const members = s.members.map(([name, ref]) => `${key(name)}: ${refer(ref)}`);
      const oneLine = `{ ${members.join(", ")} }`;
      const object =
        members.length === 0
          ? "{}"
          : oneLine.length <= 70
            ? oneLine
            : `{\n${members.map((m) => `  ${m},\n`).join("")}}`;
      const required = s.required.map((m) => JSON.stringify(m));
      value = call("structure", required.length ? [object, `[${required.join(", ")}]`] : [object]);
      break;
    }
  }
  return s.sensitive ? call("sensitive", [value]) : value;
}

function bounds(b: BoundsIR | undefined): (string | undefined)[] {
  return b ? [b.min?.toString(), b.max?.toString()] : [];
}

/** The arguments without trailing unset ones; unset ones before a set one become `undefined`. */
function trimmed(args: readonly (string | undefined)[]): string[] {
  const out = args.map((a) => a ?? "undefined");
  while (out.length > 0 && out[out.length - 1] === "undefined") out.pop();
  return out;
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
