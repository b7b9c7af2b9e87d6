import type { ServiceIR } from "../ir.js";
import { type EmitContext, type GeneratedFile, key, tsdoc } from "./text.js";

/** The service's base exception, one class per modelled error, and the type guard. */
export function emitErrors(ir: ServiceIR, ctx: EmitContext): GeneratedFile {
  const base = ir.baseErrorName;
  const out: string[] = [
    `import { isServiceError, type ModeledErrorOptions, ServiceError } from "${ctx.runtime}/errors.js";\n\n`,
    tsdoc([
      `The base class of every error ${ir.sdkId} returns. Errors whose name the model does not list are of this class, with the name the service sent.`,
      "@public",
    ]),
    `export class ${base} extends ServiceError {\n`,
    "  /** The SDK id of the service the error came from. */\n",
    `  get $service(): ${JSON.stringify(ir.sdkId)} {\n    return ${JSON.stringify(ir.sdkId)};\n  }\n}\n`,
  ];
  for (const e of ir.errors) {
    const members = e.members
      .map(
        (m) =>
          `${tsdoc(m.docs ? [m.docs] : [], "  ")}  declare readonly ${key(m.name)}?: ${m.type};\n`,
      )
      .join("");
    out.push(
      "\n",
      tsdoc([e.docs, "@public"]),
      `export class ${e.name} extends ${base} {\n`,
      `  declare readonly name: "${e.name}";\n`,
      `  declare readonly $fault: "${e.fault}";\n`,
      members,
      "  constructor(options: ModeledErrorOptions) {\n",
      `    super({ ...options, name: "${e.name}", $fault: "${e.fault}" });\n`,
      "  }\n}\n",
    );
  }
  const entries = ir.errors.map((e) => `  ${e.name}: ${e.name};\n`).join("");
  out.push(
    "\n",
    tsdoc(["Every modelled error of the service, by name.", "@public"]),
    `export interface ${ir.errorMapName} {\n${entries}}\n\n`,
    tsdoc([
      `Tells whether \`error\` came from ${ir.sdkId}, and, given a name, whether it is that error. It compares names rather than classes, so it also works across realms and bundle copies.`,
      "@public",
    ]),
    `export function ${ir.guardName}(error: unknown): error is ${base};\n`,
    `export function ${ir.guardName}<N extends keyof ${ir.errorMapName}>(\n  error: unknown,\n  name: N,\n): error is ${ir.errorMapName}[N];\n`,
    `export function ${ir.guardName}(error: unknown, name?: string): boolean {\n`,
    `  return isServiceError(error, ${JSON.stringify(ir.sdkId)}, name);\n}\n`,
  );
  return { path: "errors.ts", content: out.join("") };
}
