import type { HttpRequest, HttpResponse } from "@smithy/protocol-http";
import type { HttpHandlerOptions } from "@smithy/types";
import { type AbortSignalLike, linkedController } from "../signals.js";
import type { RequestHandlerLike } from "../transport/fetch.js";

/**
 * The state of one call, kept beside its execution context (which belongs to
 * `@smithy/types`, so we add nothing to it): the options `send` was given, and the attempt in
 * progress, whose signal the request handler gets.
 */
interface CallState {
  readonly options: HttpHandlerOptions | undefined;
  attempt: Attempt | undefined;
}

const calls = new WeakMap<object, CallState>();

/** Remembers the options `send` was given, for the call that runs with `context`. */
export function bindCall(context: object, options: HttpHandlerOptions | undefined): void {
  calls.set(context, { options, attempt: undefined });
}

/** The options `send` was given for the call that runs with `context`. */
export function callOptions(context: object): HttpHandlerOptions | undefined {
  return calls.get(context)?.options;
}

/**
 * One attempt of a call. Its signal aborts when the call's does or when `timeout` ms have
 * passed; `dispose` clears the timer, so nothing is left to keep a process alive.
 */
export class Attempt {
  /** The response, once the handler returned one (its `Date` header corrects the clock). */
  response: HttpResponse | undefined;
  #timedOut = false;
  readonly #link: ReturnType<typeof linkedController>;
  readonly #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    context: object,
    callSignal: AbortSignalLike,
    readonly timeout: number,
  ) {
    this.#link = linkedController([callSignal]);
    if (timeout > 0 && Number.isFinite(timeout)) {
      this.#timer = setTimeout(() => {
        this.#timedOut = true;
        this.#link.controller.abort();
      }, timeout);
    }
    const state = calls.get(context);
    if (state) state.attempt = this;
  }

  get signal(): AbortSignal {
    return this.#link.controller.signal;
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#link.dispose();
  }
}

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
  const state = calls.get(context);
  const attempt = state?.attempt;
  const abortSignal = attempt?.signal ?? state?.options?.abortSignal;
  const result = await handler.handle(request, abortSignal ? { abortSignal } : {});
  if (attempt) attempt.response = result.response;
  return result;
}
