import { emitAggregate, emitClient } from "./emit/clients.js";
import { emitCommands } from "./emit/commands.js";
import { emitEndpoints } from "./emit/endpoints.js";
import { emitErrors } from "./emit/errors.js";
import { emitIndex } from "./emit/index.js";
import { emitPaginators } from "./emit/paginators.js";
import { emitSchemas } from "./emit/schemas.js";
import { emitService } from "./emit/service.js";
import type { EmitContext, GeneratedFile } from "./emit/text.js";
import { emitTypes } from "./emit/types.js";
import type { ServiceIR } from "./ir.js";
import type { LoadedModel } from "./load.js";
import { resolveService } from "./resolve.js";

/** Runs every emitter over a loaded model and returns the files, sorted by path. */
export function generate(model: LoadedModel, ctx: EmitContext): GeneratedFile[] {
  const ir: ServiceIR = resolveService(model);
  const paginators = emitPaginators(ir, ctx);
  const files = [
    emitTypes(ir),
    emitSchemas(ir, ctx),
    emitErrors(ir, ctx),
    emitService(ir, ctx),
    emitEndpoints(ir, ctx),
    ...emitCommands(ir, ctx),
    emitClient(ir, ctx),
    emitAggregate(ir),
    ...(paginators ? [paginators] : []),
    emitIndex(ir, paginators !== undefined),
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
