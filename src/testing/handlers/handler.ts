import type { ServiceState } from "../state.js";

/**
 * The behaviour of one operation: its parsed, already validated input in, its output out
 * (nothing for operations whose output is empty). Errors are thrown as `ServiceError`.
 */
export type Handler<Input, Output> = (input: Input, state: ServiceState) => Output;
