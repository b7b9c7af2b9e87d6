import { HttpRequest, type HttpResponse } from "@smithy/core/transport";
import type {
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  FinalizeRequestMiddleware,
  MetadataBearer,
  ResponseMetadata,
  RetryToken,
  SdkError,
} from "@smithy/types";
import { type Clock, systemClock } from "../clock.js";
import type { OperationContext } from "../middleware.js";
import { headerValue } from "../protocol.js";
import { type AbortSignalLike, linkedController, onAbort } from "../signals.js";
import { CLOCK_SKEW_ERRORS, correctedOffset } from "../skew.js";
import { AbortError, TimeoutError } from "../transport/errors.js";
import { Attempt, callOptions } from "./attempt.js";
import { classifyFailure, mayRetry, retryErrorType } from "./classify.js";
import { checkTimeout, type ResolvedRetryConfig } from "./config.js";

/** A call's progress, reported in `$metadata` of its output or error. */
interface Progress {
  attempts: number;
  totalRetryDelay: number;
}

type AttemptOutcome =
  | { readonly ok: true; readonly result: FinalizeHandlerOutput<MetadataBearer> }
  | { readonly ok: false; readonly error: unknown; readonly response: HttpResponse | undefined };

/**
 * Step `finalizeRequest`, high priority: runs the rest of the stack (signing included, so
 * every attempt is signed afresh) once per attempt. Decides which failures may be retried
 * (see `classifyFailure` and `mayRetry`), asks the retry strategy how long to wait, waits in a
 * way an abort cuts short, corrects the signing clock, and reports attempts and retry delay
 * in `$metadata`.
 */
export function retryMiddleware(
  config: ResolvedRetryConfig,
  lifetime: AbortSignal,
): FinalizeRequestMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const { operation } = context as OperationContext;
    const options = callOptions(context);
    // Only a call with its own signal needs a signal of its own; the rest share the client's.
    const call = options?.abortSignal
      ? linkedController([options.abortSignal, lifetime])
      : undefined;
    const signal = call?.controller.signal ?? lifetime;
    const progress: Progress = { attempts: 0, totalRetryDelay: 0 };
    try {
      if (signal.aborted) throw signal.reason;
      const { strategy, requestTimeout } = config.retrySettings();
      const timeout =
        options?.requestTimeout === undefined
          ? requestTimeout
          : checkTimeout(options.requestTimeout);
      const clock: Clock = strategy.clock ?? systemClock;
      const scope = operation.service.sdkId;
      let token: RetryToken = await untilAborted(
        strategy.acquireInitialRetryToken(scope, { abortSignal: signal }),
        signal,
      );
      let clockCorrected = false;
      for (;;) {
        if (signal.aborted) throw signal.reason;
        progress.attempts += 1;
        const offsetUsed = config.systemClockOffset;
        const outcome = await runAttempt(next, args, context, signal, timeout);
        const response = outcome.ok ? (outcome.result.response as HttpResponse) : outcome.response;
        learnClockOffset(config, response);
        if (outcome.ok) {
          strategy.recordSuccess(token);
          recordProgress(outcome.result.output, progress);
          return outcome.result;
        }
        const { error } = outcome;
        if (signal.aborted) throw error;
        // The service refused the signature's time and its Date header showed our clock was
        // off: sign again with the corrected clock, once. Safe for any operation, since a
        // request refused at authentication did nothing.
        const skewed =
          operation.auth !== undefined &&
          CLOCK_SKEW_ERRORS.has(String((error as { name?: unknown })?.name)) &&
          config.systemClockOffset !== offsetUsed;
        if (skewed && !clockCorrected) {
          clockCorrected = true;
          continue;
        }
        const kind = classifyFailure(error);
        if (!mayRetry(kind, operation.retrySafe === true)) throw error;
        const retryAfterHint = retryAfter(response, clock.now());
        try {
          token = await untilAborted(
            strategy.refreshRetryTokenForRetry(token, {
              errorType: retryErrorType(kind),
              error: error as SdkError,
              ...(retryAfterHint ? { retryAfterHint } : {}),
            }),
            signal,
          );
        } catch {
          // The strategy said no (attempts or quota used up): report the failure itself.
          throw error;
        }
        const delay = token.getRetryDelay();
        await clock.sleep(delay, signal);
        // Strategies of the AWS SDK wait inside refreshRetryTokenForRetry and log it here.
        progress.totalRetryDelay += delay + (token.$retryLog?.acquisitionDelay ?? 0);
      }
    } catch (thrown) {
      const error = signal.aborted ? abortError(thrown, signal, options?.abortSignal) : thrown;
      recordProgress(error, progress);
      throw error;
    } finally {
      call?.dispose();
    }
  };
}

