import { ConfigurationError } from "./errors.js";

/**
 * Reads an environment variable where the runtime has them (Node, Deno, Bun) and returns
 * undefined elsewhere. `globalThis.process` is read at call time so browser bundles neither
 * need a `process` polyfill nor have bundlers replace the expression.
 */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  // An empty variable counts as unset.
  return env?.[name] || undefined;
}

/** Reads a `true`/`false` variable (any case); anything else is a configuration error. */
export function readBooleanEnv(name: string): boolean | undefined {
  const value = readEnv(name);
  const lower = value?.toLowerCase();
  if (lower !== undefined && lower !== "true" && lower !== "false") {
    throw new ConfigurationError(name, `${name} must be "true" or "false", not "${value}".`);
  }
  return lower === undefined ? undefined : lower === "true";
}

/**
 * Calls `read` once, on first use, and keeps its promise: a client reads the environment (and
 * config files) once, not on every call. A rejection is not kept, so a fixed cause can succeed.
 */
export function once<T>(read: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (kept === undefined) {
      kept = read();
      kept.catch(() => {
        kept = undefined;
      });
    }
    return kept;
  };
}
