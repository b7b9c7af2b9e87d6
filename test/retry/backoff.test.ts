import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffCeiling, DEFAULT_BACKOFF, fullJitter } from "../../src/runtime/retry/backoff.js";

describe("full-jitter backoff", () => {
  it("uses the documented numbers: 50 ms base, 1 s after throttling, 20 s cap", () => {
    expect(DEFAULT_BACKOFF).toEqual({ base: 50, throttlingBase: 1000, cap: 20_000 });
  });

  it("doubles the ceiling with each retry until the cap", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffCeiling(n, 1000, 20_000));
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 20000, 20000]);
    expect([1, 2, 3].map((n) => backoffCeiling(n, 50, 20_000))).toEqual([50, 100, 200]);
  });

  it("waits a whole number of ms in [0, ceiling) for any random value in [0, 1)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, base, cap, r) => {
          const delay = fullJitter(retry, base, cap, () => r);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(backoffCeiling(retry, base, cap));
        },
      ),
    );
  });

  it("spans the whole range: 0 at the bottom, ceiling - 1 at the top", () => {
    expect(fullJitter(3, 50, 20_000, () => 0)).toBe(0);
    expect(fullJitter(3, 50, 20_000, () => 0.999999999)).toBe(199);
    expect(fullJitter(3, 50, 20_000, () => 0.5)).toBe(100);
  });

  it("stays in range even when a custom random source misbehaves", () => {
    expect(fullJitter(1, 50, 20_000, () => 1)).toBe(49);
    expect(fullJitter(1, 50, 20_000, () => -3)).toBe(0);
  });
});
