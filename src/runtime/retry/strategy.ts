import type {
  RetryErrorInfo,
  RetryStrategyV2,
  RetryToken,
  StandardRetryToken,
} from "@smithy/types";
import { type Clock, systemClock } from "../clock.js";
import { ConfigurationError } from "../errors.js";
import type { AbortSignalLike } from "../signals.js";
import {
  DEFAULT_RATE_LIMITER,
  type RateLimiter,
  type RateLimiterSettings,
  rateLimiter,
} from "./adaptive.js";
import { type BackoffSettings, DEFAULT_BACKOFF, fullJitter } from "./backoff.js";
import { classifyFailure } from "./classify.js";
import { DEFAULT_QUOTA, type QuotaSettings, type RetryQuota, retryQuota } from "./quota.js";

export type RetryMode = "standard" | "adaptive";

/**
 * What the client asks of a retry strategy: the `@smithy/types` `RetryStrategyV2` contract,
 * so strategies written for the AWS SDK plug in unchanged. The client decides *whether* a
 * failure may be retried at all (see the README); the strategy decides how many times, how
 * long to wait, and when to stop. Our strategies add two optional extras: the first
 * acquisition takes the call's abort signal, and `clock` is where the client waits.
 */
export interface RetryStrategy extends RetryStrategyV2 {
  acquireInitialRetryToken(
    retryTokenScope: string,
    options?: { abortSignal?: AbortSignalLike | undefined },
  ): Promise<RetryToken>;
  /** The clock the client waits on between attempts; the system clock when absent. */
  readonly clock?: Clock;
}

export interface StandardRetryStrategyOptions {
  /**
   * The most attempts per call, the first one included; 1 means no retries.
   * @default 3
   */
  maxAttempts?: number | undefined;
  /** Where waits happen and time is read. @default the system clock */
  clock?: Clock | undefined;
  /** A source of numbers in [0, 1) for the jitter. @default Math.random */
  random?: (() => number) | undefined;
  /** Backoff bases and cap, in ms. @default {@link DEFAULT_BACKOFF} */
  backoff?: Partial<BackoffSettings> | undefined;
  /** The retry quota. @default {@link DEFAULT_QUOTA} */
  quota?: Partial<QuotaSettings> | undefined;
}

/** A retry token: the retries so far, the wait before the next attempt, and what it cost. */
const retryToken = (count: number, delay: number, cost?: number): StandardRetryToken => ({
  getRetryCount: () => count,
  getRetryDelay: () => delay,
  getRetryCost: () => cost,
});

/** Every call's first token: the same for all, since tokens never change. */
const firstToken = retryToken(0, 0);

/** A `ConfigurationError` that names the option, the rule it breaks and the value given. */
export const optionError = (option: string, rule: string, value: unknown) =>
  new ConfigurationError(
    option,
    `${option} must be ${rule}, not ${typeof value === "string" ? JSON.stringify(value) : String(value)}.`,
  );

/**
 * The `standard` mode: up to `maxAttempts` attempts, full-jitter exponential backoff, and a
 * retry quota shared by the client's calls.
 */
export class StandardRetryStrategy implements RetryStrategy {
  readonly mode: RetryMode = "standard";
  // Fields the constructor sets are `declare`d, so the build emits no empty definitions.
  declare readonly maxAttempts: number;
  declare readonly clock: Clock;
  declare readonly backoff: BackoffSettings;
  declare readonly quota: RetryQuota;
  /** Set by the `adaptive` mode: every attempt waits for it. */
  declare readonly rateLimiter?: RateLimiter | undefined;
  declare protected readonly random: () => number;

  constructor(options: StandardRetryStrategyOptions = {}) {
    const maxAttempts = options.maxAttempts ?? 3;
    if (!(Number.isInteger(maxAttempts) && maxAttempts > 0)) {
      throw optionError(
        "maxAttempts",
        "a whole number of at least 1 (1 turns retries off)",
        maxAttempts,
      );
    }
    this.maxAttempts = maxAttempts;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.quota = retryQuota(options.quota);
  }

  async acquireInitialRetryToken(
    _scope: string,
    options?: { abortSignal?: AbortSignalLike | undefined },
  ): Promise<RetryToken> {
    const wait = this.rateLimiter?.reserve(this.clock.now());
    if (wait) await this.clock.sleep(wait, options?.abortSignal);
    return firstToken;
  }

  async refreshRetryTokenForRetry(
    token: RetryToken,
    { errorType, error, retryAfterHint }: RetryErrorInfo,
  ): Promise<RetryToken> {
    const now = this.clock.now();
    const throttling = errorType === "THROTTLING";
    if (throttling) this.rateLimiter?.throttled(now);
    const retry = token.getRetryCount() + 1;
    const { retryCost, cheapRetryCost } = this.quota.settings;
    const cost = throttling || classifyFailure(error) === "transient" ? cheapRetryCost : retryCost;
    // Client errors, attempts or quota used up. The client reports the failure itself, so the
    // message is never seen there.
    if (errorType === "CLIENT_ERROR" || retry >= this.maxAttempts || !this.quota.take(cost)) {
      throw new Error("No retry");
    }
    // The backoff wait, stretched to a `Retry-After` the server gave (up to the cap; an
    // invalid date is no hint).
    const { base, throttlingBase, cap } = this.backoff;
    const wait = Math.max(
      fullJitter(retry, throttling ? throttlingBase : base, cap, this.random),
      Math.min(cap, Math.ceil(retryAfterHint ? retryAfterHint.getTime() - now : 0)) || 0,
    );
    // In `adaptive` mode the retry goes no sooner than the limiter allows, either.
    return retryToken(retry, wait + (this.rateLimiter?.reserve(now + wait) ?? 0), cost);
  }

  recordSuccess(token: RetryToken): void {
    this.rateLimiter?.succeeded(this.clock.now());
    this.quota.release((token as Partial<StandardRetryToken>).getRetryCost?.());
  }
}

export interface AdaptiveRetryStrategyOptions extends StandardRetryStrategyOptions {
  /** The client-side rate limiter. @default {@link DEFAULT_RATE_LIMITER} */
  rateLimiter?: Partial<RateLimiterSettings> | undefined;
}

/**
 * The `adaptive` mode: `standard`, plus a client-side rate limiter that every attempt (the
 * first and each retry) passes through. Throttling responses slow it down; it recovers on its
 * own (see `rateLimiter`).
 */
export class AdaptiveRetryStrategy extends StandardRetryStrategy {
  override readonly mode: RetryMode = "adaptive";
  declare readonly rateLimiter: RateLimiter;

  constructor(options: AdaptiveRetryStrategyOptions = {}) {
    super(options);
    this.rateLimiter = rateLimiter(options.rateLimiter);
  }
}
