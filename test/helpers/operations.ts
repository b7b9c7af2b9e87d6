import fc from "fast-check";
import * as sdk from "../../src/index.js";
import { toWire } from "../../src/runtime/json-codec.js";
import type { OperationDefinition } from "../../src/runtime/operation.js";
import { arbitraryFor } from "./arbitraries.js";

export interface OperationEntry {
  readonly name: string;
  readonly Command: new (input: any) => any;
  readonly operation: OperationDefinition;
}

/** Every command the package exports, with the operation definition the runtime sends by. */
export const allOperations: readonly OperationEntry[] = Object.entries(sdk)
  .filter(([name, value]) => name.endsWith("Command") && typeof value === "function")
  .map(([name, value]) => {
    const Command = value as new (input: any) => { operation: OperationDefinition };
    return {
      name: name.slice(0, -"Command".length),
      Command,
      operation: new Command({}).operation,
    };
  })
  .sort((a, b) => (a.name < b.name ? -1 : 1));

/**
 * A 200 body the operation accepts: a sample of its output schema in wire form, so outputs
 * with required members (an identity pool) are complete.
 */
export function validOutputBody(operation: OperationDefinition, seed = 3): string {
  const [output] = fc.sample(arbitraryFor(operation.output), { numRuns: 1, seed });
  return JSON.stringify(toWire(output, operation.output));
}
