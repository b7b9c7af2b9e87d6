/** The slice of a client package the workers use; both packages export these names. */
export interface Sdk {
  CognitoIdentityClient: new (config: object) => Client;
  GetIdCommand: new (input: object) => unknown;
  DescribeIdentityPoolCommand: new (input: object) => unknown;
  paginateListIdentityPools(
    config: { client: Client; pageSize?: number },
    input: object,
  ): AsyncIterable<{ IdentityPools?: unknown[] }>;
}

export interface Client {
  send(command: unknown): Promise<any>;
  destroy(): void;
}

/** Imports a client package by name; CommonJS packages may arrive as a default export. */
export async function loadSdk(specifier: string): Promise<Sdk> {
  const module = await import(specifier);
  return (module.GetIdCommand ? module : module.default) as Sdk;
}

/** Throws unless `ok`, so a wrong parse fails the run instead of timing garbage. */
export function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`check failed: ${what}`);
}
