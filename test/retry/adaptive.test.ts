import { describe, expect, it } from "vitest";
import {
  DEFAULT_RATE_LIMITER,
  type RateLimiter,
  rateLimiter,
} from "../../src/runtime/retry/adaptive.js";

const T0 = 1_900_000_000_000; // a whole second, so the send-rate windows line up

/** Sends `count` requests spread evenly over the second before `end`. */
function sendBurst(limiter: RateLimiter, count: number, end: number): void {
  for (let i = 0; i < count; i++) limiter.reserve(end - 1000 + (i * 1000) / count);
}

describe("the adaptive rate limiter", () => {
  it("uses the documented numbers", () => {
    expect(DEFAULT_RATE_LIMITER).toEqual({ decrease: 0.5, recoveryMs: 10_000, minRate: 0.5 });
  });

  it("lets everything through until the first throttling response", () => {
    const limiter = rateLimiter();
    for (let i = 0; i < 1000; i++) expect(limiter.reserve(T0 + i)).toBe(0);
    expect(limiter.limiting).toBe(false);
    expect(limiter.rate(T0)).toBe(Number.POSITIVE_INFINITY);
  });

  it("halves the rate the client was sending at when throttled", () => {
    const limiter = rateLimiter();
    sendBurst(limiter, 20, T0 + 1000);
    limiter.throttled(T0 + 1000);
    expect(limiter.limiting).toBe(true);
    expect(limiter.rate(T0 + 1000)).toBeCloseTo(10, 5);
  });

  it("spaces sends at the allowed rate, with no burst", () => {
    const limiter = rateLimiter();
    sendBurst(limiter, 20, T0 + 1000);
    limiter.throttled(T0 + 1000);
    // 10 per second: back-to-back reservations wait 100, 200, 300 ms ...
    const waits = [1, 2, 3, 4].map(() => limiter.reserve(T0 + 1000));
    expect(waits).toEqual([100, 200, 300, 400]);
  });

  it("cuts again on each throttling response, never below the minimum", () => {
    const limiter = rateLimiter();
    sendBurst(limiter, 8, T0 + 1000);
    const rates: number[] = [];
    for (let i = 0; i < 6; i++) {
      limiter.throttled(T0 + 1000);
      rates.push(limiter.rate(T0 + 1000));
    }
    expect(rates).toEqual([4, 2, 1, 0.5, 0.5, 0.5]);
  });

  it("climbs back linearly and stops limiting at the first success after recovering", () => {
    const limiter = rateLimiter();
    sendBurst(limiter, 20, T0 + 1000);
    limiter.throttled(T0 + 1000);
    expect(limiter.rate(T0 + 1000 + 5000)).toBeCloseTo(15, 5);
    limiter.succeeded(T0 + 1000 + 9999);
    expect(limiter.limiting).toBe(true);
    expect(limiter.rate(T0 + 1000 + 10_000)).toBeCloseTo(20, 5);
    limiter.succeeded(T0 + 1000 + 10_000);
    expect(limiter.limiting).toBe(false);
    expect(limiter.reserve(T0 + 11_001)).toBe(0);
  });

  it("refills while time passes, one token at most", () => {
    const limiter = rateLimiter();
    sendBurst(limiter, 4, T0 + 1000);
    limiter.throttled(T0 + 1000); // 2 per second
    expect(limiter.reserve(T0 + 1000)).toBe(500);
    // Long idle: at most one token saved up, so two sends at once still wait for the second.
    expect(limiter.reserve(T0 + 5000)).toBe(0);
    expect(limiter.reserve(T0 + 5000)).toBeGreaterThan(0);
  });

  it("takes some settings and keeps the defaults for the rest", () => {
    const limiter = rateLimiter({ minRate: 2 });
    expect(limiter.settings).toEqual({ ...DEFAULT_RATE_LIMITER, minRate: 2 });
    limiter.throttled(T0); // nothing was sent: the rate falls to the minimum
    expect(limiter.rate(T0)).toBe(2);
  });
});
