import type {
  RetryErrorInfo,
  RetryStrategyV2,
  RetryToken,
  StandardRetryToken,
} from "@smithy/types";
import { type Clock, systemClock } from "../clock.js";
import { ConfigurationError } from "../errors.js";
import type { AbortSignalLike } from "../signals.js";
import { DEFAULT_RATE_LIMITER, RateLimiter, type RateLimiterSettings } from "./adaptive.js";
import { type BackoffSettings, DEFAULT_BACKOFF, fullJitter } from "./backoff.js";
import { classifyFailure } from "./classify.js";
import { DEFAULT_QUOTA, type QuotaSettings, RetryQuota } from "./quota.js";

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
export class Token implements StandardRetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
    private readonly cost?: number,
  ) {}

  getRetryCount(): number {
    return this.count;
  }

  getRetryDelay(): number {
    return this.delay;
  }

  getRetryCost(): number | undefined {
    return this.cost;
  }
}

/**
 * The `standard` mode: up to `maxAttempts` attempts, full-jitter exponential backoff, and a
 * retry quota shared by the client's calls.
 */
export class StandardRetryStrategy implements RetryStrategy {
  readonly mode: RetryMode = "standard";
  readonly maxAttempts: number;
  readonly clock: Clock;
  readonly backoff: BackoffSettings;
  readonly quota: RetryQuota;
  protected readonly random: () => number;

  constructor(options: StandardRetryStrategyOptions = {}) {
    const maxAttempts = options.maxAttempts ?? 3;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new ConfigurationError(
        "maxAttempts",
        `maxAttempts must be a whole number of at least 1 (1 turns retries off), not ${String(maxAttempts)}.`,
      );
    }
    this.maxAttempts = maxAttempts;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.quota = new RetryQuota({ ...DEFAULT_QUOTA, ...options.quota });
  }

  async acquireInitialRetryToken(
    _scope: string,
    _options?: { abortSignal?: AbortSignalLike | undefined },
  ): Promise<RetryToken> {
    return new Token(0, 0);
  }

  async refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    if (info.errorType === "CLIENT_ERROR") throw new Error("Client errors are not retried");
    const retry = token.getRetryCount() + 1;
    if (retry >= this.maxAttempts) throw new Error(`All ${this.maxAttempts} attempts were used`);
    const cheap = info.errorType === "THROTTLING" || classifyFailure(info.error) === "transient";
    const cost = cheap ? this.quota.settings.cheapRetryCost : this.quota.settings.retryCost;
    if (!this.quota.take(cost)) throw new Error("The retry quota is used up");
    return new Token(retry, this.delay(retry, info), cost);
  }

  recordSuccess(token: RetryToken): void {
    this.quota.release((token as Partial<StandardRetryToken>).getRetryCost?.());
  }

  /** The backoff wait, stretched to a `Retry-After` the server gave (up to the cap). */
  protected delay(retry: number, info: RetryErrorInfo): number {
    const { base, throttlingBase, cap } = this.backoff;
    const jittered = fullJitter(
      retry,
      info.errorType === "THROTTLING" ? throttlingBase : base,
      cap,
      this.random,
    );
    const hint = info.retryAfterHint ? info.retryAfterHint.getTime() - this.clock.now() : 0;
    return Math.max(jittered, Math.min(cap, Math.ceil(hint)));
  }
}

export interface AdaptiveRetryStrategyOptions extends StandardRetryStrategyOptions {
  /** The client-side rate limiter. @default {@link DEFAULT_RATE_LIMITER} */
  rateLimiter?: Partial<RateLimiterSettings> | undefined;
}

/**
 * The `adaptive` mode: `standard`, plus a client-side rate limiter that every attempt (the
 * first and each retry) passes through. Throttling responses slow it down; it recovers on its
 * own (see `RateLimiter`).
 */
export class AdaptiveRetryStrategy extends StandardRetryStrategy {
  override readonly mode: RetryMode = "adaptive";
  readonly rateLimiter: RateLimiter;

  constructor(options: AdaptiveRetryStrategyOptions = {}) {
    super(options);
    this.rateLimiter = new RateLimiter({ ...DEFAULT_RATE_LIMITER, ...options.rateLimiter });
  }

  override async acquireInitialRetryToken(
    scope: string,
    options?: { abortSignal?: AbortSignalLike | undefined },
  ): Promise<RetryToken> {
    const wait = this.rateLimiter.reserve(this.clock.now());
    if (wait > 0) await this.clock.sleep(wait, options?.abortSignal);
    return super.acquireInitialRetryToken(scope);
  }

  override async refreshRetryTokenForRetry(
    token: RetryToken,
    info: RetryErrorInfo,
  ): Promise<RetryToken> {
    const now = this.clock.now();
    if (info.errorType === "THROTTLING") this.rateLimiter.throttled(now);
    const next = (await super.refreshRetryTokenForRetry(token, info)) as Token;
    // The retry goes after its backoff, and no sooner than the limiter allows.
    const backoff = next.getRetryDelay();
    const wait = this.rateLimiter.reserve(now + backoff);
    return new Token(next.getRetryCount(), backoff + wait, next.getRetryCost());
  }

  override recordSuccess(token: RetryToken): void {
    this.rateLimiter.succeeded(this.clock.now());
    super.recordSuccess(token);
  }
}
