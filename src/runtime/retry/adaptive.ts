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

export class RateLimiter {
  readonly settings: RateLimiterSettings;
  #limiting = false;
  /** The rate right after the last cut, and the rate before it (requests per second). */
  #floor = 0;
  #ceiling = 0;
  #cutAt = 0;
  #tokens = 0;
  #refilledAt = 0;
  readonly #meter = new SendRateMeter();

  constructor(settings: RateLimiterSettings = DEFAULT_RATE_LIMITER) {
    this.settings = settings;
  }

  /** Whether sends are being spaced out at the moment. */
  get limiting(): boolean {
    return this.#limiting;
  }

  /** The allowed rate at `now`, in requests per second (Infinity while not limiting). */
  rate(now: number): number {
    if (!this.#limiting) return Number.POSITIVE_INFINITY;
    const progress = Math.min(1, Math.max(0, (now - this.#cutAt) / this.settings.recoveryMs));
    return this.#floor + (this.#ceiling - this.#floor) * progress;
  }

  /** Books one send for time `at`; returns how many ms after `at` it may go. */
  reserve(at: number): number {
    this.#meter.record(at);
    if (!this.#limiting) return 0;
    this.#refill(at);
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : Math.ceil((-this.#tokens / this.rate(at)) * 1000);
  }

  /** The service throttled a request at `now`: cut the rate. */
  throttled(now: number): void {
    const current = this.#limiting ? this.rate(now) : this.#meter.rate(now);
    if (this.#limiting) this.#refill(now);
    else {
      this.#tokens = 0;
      this.#refilledAt = now;
    }
    this.#ceiling = Math.max(current, this.settings.minRate);
    this.#floor = Math.max(this.settings.minRate, current * this.settings.decrease);
    this.#cutAt = now;
    this.#limiting = true;
  }

  /** A request succeeded at `now`: once the rate has fully recovered, stop limiting. */
  succeeded(now: number): void {
    if (this.#limiting && now - this.#cutAt >= this.settings.recoveryMs) this.#limiting = false;
  }

  #refill(at: number): void {
    const elapsed = Math.max(0, at - this.#refilledAt);
    this.#tokens = Math.min(1, this.#tokens + (elapsed / 1000) * this.rate(at));
    this.#refilledAt = Math.max(this.#refilledAt, at);
  }
}

/**
 * Sends per second over the last second, from two one-second counters (a sliding-window
 * estimate that needs no list of timestamps).
 */
class SendRateMeter {
  #windowStart = 0;
  #current = 0;
  #previous = 0;

  record(at: number): void {
    this.#roll(at);
    this.#current += 1;
  }

  rate(now: number): number {
    this.#roll(now);
    const intoWindow = Math.min(1, Math.max(0, (now - this.#windowStart) / 1000));
    return this.#previous * (1 - intoWindow) + this.#current;
  }

  #roll(now: number): void {
    const start = Math.floor(now / 1000) * 1000;
    if (start <= this.#windowStart) return;
    this.#previous = start - this.#windowStart === 1000 ? this.#current : 0;
    this.#current = 0;
    this.#windowStart = start;
  }
}
