import type { OperationIR, ServiceIR } from "../ir.js";
import { type EmitContext, type GeneratedFile, literal, tsdoc } from "./text.js";

/** One async iterator of pages per paginated operation. */
export function emitPaginators(ir: ServiceIR, ctx: EmitContext): GeneratedFile | undefined {
  const ops = ir.operations.filter((op) => op.paginated);
  if (ops.length === 0) return undefined;
  const imports = ops
    .map(
      (op) =>
        `import { ${op.commandName}, type ${op.commandName}Input, type ${op.commandName}Output } from "./commands/${op.commandName}.js";\n`,
    )
    .join("");
  const functions = ops.map((op) => {
    const p = op.paginated!;
    const controlled = [p.inputToken, p.pageSize].filter(Boolean).map((m) => literal(m));
    // A default page size comes only with a page size member.
    const spec = [
      op.commandName,
      literal(p.inputToken),
      literal(p.outputToken),
      ...(p.pageSize ? [literal(p.pageSize)] : []),
      ...(p.defaultPageSize !== undefined ? [`${p.defaultPageSize}`] : []),
    ];
    const pageSizeNote = p.pageSize
      ? `\`config.pageSize\` sets ${p.pageSize}${p.defaultPageSize !== undefined ? ` (default ${p.defaultPageSize})` : ""}; `
      : "";
    return (
      tsdoc([
        `Iterates over every page of {@link ${op.commandName}}${p.items ? `; the items of a page are in \`${p.items}\`` : ""}.`,
        `${pageSizeNote}\`config.startingToken\` resumes from an earlier page's ${p.outputToken}. The input object is never modified.`,
        "@public",
      ]) +
      `export function paginate${op.name}(\n` +
      `  config: PaginationConfiguration<${ir.clientName}>,\n` +
      `  input: PageInput<${op.commandName}Input, ${controlled.join(" | ")}>${onlyControlledRequired(op) ? " = {}" : ""},\n` +
      `): AsyncGenerator<${op.commandName}Output, undefined, undefined> {\n` +
      `  return paginate(config, input as ${op.commandName}Input, ${spec.join(", ")});\n}\n`
    );
  });
  const content =
    `import { type PageInput, type PaginationConfiguration, paginate } from "${ctx.runtime}/paginate.js";\n` +
    `import type { ${ir.clientName} } from "./client.js";\n` +
    imports +
    "\n" +
    functions.join("\n");
  return { path: "paginators.ts", content };
}

/** True when the only required input members are the ones the paginator fills in. */
function onlyControlledRequired(op: OperationIR): boolean {
  const p = op.paginated!;
  const filled = new Set([p.inputToken, ...(p.defaultPageSize !== undefined ? [p.pageSize] : [])]);
  return op.requiredInput.every((member) => filled.has(member));
}
