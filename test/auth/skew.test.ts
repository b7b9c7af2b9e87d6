import { describe, expect, it } from "vitest";
import {
  CLOCK_SKEW_ERRORS,
  correctedOffset,
  SKEW_TOLERANCE_MS,
} from "../../src/runtime/auth/skew.js";

const now = Date.parse("2030-01-01T12:00:00Z");
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe("clock skew", () => {
  it("learns the offset when the clock is off by more than a minute", () => {
    expect(SKEW_TOLERANCE_MS).toBe(60_000);
    expect(correctedOffset(httpDate(now + 3_600_000), now, 0)).toBe(3_600_000);
    expect(correctedOffset(httpDate(now - 61_000), now, 0)).toBe(-61_000);
  });

  it("keeps the offset within the tolerance, so the Date header's 1 s steps do not flap it", () => {
    expect(correctedOffset(httpDate(now + 59_000), now, 0)).toBe(0);
    expect(correctedOffset(httpDate(now + 3_600_000), now, 3_600_500)).toBe(3_600_500);
  });

  it("corrects an offset that has become wrong, back to zero as well", () => {
    expect(correctedOffset(httpDate(now), now, 3_600_000)).toBe(0);
  });

  it("ignores a missing or unreadable Date header", () => {
    expect(correctedOffset(undefined, now, 42)).toBe(42);
    expect(correctedOffset("yesterday-ish", now, 42)).toBe(42);
  });

  it("knows the signature-time error names", () => {
    for (const name of ["InvalidSignatureException", "RequestExpired", "RequestTimeTooSkewed"]) {
      expect(CLOCK_SKEW_ERRORS.has(name)).toBe(true);
    }
    expect(CLOCK_SKEW_ERRORS.has("NotAuthorizedException")).toBe(false);
  });
});
