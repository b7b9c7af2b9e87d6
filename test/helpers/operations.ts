import * as sdk from "../../src/index.js";
import type { OperationDefinition } from "../../src/runtime/operation.js";

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
