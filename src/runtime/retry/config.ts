import type { RetryStrategyV2 } from "@smithy/types";
import {
  AdaptiveRetryStrategy,
  optionError,
  type RetryMode,
  type RetryStrategy,
  StandardRetryStrategy,
} from "./strategy.js";

/** The client options for retries, timeouts and the signing clock. */
export interface RetryClientConfig {
  /**
   * The most attempts per call, the first one included; 1 turns retries off. Ignored when
   * `retryStrategy` is given.
   * @default 3
   */
  maxAttempts?: number | undefined;
  /**
   * `standard`: exponential backoff with full jitter and a retry quota. `adaptive`: the same,
   * plus a client-side rate limiter that slows down after throttling and recovers. Ignored
   * when `retryStrategy` is given.
   * @default "standard"
   */
  retryMode?: RetryMode | undefined;
  /**
   * Replaces the built-in strategy: a `StandardRetryStrategy` or `AdaptiveRetryStrategy` with
   * your own settings, or any `@smithy/types` `RetryStrategyV2`. Whatever the strategy, a
   * failure that may have reached the service is retried only for operations safe to repeat.
   */
  retryStrategy?: RetryStrategyV2 | undefined;
  /**
   * The longest one attempt may take, from sending the request to the last byte of the
   * response, in milliseconds; then it fails with a `TimeoutError` (and may be retried).
   * `send(command, { requestTimeout })` sets it for one call. 0 turns it off.
   * @default 30000
   */
  requestTimeout?: number | undefined;
  /**
   * Milliseconds to add to the local clock when signing, for a device whose clock is known to
   * be wrong. The client also learns it from the `Date` header of responses to signed requests.
   * @default 0
   */
  systemClockOffset?: number | undefined;
}

/**
 * Long enough for the slowest legitimate answer on a poor mobile link (a TLS handshake and a
 * request at a few seconds of round trip), short enough that a dead connection is given up
 * and retried instead of hanging the caller.
 */
export const DEFAULT_REQUEST_TIMEOUT = 30_000;

export interface RetrySettings {
  readonly strategy: RetryStrategy;
  readonly requestTimeout: number;
}

export interface ResolvedRetryConfig {
  /** Built on first use, so bad options reject the call with a `ConfigurationError`. */
  readonly retrySettings: () => RetrySettings;
  /** How far the local clock is behind the service's, in ms; the SigV4 scheme keeps it current. */
  systemClockOffset: number;
}

export function resolveRetryConfig(config: RetryClientConfig): ResolvedRetryConfig {
  let settings: RetrySettings | undefined;
  const { systemClockOffset: offset = 0 } = config;
  return {
    retrySettings: () => {
      if (!Number.isFinite(offset)) {
        throw optionError("systemClockOffset", "a finite number of milliseconds", offset);
      }
      settings ??= {
        strategy: makeStrategy(config),
        requestTimeout: checkTimeout(config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT),
      };
      return settings;
    },
    systemClockOffset: Number.isFinite(offset) ? offset : 0,
  };
}

function makeStrategy({ retryStrategy, retryMode, maxAttempts }: RetryClientConfig): RetryStrategy {
  if (retryStrategy) return retryStrategy as RetryStrategy;
  const mode = retryMode ?? "standard";
  if (mode !== "standard" && mode !== "adaptive") {
    throw optionError("retryMode", '"standard" or "adaptive"', retryMode);
  }
  return new (mode === "adaptive" ? AdaptiveRetryStrategy : StandardRetryStrategy)({ maxAttempts });
}

/** Checks a `requestTimeout` option; 0 and Infinity mean no timeout. */
export function checkTimeout(value: unknown): number {
  if (typeof value !== "number" || !(value >= 0)) {
    throw optionError("requestTimeout", "a number of milliseconds, 0 for none", value);
  }
  return value;
}
