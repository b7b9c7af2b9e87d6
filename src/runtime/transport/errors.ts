import type { ResponseMetadata } from "@smithy/types";

export interface RequestFailureOptions {
  /** What is known of the response: status and request id once its headers arrived. */
  $metadata?: Partial<ResponseMetadata> | undefined;
  /** The start of the response body, when part of one arrived. */
  bodySnippet?: string | undefined;
  cause?: unknown;
}

/**
 * An attempt that ended without a complete response. Unlike service errors these have no
 * `$fault` (nobody is known to be at fault) but carry the same `$metadata`, with the status
 * and request id when the response had started.
 */
export abstract class RequestFailure extends Error {
  // Fields the constructors set are `declare`d, so the build emits no empty definitions.
  declare readonly $metadata: ResponseMetadata;
  declare readonly bodySnippet: string | undefined;

  constructor(message: string, { $metadata, bodySnippet, cause }: RequestFailureOptions = {}) {
    const { httpStatusCode: status, requestId } = $metadata ?? {};
    const id = requestId === undefined ? "" : `, request id ${requestId}`;
    super(
      message +
        (status === undefined ? "" : ` (HTTP ${status}${id})`) +
        (bodySnippet ? `: ${bodySnippet}` : ""),
      { cause },
    );
    this.$metadata = { attempts: 1, totalRetryDelay: 0, ...$metadata };
    this.bodySnippet = bodySnippet;
  }
}

/** The connection failed: refused, reset, closed early, or the host was not found. */
export class NetworkError extends RequestFailure {
  override readonly name = "NetworkError";
  /** The platform's error code, such as `ECONNREFUSED`, when it gives one (browsers do not). */
  declare readonly code: string | undefined;

  constructor(message: string, options: RequestFailureOptions & { code?: string | undefined }) {
    super(message, options);
    this.code = options.code;
  }
}

/** An attempt got no complete response within `requestTimeout` milliseconds. */
export class TimeoutError extends RequestFailure {
  override readonly name = "TimeoutError";
  declare readonly timeout: number;

  constructor(timeout: number, options?: RequestFailureOptions) {
    super(`No complete response within ${timeout} ms`, options);
    this.timeout = timeout;
  }
}

/** The call was cancelled through its `abortSignal`, or its client was destroyed. */
export class AbortError extends RequestFailure {
  override readonly name = "AbortError";
}

/** The response body was larger than the request handler's `maxResponseBytes`. */
export class ResponseTooLargeError extends RequestFailure {
  override readonly name = "ResponseTooLargeError";
  declare readonly limit: number;

  constructor(limit: number, options?: RequestFailureOptions) {
    super(`The response body is larger than the limit of ${limit} bytes`, options);
    this.limit = limit;
  }
}

/**
 * The code of a platform network error, such as `ECONNRESET`. fetch in Node wraps it in
 * `cause` (sometimes in an AggregateError's `errors`); other handlers put it on the error.
 */
export function errorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 4) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string") return code;
  return errorCode(cause, depth + 1) ?? errorCode(Array.isArray(errors) && errors[0], depth + 1);
}
