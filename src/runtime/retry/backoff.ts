/**
 * How long to wait before a retry: exponential backoff with full jitter. The n-th retry
 * (n = 1 for the second attempt) waits a uniformly random time in [0, min(cap, base * 2^(n-1))),
 * so clients that failed together spread out instead of retrying in lockstep.
 */
export interface BackoffSettings {
  /** Base for failures that are not throttling (5xx, dropped connections, timeouts), in ms. */
  readonly base: number;
  /** Base after the service said to slow down (429, TooManyRequestsException), in ms. */
  readonly throttlingBase: number;
  /** No wait is longer than this, in ms, whatever the number of attempts. */
  readonly cap: number;
}

/**
 * 50 ms: transient failures (a host restarting behind the load balancer, a stale pooled
 * connection) usually clear at once, and a user waits on sign-in calls. 1 s for throttling:
 * the service's quotas are per-second buckets, so a shorter wait mostly meets the same empty
 * bucket, and a full second spreads a crowd of clients over one refill. 20 s cap: never
 * reached with the default 3 attempts (the longest ceiling is 2 s), and it keeps a call with a
 * raised `maxAttempts` from waiting minutes between attempts.
 */
export const DEFAULT_BACKOFF: BackoffSettings = { base: 50, throttlingBase: 1000, cap: 20_000 };

/** The upper bound (exclusive) of the wait before retry number `retry` (1 or more). */
export const backoffCeiling = (retry: number, base: number, cap: number): number =>
  Math.min(cap, base * 2 ** (retry - 1));

/** A full-jitter wait in whole milliseconds; `random` returns a number in [0, 1). */
export const fullJitter = (retry: number, base: number, cap: number, random: () => number) =>
  Math.floor(
    Math.min(Math.max(random(), 0), 1 - Number.EPSILON) * backoffCeiling(retry, base, cap),
  );
