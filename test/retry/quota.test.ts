import { describe, expect, it } from "vitest";
import { DEFAULT_QUOTA, retryQuota } from "../../src/runtime/retry/quota.js";

describe("the retry quota", () => {
  it("starts full with the documented numbers", () => {
    expect(DEFAULT_QUOTA).toEqual({
      capacity: 500,
      retryCost: 10,
      cheapRetryCost: 5,
      successRefill: 1,
    });
    expect(retryQuota().available).toBe(500);
  });

  it("pays for 100 retries at 5 tokens, then refuses without taking anything", () => {
    const quota = retryQuota();
    for (let i = 0; i < 100; i++) expect(quota.take(5)).toBe(true);
    expect(quota.available).toBe(0);
    expect(quota.take(5)).toBe(false);
    expect(quota.available).toBe(0);
  });

  it("refunds a successful retry's cost, adds 1 for a first-try success, never beyond full", () => {
    const quota = retryQuota();
    quota.take(10);
    quota.release(10);
    expect(quota.available).toBe(500);
    quota.take(5);
    quota.release(undefined);
    expect(quota.available).toBe(496);
    for (let i = 0; i < 10; i++) quota.release(undefined);
    expect(quota.available).toBe(500);
  });
});

describe("retryQuota overrides", () => {
  it("replaces only the settings given", () => {
    const quota = retryQuota({ capacity: 20 });
    expect(quota.settings).toEqual({ ...DEFAULT_QUOTA, capacity: 20 });
    expect(quota.take(15)).toBe(true);
    expect(quota.take(10)).toBe(false);
    expect(quota.available).toBe(5);
  });
});
