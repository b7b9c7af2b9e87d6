import type { RetryErrorType } from "@smithy/types";
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
const THROTTLING_NAMES = new Set([
  "TooManyRequestsException",
  "ThrottlingException",
  "Throttling",
  "ThrottledException",
  "RequestThrottledException",
  "RequestThrottled",
  "RequestLimitExceeded",
  "SlowDown",
  "BandwidthLimitExceeded",
  "ProvisionedThroughputExceededException",
]);

/** Codes of failures that happen before a single byte of the request is sent. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Codes of failures of a connection that may already have carried the request. */
const SENT_UNKNOWN_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNABORTED",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

export function classifyFailure(error: unknown): FailureKind {
  if (typeof error !== "object" || error === null) return "not-retryable";
  const { name, $fault, $metadata } = error as {
    name?: unknown;
    $fault?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const status = typeof $metadata?.httpStatusCode === "number" ? $metadata.httpStatusCode : -1;
  switch (name) {
    case "AbortError":
    case "ResponseTooLargeError":
      return "not-retryable";
    case "TimeoutError":
      return "sent-unknown";
    case "NetworkError":
      // Once the status line arrived the request had surely been received.
      if (status >= 0) return "sent-unknown";
      return NOT_SENT_CODES.has(errorCode(error) ?? "") ? "transient" : "sent-unknown";
  }
  if (status >= 0) {
    if (THROTTLING_NAMES.has(String(name)) || status === 429) return "throttling";
    // A 2xx that still failed: the body was unreadable, but the service did the work.
    if (status >= 200 && status < 300) return "sent-unknown";
    if (status >= 500 || $fault === "server") return "server";
    return "not-retryable";
  }
  // Errors of other request handlers (NodeHttpHandler, say) carry the socket's code.
  const code = errorCode(error) ?? "";
  if (NOT_SENT_CODES.has(code)) return "transient";
  if (SENT_UNKNOWN_CODES.has(code)) return "sent-unknown";
  return "not-retryable";
}

/**
 * The rule that keeps retries from doing anything twice: a failure that may have reached the
 * service is retried only for operations that are safe to repeat (`@readonly`, `@idempotent`);
 * throttling and requests that never left are retried for every operation.
 */
export function mayRetry(kind: FailureKind, retrySafe: boolean): boolean {
  switch (kind) {
    case "throttling":
    case "transient":
      return true;
    case "server":
    case "sent-unknown":
      return retrySafe;
    case "not-retryable":
      return false;
  }
}

/**
 * The `@smithy/types` name of a kind, as retry strategies expect it. A 5xx is `TRANSIENT`, as
 * the AWS SDK's own retry middleware reports it: its strategies retry only `TRANSIENT` and
 * `THROTTLING`. (Whether it may be retried at all was decided before a strategy is asked.)
 */
export function retryErrorType(kind: FailureKind): RetryErrorType {
  switch (kind) {
    case "throttling":
      return "THROTTLING";
    case "server":
    case "transient":
    case "sent-unknown":
      return "TRANSIENT";
    case "not-retryable":
      return "CLIENT_ERROR";
  }
}
