import type { RetryErrorType } from "@smithy/types";
import { platform } from "#platform";
import { errorCode } from "../transport/errors.js";

/**
 * What a failed attempt tells about retrying it:
 * - `throttling`: the service refused the request to slow the client down; it did nothing.
 * - `transient`: the request never left (connection refused, host not found).
 * - `server`: the service (or a proxy in front of it) answered 5xx; it may have done part of
 *   the work.
 * - `sent-unknown`: the request may have reached the service and nobody knows what happened
 *   (timeout, connection reset or closed, a 2xx whose body could not be read).
 * - `not-retryable`: repeating would fail the same way (4xx, validation, aborts, bugs).
 */
export type FailureKind = "throttling" | "transient" | "server" | "sent-unknown" | "not-retryable";

/**
 * Error names that mean "slow down" across AWS services. LimitExceededException is not one:
 * in this family of services it reports a quota (too many pools, say) that waiting does not
 * lift, so it is never retried.
 */
const THROTTLING_NAMES = new Set(
  "TooManyRequestsException ThrottlingException Throttling ThrottledException RequestThrottledException RequestThrottled RequestLimitExceeded SlowDown BandwidthLimitExceeded ProvisionedThroughputExceededException".split(
    " ",
  ),
);

export function classifyFailure(error: unknown): FailureKind {
  const { name, $fault, $metadata } = Object(error);
  const status = $metadata?.httpStatusCode;
  if (name === "AbortError" || name === "ResponseTooLargeError") return "not-retryable";
  if (name === "TimeoutError") return "sent-unknown";
  // Before the status line arrived the socket's code tells whether the request left. Errors of
  // other request handlers (NodeHttpHandler, say) carry it too.
  if (typeof status !== "number") {
    const code = errorCode(error) as string;
    const sockets = platform.socketCodes;
    if (sockets?.notSent.has(code)) return "transient";
    return name === "NetworkError" || sockets?.sentUnknown.has(code)
      ? "sent-unknown"
      : "not-retryable";
  }
  // Once it arrived the request had surely been received.
  if (name === "NetworkError") return "sent-unknown";
  if (THROTTLING_NAMES.has(name) || status === 429) return "throttling";
  // A 2xx that still failed: the body was unreadable, but the service did the work.
  if (status >= 200 && status < 300) return "sent-unknown";
  return status >= 500 || $fault === "server" ? "server" : "not-retryable";
}

/**
 * The rule that keeps retries from doing anything twice: a failure that may have reached the
 * service is retried only for operations that are safe to repeat (`@readonly`, `@idempotent`);
 * throttling and requests that never left are retried for every operation.
 */
export const mayRetry = (kind: FailureKind, retrySafe: boolean): boolean =>
  kind === "throttling" || kind === "transient" || (retrySafe && kind !== "not-retryable");

/**
 * The `@smithy/types` name of a kind, as retry strategies expect it. A 5xx is `TRANSIENT`, as
 * the AWS SDK's own retry middleware reports it: its strategies retry only `TRANSIENT` and
 * `THROTTLING`. (Whether it may be retried at all was decided before a strategy is asked.)
 */
export const retryErrorType = (kind: FailureKind): RetryErrorType =>
  kind === "throttling" ? "THROTTLING" : kind === "not-retryable" ? "CLIENT_ERROR" : "TRANSIENT";
