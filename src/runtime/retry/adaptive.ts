/**
 * The client-side rate limiter of the `adaptive` retry mode: additive increase, multiplicative
 * decrease (AIMD), the scheme TCP uses to share a link.
 *
 * - It lets everything through until the service throttles a request.
 * - On each throttling response it halves the allowed rate (starting from the rate the client
 *   was actually sending at), never below `minRate`.
 * - The allowed rate then climbs back in a straight line to where it was before the cut,
 *   over `recoveryMs`; the first success after that turns the limiter off again.
 * - Sends are spaced by a token bucket that holds one token, so there are no bursts while
 *   limited. Callers reserve a send and wait the time it returns.
 *
 * It reads no clock of its own: every method takes the time, so tests drive it exactly.
 */
export interface RateLimiterSettings {
  /** The factor the rate is multiplied by on throttling. */
  readonly decrease: number;
  /** How long the rate takes to climb back to where it was before the last cut, in ms. */
  readonly recoveryMs: number;
  /** The lowest allowed rate, in requests per second. */
  readonly minRate: number;
}

/**
 * Halving is the classic AIMD cut: it finds the service's limit in a few steps from any
 * starting rate. Ten seconds to recover spans several of the service's one-second quota
 * windows, so the client does not throttle itself straight back into the limit. Half a
 * request per second keeps even a heavily throttled client making progress.
 */
export const DEFAULT_RATE_LIMITER: RateLimiterSettings = {
  decrease: 0.5,
  recoveryMs: 10_000,
  minRate: 0.5,
};

export interface RateLimiter {
  readonly settings: RateLimiterSettings;
  /** Whether sends are being spaced out at the moment. */
  readonly limiting: boolean;
  /** The allowed rate at `now`, in requests per second (Infinity while not limiting). */
  rate(now: number): number;
  /** Books one send for time `at`; returns how many ms after `at` it may go. */
  reserve(at: number): number;
  /** The service throttled a request at `now`: cut the rate. */
  throttled(now: number): void;
  /** A request succeeded at `now`: once the rate has fully recovered, stop limiting. */
  succeeded(now: number): void;
}

/** A rate limiter with the default settings, or with some of them replaced. */
export function rateLimiter(overrides?: Partial<RateLimiterSettings>): RateLimiter {
  const settings = { ...DEFAULT_RATE_LIMITER, ...overrides };
  const { decrease, recoveryMs, minRate } = settings;
  let limiting = false;
  // The rate right after the last cut, and the rate before it (requests per second).
  let floor = 0;
  let ceiling = 0;
  let cutAt = 0;
  let tokens = 0;
  let refilledAt = 0;
  // The send rate over the last second, from two one-second counters (a sliding-window
  // estimate that needs no list of timestamps).
  let windowStart = 0;
  let current = 0;
  let previous = 0;

  const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
  const roll = (now: number) => {
    const start = Math.floor(now / 1000) * 1000;
    if (start > windowStart) {
      previous = start - windowStart === 1000 ? current : 0;
      current = 0;
      windowStart = start;
    }
  };
  const rate = (now: number) =>
    limiting ? floor + (ceiling - floor) * clamp01((now - cutAt) / recoveryMs) : Infinity;
  // A bucket of one token at most, so there are no bursts while limited.
  const refill = (at: number) => {
    tokens = Math.min(1, tokens + (Math.max(0, at - refilledAt) / 1000) * rate(at));
    refilledAt = Math.max(refilledAt, at);
  };

  return {
    settings,
    get limiting() {
      return limiting;
    },
    rate,
    reserve(at) {
      roll(at);
      current += 1;
      if (!limiting) return 0;
      refill(at);
      tokens -= 1;
      return Math.max(0, Math.ceil((-tokens / rate(at)) * 1000));
    },
    throttled(now) {
      let sent = rate(now);
      if (limiting) refill(now);
      else {
        roll(now);
        sent = previous * (1 - clamp01((now - windowStart) / 1000)) + current;
        tokens = 0;
        refilledAt = now;
      }
      ceiling = Math.max(sent, minRate);
      floor = Math.max(minRate, sent * decrease);
      cutAt = now;
      limiting = true;
    },
    succeeded(now) {
      if (now - cutAt >= recoveryMs) limiting = false;
    },
  };
}
