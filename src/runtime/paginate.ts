import type { MetadataBearer } from "@smithy/types";

/** The options of every generated paginator. */
export interface PaginationConfiguration<C> {
  /** The client that sends the requests: the bare client or the aggregated one. */
  client: C;
  /** The number of items to ask for per page. */
  pageSize?: number | undefined;
  /** The token to start from, as returned by an earlier page. */
  startingToken?: string | undefined;
  /** Stops the iteration, and the request in flight, when aborted. */
  abortSignal?: AbortSignal | undefined;
}

interface Sender {
  send(command: any, options?: { abortSignal?: AbortSignal }): Promise<any>;
}

/**
 * Yields one page after another until the service returns no token, an empty token or the
 * token it was just sent (a service that repeats a token would otherwise loop forever).
 * The caller's input is never modified: each page is requested with a fresh copy.
 * `inputToken`, `outputToken` and `pageSizeMember` name the members that carry the page token
 * and page size; `defaultPageSize` is sent when that member is required and the caller gave none.
 */
export async function* paginate<Input extends object, Output extends MetadataBearer>(
  config: PaginationConfiguration<Sender>,
  input: Input,
  Command: new (input: Input) => unknown,
  inputToken: string,
  outputToken: string,
  pageSizeMember?: string,
  defaultPageSize?: number,
): AsyncGenerator<Output, undefined, undefined> {
  const base = input as Record<string, unknown>;
  let token: unknown = config.startingToken ?? base[inputToken];
  const pageSize =
    config.pageSize ?? (pageSizeMember ? base[pageSizeMember] : undefined) ?? defaultPageSize;
  const options = config.abortSignal ? { abortSignal: config.abortSignal } : undefined;
  for (;;) {
    const pageInput: Record<string, unknown> = { ...base };
    if (token !== undefined) pageInput[inputToken] = token;
    if (pageSizeMember && pageSize !== undefined) pageInput[pageSizeMember] = pageSize;
    const page = (await config.client.send(new Command(pageInput as Input), options)) as Output;
    yield page;
    const next = (page as Record<string, unknown>)[outputToken];
    if (next === undefined || next === null || next === "" || next === token) return;
    token = next;
  }
}

/** A paginated operation's input with the members the paginator fills in made optional. */
export type PageInput<Input, Controlled extends keyof Input> = Omit<Input, Controlled> &
  Partial<Pick<Input, Controlled>>;
