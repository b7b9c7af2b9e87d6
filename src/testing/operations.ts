import * as generated from "../generated/index.js";
import { service } from "../generated/service.js";
import { ServiceCommand } from "../runtime/command.js";
import type { OperationDefinition } from "../runtime/operation.js";

type CommandClass = new (input: object) => { readonly operation: OperationDefinition };

/**
 * The operations of the generated client, by name: the same definitions (schemas, auth) the
 * client sends with, read from the generated command classes so that the local service and
 * the client can never disagree about which operations exist.
 */
export function generatedOperations(): ReadonlyMap<string, OperationDefinition> {
  const operations = new Map<string, OperationDefinition>();
  for (const value of Object.values(generated)) {
    if (typeof value !== "function" || !(value.prototype instanceof ServiceCommand)) continue;
    const { operation } = new (value as unknown as CommandClass)({});
    if (operation.service === service) operations.set(operation.name, operation);
  }
  return operations;
}
