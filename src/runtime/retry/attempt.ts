import type { HttpHandlerOptions, HttpRequest, HttpResponse } from "@smithy/types";
import type { RequestHandlerLike } from "../transport/fetch.js";

/**
 * The state of one call, kept beside its execution context (which belongs to
 * `@smithy/types`, so we add nothing to it): the options `send` was given, and the signal and
 * response of the attempt in progress, which the retry middleware sets and reads.
 */
export interface CallState {
  readonly options?: HttpHandlerOptions | undefined;
  signal?: AbortSignal | undefined;
  response?: HttpResponse | undefined;
  /**
   * Set by the retry middleware: an auth scheme about to send the attempt's request again
   * calls it, so the new request counts as an attempt, with a timeout of its own.
   */
  resend?: (() => void) | undefined;
  /** The auth scheme already re-signed a request of this call for a corrected clock. */
  clockCorrected?: boolean | undefined;
}

const calls = new WeakMap<object, CallState>();

/** Remembers the options `send` was given, for the call that runs with `context`. */
export function bindCall(context: object, options: HttpHandlerOptions | undefined): void {
  calls.set(context, { options });
}

/** The state of the call that runs with `context`. */
export const callState = (context: object): CallState => calls.get(context) ?? {};

/**
 * The end of the middleware stack: hands the request to the handler with the signal of the
 * attempt in progress (or the caller's, if the retry middleware was removed), and keeps the
 * response for the retry middleware.
 */
export async function sendAttempt(
  handler: RequestHandlerLike,
  request: HttpRequest,
  context: object,
): Promise<{ response: HttpResponse }> {
  const state = callState(context);
  const abortSignal = state.signal ?? state.options?.abortSignal;
  const result = await handler.handle(request, abortSignal ? { abortSignal } : {});
  state.response = result.response;
  return result;
}
