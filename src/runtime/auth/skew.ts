/**
 * Keeps the signing clock in step with the service's. SigV4 signatures carry the time they
 * were made, and services reject those too far from their own clock; a device whose clock is
 * wrong would otherwise fail every signed call.
 */

/** Error names services use for a signature whose time is off (or that looks forged). */
export const CLOCK_SKEW_ERRORS: ReadonlySet<string> = new Set(
  "RequestTimeTooSkewed RequestExpired RequestInTheFuture InvalidSignatureException SignatureDoesNotMatch AuthFailure".split(
    " ",
  ),
);

/**
 * A local clock off by more than this from the service's `Date` header is corrected. Far
 * below the 5 minutes SigV4 services tolerate, so a clock is fixed before it fails a call
 * even with slow responses; far above the `Date` header's 1-second resolution plus network
 * time, so the offset does not flap.
 */
export const SKEW_TOLERANCE_MS = 60_000;

/**
 * The clock offset to use after a response carrying `date`: the difference between the
 * service's clock and the local one when the corrected local clock (`now + offset`) is off by
 * more than the tolerance, otherwise `offset` unchanged.
 */
export function correctedOffset(date: string | undefined, now: number, offset: number): number {
  const serverTime = Date.parse(date ?? "");
  // NaN (no header, or one that does not parse) compares false: the offset stays.
  return Math.abs(serverTime - now - offset) > SKEW_TOLERANCE_MS ? serverTime - now : offset;
}
