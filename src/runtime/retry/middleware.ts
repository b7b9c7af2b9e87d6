import type {
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
import { AbortError, type RequestFailureOptions, TimeoutError } from "../transport/errors.js";
import { callState } from "./attempt.js";
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
    const [controller, unlink] = callerSignal ? linkedController([callerSignal, lifetime]) : [];
    const signal = controller?.signal ?? lifetime;
    const progress: Progress = { attempts: 0, totalRetryDelay: 0 };
    let stopAttempt: (() => void) | undefined;
    try {
      if (signal.aborted) throw signal.reason;
      const { strategy, requestTimeout } = config.retrySettings();
      const timeout = checkTimeout(call.options?.requestTimeout ?? requestTimeout);
      const clock = strategy.clock ?? systemClock;
      // Starts an attempt, with a signal of its own for the request handler: it aborts with
      // the call's, or when the timeout fires. An auth scheme that sends again starts another.
      call.resend = () => {
        stopAttempt?.();
        progress.attempts += 1;
        call.response = undefined;
        const [attempt, stop] = linkedController([signal], timeout);
        call.signal = attempt.signal;
        stopAttempt = stop;
      };
      let token = await untilAborted(
        strategy.acquireInitialRetryToken(operation.service.sdkId, { abortSignal: signal }),
        signal,
      );
      for (;;) {
        if (signal.aborted) throw signal.reason;
        call.resend();
        let result: FinalizeHandlerOutput<MetadataBearer> | undefined;
        let error: unknown;
        try {
          // A fresh copy each time: signing and user middleware add headers to the request.
          result = await next({ ...args, request: cloneRequest(args.request as HttpRequest) });
        } catch (thrown) {
          error = thrown;
        }
        stopAttempt?.();
        if (result) {
          strategy.recordSuccess(token);
          recordProgress(result.output, progress);
          return result;
        }
        if (signal.aborted) throw error;
        if (call.signal?.aborted) {
          // Only the timeout aborts an attempt alone. What the handler knew of the response
          // (status, request id, body) stays on the error.
          error = new TimeoutError(timeout, { ...(error as RequestFailureOptions), cause: error });
        }
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
      unlink?.();
    }
  };
}

/** A `Retry-After` header (seconds or an HTTP date) as the time to retry at. */
function retryAfter(response: HttpResponse | undefined, now: number): Date | undefined {
  const value = response && headerValue(response.headers ?? {}, "retry-after");
  // A date is not a number, and NaN (unreadable) or 0 (the epoch) is no hint.
  const at = value && (now + Number(value) * 1000 || Date.parse(value));
  return at ? new Date(at) : undefined;
}

/** Writes the call's attempts and total retry delay into `$metadata` of an output or error. */
function recordProgress(target: unknown, progress: Progress): void {
  const bearer = Object(target);
  const { $metadata } = bearer;
  if ($metadata && typeof $metadata === "object") Object.assign($metadata, progress);
  // A raw network error from another request handler: give it the same metadata (unless it
  // is frozen).
  else if (classifyFailure(target) !== "not-retryable") {
    Reflect.set(bearer, "$metadata", { ...progress });
  }
}
