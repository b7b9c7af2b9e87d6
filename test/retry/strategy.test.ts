import type { RetryErrorInfo, RetryToken, SdkError } from "@smithy/types";
import { describe, expect, it } from "vitest";
import {
  AdaptiveRetryStrategy,
  type Clock,
  ConfigurationError,
  StandardRetryStrategy,
} from "../../src/index.js";
import { NetworkError, TimeoutError } from "../../src/runtime/transport/errors.js";

const T0 = 1_900_000_000_000;

/** A clock that only moves when something sleeps on it, and remembers every sleep. */
function manualClock(start = T0) {
  const sleeps: number[] = [];
  let time = start;
  const clock: Clock = {
    now: () => time,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      time += ms;
    },
  };
  return { clock, sleeps, advance: (ms: number) => (time += ms) };
}

const serverError: RetryErrorInfo = { errorType: "SERVER_ERROR" };
const throttled: RetryErrorInfo = { errorType: "THROTTLING" };

/** Refreshes until the strategy refuses; returns the delays it granted. */
async function delaysUntilRefused(strategy: StandardRetryStrategy, info: RetryErrorInfo) {
  let token: RetryToken = await strategy.acquireInitialRetryToken("svc");
  const delays: number[] = [];
  for (;;) {
    try {
      token = await strategy.refreshRetryTokenForRetry(token, info);
    } catch {
      return delays;
    }
    delays.push(token.getRetryDelay());
  }
}

describe("StandardRetryStrategy", () => {
  it("allows maxAttempts - 1 retries, with full-jitter delays within the documented bounds", async () => {
    const strategy = new StandardRetryStrategy({ maxAttempts: 6, random: () => 0.999999 });
    expect(await delaysUntilRefused(strategy, serverError)).toEqual([49, 99, 199, 399, 799]);
    const throttling = new StandardRetryStrategy({ maxAttempts: 8, random: () => 0.999999 });
    expect(await delaysUntilRefused(throttling, throttled)).toEqual([
      999, 1999, 3999, 7999, 15999, 19999, 19999,
    ]);
  });

  it("defaults to 3 attempts and refuses client errors outright", async () => {
    expect(new StandardRetryStrategy().maxAttempts).toBe(3);
    expect(await delaysUntilRefused(new StandardRetryStrategy(), serverError)).toHaveLength(2);
    expect(
      await delaysUntilRefused(new StandardRetryStrategy(), { errorType: "CLIENT_ERROR" }),
    ).toEqual([]);
  });

  it("stops retrying once the quota is spent, and starts again as calls succeed", async () => {
    const strategy = new StandardRetryStrategy({ maxAttempts: 1000, random: () => 0 });
    expect(await delaysUntilRefused(strategy, serverError)).toHaveLength(50);
    expect(await delaysUntilRefused(strategy, serverError)).toHaveLength(0);
    for (let i = 0; i < 10; i++)
      strategy.recordSuccess(await strategy.acquireInitialRetryToken(""));
    expect(await delaysUntilRefused(strategy, serverError)).toHaveLength(1);
  });

  it("charges 10 for what may have reached the service, 5 for what did nothing", async () => {
    const cost = async (info: RetryErrorInfo) => {
      const strategy = new StandardRetryStrategy();
      await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(""), info);
      return 500 - strategy.quota.available;
    };
    const error = (e: unknown) => e as SdkError;
    expect(await cost({ errorType: "TRANSIENT", error: error(new TimeoutError(100)) })).toBe(10);
    expect(await cost(serverError)).toBe(10);
    expect(await cost({ errorType: "TRANSIENT" })).toBe(10);
    expect(await cost(throttled)).toBe(5);
    const refused = new NetworkError("refused", { code: "ECONNREFUSED" });
    expect(await cost({ errorType: "TRANSIENT", error: error(refused) })).toBe(5);
  });

  it("refunds a retry that succeeded", async () => {
    const strategy = new StandardRetryStrategy();
    const first = await strategy.acquireInitialRetryToken("svc");
    const retry = await strategy.refreshRetryTokenForRetry(first, serverError);
    expect(strategy.quota.available).toBe(490);
    strategy.recordSuccess(retry);
    expect(strategy.quota.available).toBe(500);
  });

  it("waits at least until a Retry-After time, up to the cap", async () => {
    const { clock } = manualClock();
    const strategy = new StandardRetryStrategy({ clock, random: () => 0 });
    const token = await strategy.acquireInitialRetryToken("svc");
    const soon = await strategy.refreshRetryTokenForRetry(token, {
      ...throttled,
      retryAfterHint: new Date(T0 + 3000),
    });
    expect(soon.getRetryDelay()).toBe(3000);
    const late = await new StandardRetryStrategy({
      clock,
      random: () => 0,
    }).refreshRetryTokenForRetry(token, { ...throttled, retryAfterHint: new Date(T0 + 3_600_000) });
    expect(late.getRetryDelay()).toBe(20_000);
    const invalid = await new StandardRetryStrategy({
      clock,
      random: () => 0.5,
    }).refreshRetryTokenForRetry(token, { ...throttled, retryAfterHint: new Date(Number.NaN) });
    expect(invalid.getRetryDelay()).toBe(500);
  });

  it.each([0, -1, 2.5, Number.NaN])("refuses maxAttempts %s with a ConfigurationError", (n) => {
    expect(() => new StandardRetryStrategy({ maxAttempts: n })).toThrow(ConfigurationError);
  });
});

describe("AdaptiveRetryStrategy", () => {
  it("sends freely until throttled, then waits before each attempt, then recovers", async () => {
    const { clock, sleeps, advance } = manualClock();
    const strategy = new AdaptiveRetryStrategy({ clock, random: () => 0 });
    // 10 calls in one second, no waiting.
    for (let i = 0; i < 10; i++) {
      strategy.recordSuccess(await strategy.acquireInitialRetryToken("svc"));
      advance(100);
    }
    expect(sleeps).toEqual([]);
    // A throttling answer: the rate drops to half of the 10 per second being sent.
    const token = await strategy.acquireInitialRetryToken("svc");
    const retry = await strategy.refreshRetryTokenForRetry(token, throttled);
    expect(strategy.rateLimiter.limiting).toBe(true);
    expect(retry.getRetryDelay()).toBeGreaterThan(0);
    advance(retry.getRetryDelay());
    strategy.recordSuccess(retry);
    // The next calls are spaced out by the limiter.
    await strategy.acquireInitialRetryToken("svc");
    await strategy.acquireInitialRetryToken("svc");
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sleeps.every((ms) => ms > 0 && ms <= 2000)).toBe(true);
    // Ten seconds later the rate is back and the first success turns limiting off.
    advance(10_000);
    strategy.recordSuccess(await strategy.acquireInitialRetryToken("svc"));
    expect(strategy.rateLimiter.limiting).toBe(false);
    const before = sleeps.length;
    await strategy.acquireInitialRetryToken("svc");
    expect(sleeps.length).toBe(before);
  });

  it("waits for the limiter in a way the call's abort signal cuts short", async () => {
    const strategy = new AdaptiveRetryStrategy();
    strategy.rateLimiter.throttled(Date.now());
    strategy.rateLimiter.reserve(Date.now()); // the next send now waits seconds
    const controller = new AbortController();
    const waiting = strategy.acquireInitialRetryToken("svc", { abortSignal: controller.signal });
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });

  it("has the mode names the client options use", () => {
    expect(new StandardRetryStrategy().mode).toBe("standard");
    expect(new AdaptiveRetryStrategy().mode).toBe("adaptive");
  });
});