/** One pass down the rest of the stack, with its own signal and timer. */
async function runAttempt(
  next: (args: FinalizeHandlerArguments<object>) => Promise<FinalizeHandlerOutput<MetadataBearer>>,
  args: FinalizeHandlerArguments<object>,
  context: object,
  callSignal: AbortSignal,
  timeout: number,
): Promise<AttemptOutcome> {
  const attempt = new Attempt(context, callSignal, timeout);
  try {
    // A fresh copy each time: signing and user middleware add headers to the request.
    const request = HttpRequest.clone(args.request as HttpRequest);
    return { ok: true, result: await next({ ...args, request }) };
  } catch (error) {
    const failure =
      attempt.timedOut && !callSignal.aborted ? timeoutError(error, attempt.timeout) : error;
    return { ok: false, error: failure, response: attempt.response };
  } finally {
    attempt.dispose();
  }
}

/** Rejects as soon as `signal` aborts, whether or not `promise` listens to it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}

function learnClockOffset(config: ResolvedRetryConfig, response: HttpResponse | undefined): void {
  if (response === undefined) return;
  const date = headerValue(response.headers ?? {}, "date");
  config.systemClockOffset = correctedOffset(date, Date.now(), config.systemClockOffset);
}

/** A `Retry-After` header (seconds or an HTTP date) as the time to retry at. */
function retryAfter(response: HttpResponse | undefined, now: number): Date | undefined {
  const value = response && headerValue(response.headers ?? {}, "retry-after");
  if (!value) return undefined;
  const at = /^\d+$/.test(value.trim()) ? now + Number(value) * 1000 : Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** What the handler reported of the response (status, request id) before it failed. */
function responseFields(error: unknown): Partial<ResponseMetadata> {
  const metadata = (error as { $metadata?: Partial<ResponseMetadata> } | null)?.$metadata;
  const fields: Partial<ResponseMetadata> = {};
  if (metadata?.httpStatusCode !== undefined) fields.httpStatusCode = metadata.httpStatusCode;
  if (metadata?.requestId !== undefined) fields.requestId = metadata.requestId;
  return fields;
}

function timeoutError(cause: unknown, timeout: number): TimeoutError {
  return new TimeoutError(timeout, {
    cause,
    $metadata: responseFields(cause),
    bodySnippet: (cause as { bodySnippet?: string } | null)?.bodySnippet,
  });
}

function abortError(
  cause: unknown,
  signal: AbortSignal,
  callerSignal: AbortSignalLike | undefined,
): AbortError {
  const message = callerSignal?.aborted
    ? "The call was aborted through its abortSignal"
    : "The client was destroyed";
  return new AbortError(message, { cause: signal.reason, $metadata: responseFields(cause) });
}

/** Writes the call's attempts and total retry delay into `$metadata` of an output or error. */
function recordProgress(target: unknown, progress: Progress): void {
  if (typeof target !== "object" || target === null) return;
  const bearer = target as { $metadata?: Partial<ResponseMetadata> };
  if (typeof bearer.$metadata === "object" && bearer.$metadata !== null) {
    bearer.$metadata.attempts = progress.attempts;
    bearer.$metadata.totalRetryDelay = progress.totalRetryDelay;
  } else if (classifyFailure(target) !== "not-retryable" && Object.isExtensible(target)) {
    // A raw network error from another request handler: give it the same metadata.
    bearer.$metadata = { ...progress };
  }
}
