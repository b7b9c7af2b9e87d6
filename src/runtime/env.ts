/**
 * Reads an environment variable where the runtime has them (Node, Deno, Bun) and returns
 * undefined elsewhere. `globalThis.process` is read at call time so browser bundles neither
 * need a `process` polyfill nor have bundlers replace the expression.
 */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const value = env?.[name];
  return value === undefined || value === "" ? undefined : value;
}
