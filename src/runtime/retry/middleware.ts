import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  FinalizeHandlerOutput,
  FinalizeRequestMiddleware,
  HttpRequest,
  HttpResponse,
  MetadataBearer,
  SdkError,
} from "@smithy/types";
import { systemClock } from "../clock.js";
import type { OperationContext } from "../middleware.js";
import { cloneRequest, headerValue } from "../protocol.js";
import { linkedController, untilAborted } from "../signals.js";
import { AbortError, TimeoutError } from "../transport/errors.js";
import { type CallState, callState } from "./attempt.js";
import { classifyFailure, mayRetry, retryErrorType } from "./classify.js";
import { checkTimeout, type ResolvedRetryConfig } from "./config.js";

/** A call's progress, reported in `$metadata` of its output or error. */
interface Progress {
  attempts: number;
  totalRetryDelay: number;
}

/**
 * Step `finalizeRequest`, high priority: runs the rest of the stack (signing included, so
 * every attempt is signed afresh) once per attempt. Decides which failures may be retried
 * (see `classifyFailure` and `mayRetry`), asks the retry strategy how long to wait, waits in a
 * way an abort cuts short, and reports attempts and retry delay in `$metadata`.
 */
export function retryMiddleware(
  config: ResolvedRetryConfig,
  lifetime: AbortSignal,
): FinalizeRequestMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const { operation } = context as OperationContext;
    const call = callState(context);
    const callerSignal = call.options?.abortSignal;
    // Only a call with its own signal needs a signal of its own; the rest share the client's.
    const [controller, unlink] = callerSignal
      ? linkedController([callerSignal, lifetime])
      : [undefined, () => {}];
    const signal = controller?.signal ?? lifetime;
    const progress: Progress = { attempts: 0, totalRetryDelay: 0 };
    try {
      if (signal.aborted) throw signal.reason;
      const { strategy, requestTimeout } = config.retrySettings();
      const timeout = checkTimeout(call.options?.requestTimeout ?? requestTimeout);
      const clock = strategy.clock ?? systemClock;
      let token = await untilAborted(
        strategy.acquireInitialRetryToken(operation.service.sdkId, { abortSignal: signal }),
        signal,
      );
      for (;;) {
        if (signal.aborted) throw signal.reason;
        const [result, error] = await runAttempt(next, args, call, signal, timeout, progress);
        if (result) {
          strategy.recordSuccess(token);
          recordProgress(result.output, progress);
          return result;
        }
        if (signal.aborted) throw error;
        const kind = classifyFailure(error);
        if (!mayRetry(kind, operation.retrySafe === true)) throw error;
        const retryAfterHint = retryAfter(call.response, clock.now());
        try {
          token = await untilAborted(
            strategy.refreshRetryTokenForRetry(token, {
              errorType: retryErrorType(kind),
              error: error as SdkError,
              ...(retryAfterHint && { retryAfterHint }),
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
      const error = signal.aborted
        ? new AbortError(
            callerSignal?.aborted
              ? "The call was aborted through its abortSignal"
              : "The client was destroyed",
            { cause: signal.reason, $metadata: Object(thrown).$metadata },
          )
        : thrown;
      recordProgress(error, progress);
      throw error;
    } finally {
      unlink();
    }
  };
}

/**
 * One pass down the rest of the stack, with its own signal and timer: `[result]` or
 * `[, error]`. Counts as an attempt, and so does each request an auth scheme sends again.
 */
async function runAttempt(
  next: FinalizeHandler<object, MetadataBearer>,
  args: FinalizeHandlerArguments<object>,
  call: CallState,
  callSignal: AbortSignal,
  timeout: number,
  progress: Progress,
): Promise<[FinalizeHandlerOutput<MetadataBearer> | undefined, unknown?]> {
  // The attempt's own signal, which the request handler gets: it aborts with the call's, or
  // when the timeout fires.
  const [attempt, unlink] = linkedController([callSignal]);
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Starts the attempt; an auth scheme that sends the request again starts another.
  call.resend = () => {
    progress.attempts += 1;
    call.response = undefined;
    clearTimeout(timer);
    if (timeout > 0 && timeout < Infinity) {
      timer = setTimeout(() => {
        timedOut = true;
        attempt.abort();
      }, timeout);
    }
  };
  call.resend();
  call.signal = attempt.signal;
  try {
    // A fresh copy each time: signing and user middleware add headers to the request.
    return [await next({ ...args, request: cloneRequest(args.request as HttpRequest) })];
  } catch (thrown) {
    if (!timedOut || callSignal.aborted) return [undefined, thrown];
    // What the handler knew of the response (status, request id, body) stays on the error.
    const { $metadata, bodySnippet } = Object(thrown);
    return [undefined, new TimeoutError(timeout, { cause: thrown, $metadata, bodySnippet })];
  } finally {
    clearTimeout(timer);
    unlink();
  }
}

/** A `Retry-After` header (seconds or an HTTP date) as the time to retry at. */
function retryAfter(response: HttpResponse | undefined, now: number): Date | undefined {
  const value = response && headerValue(response.headers ?? {}, "retry-after");
  if (!value) return undefined;
  const at = /^\d+$/.test(value.trim()) ? now + Number(value) * 1000 : Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** Writes the call's attempts and total retry delay into `$metadata` of an output or error. */
function recordProgress(target: unknown, progress: Progress): void {
  const bearer = Object(target);
  if (typeof bearer.$metadata === "object" && bearer.$metadata !== null) {
    Object.assign(bearer.$metadata, progress);
  } else if (classifyFailure(target) !== "not-retryable" && Object.isExtensible(target)) {
    // A raw network error from another request handler: give it the same metadata.
    bearer.$metadata = { ...progress };
  }
}
