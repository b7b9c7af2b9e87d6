/**
 * A retry token bucket shared by every call of one client. Each retry takes tokens; each
 * success puts some back. When many calls fail at once (an outage rather than a blip) the
 * bucket empties and the client stops retrying until successes refill it, so it never
 * multiplies the load on a service that is already down.
 */
export interface QuotaSettings {
  /** Tokens in a full bucket, and at the start. */
  readonly capacity: number;
  /** Tokens a retry takes after a failure that may have reached the service (5xx, timeout). */
  readonly retryCost: number;
  /** Tokens a retry takes after a request that did nothing (throttled, connection refused). */
  readonly cheapRetryCost: number;
  /** Tokens a call that succeeded at its first attempt puts back. */
  readonly successRefill: number;
}

/**
 * 500 tokens. A run of 5xx, timeouts and resets is what an outage looks like, and each of those
 * requests may have cost the service work: 10 tokens, so 50 such retries in a row turn retries
 * off, and an outage adds 50 requests instead of tripling the traffic. Throttled and refused
 * requests cost the service nothing and backing off is the answer to them: 5 tokens, 100 in a
 * row. A blip that fails a few calls for some seconds never empties the bucket. A retried call
 * that succeeds gives its cost back and a first-try success adds 1, so after an outage retries
 * come back as soon as calls succeed again.
 */
export const DEFAULT_QUOTA: QuotaSettings = {
  capacity: 500,
  retryCost: 10,
  cheapRetryCost: 5,
  successRefill: 1,
};

export interface RetryQuota {
  readonly settings: QuotaSettings;
  /** The tokens left. */
  readonly available: number;
  /** Takes `cost` tokens for a retry; false, taking nothing, when there are not enough. */
  take(cost: number): boolean;
  /** After a success: gives back what its last retry took, or the refill of a first-try success. */
  release(retryCost: number | undefined): void;
}

/** A full bucket with the default settings, or with some of them replaced. */
export function retryQuota(overrides?: Partial<QuotaSettings>): RetryQuota {
  const settings = { ...DEFAULT_QUOTA, ...overrides };
  let available = settings.capacity;
  return {
    settings,
    get available() {
      return available;
    },
    take(cost) {
      const enough = cost <= available;
      if (enough) available -= cost;
      return enough;
    },
    release(retryCost) {
      available = Math.min(settings.capacity, available + (retryCost ?? settings.successRefill));
    },
  };
}
