/**
 * A retry token bucket shared by every call of one client. Each retry takes tokens; each
 * success puts some back. When many calls fail at once (an outage rather than a blip) the
 * bucket empties and the client stops retrying until successes refill it, so it never
 * multiplies the load on a service that is already down.
 */
export interface QuotaSettings {
  /** Tokens in a full bucket, and at the start. */
  readonly capacity: number;
  /** Tokens a retry takes. */
  readonly retryCost: number;
  /** Tokens a retry after a timeout takes: a timeout held a connection for its whole length. */
  readonly timeoutCost: number;
  /** Tokens a call that succeeded at its first attempt puts back. */
  readonly successRefill: number;
}

/**
 * 500 tokens at 5 per retry: 100 retries in a row before retries stop. A blip that fails a
 * few percent of calls for some seconds never gets there, while a total outage turns retries
 * off after 100 extra requests instead of tripling the traffic. A retried call that succeeds
 * gives its cost back and a first-try success adds 1, so after an outage retries come back
 * as soon as calls succeed again.
 */
export const DEFAULT_QUOTA: QuotaSettings = {
  capacity: 500,
  retryCost: 5,
  timeoutCost: 10,
  successRefill: 1,
};

export class RetryQuota {
  readonly settings: QuotaSettings;
  #available: number;

  constructor(settings: QuotaSettings = DEFAULT_QUOTA) {
    this.settings = settings;
    this.#available = settings.capacity;
  }

  get available(): number {
    return this.#available;
  }

  /** Takes `cost` tokens for a retry; false, taking nothing, when there are not enough. */
  take(cost: number): boolean {
    if (cost > this.#available) return false;
    this.#available -= cost;
    return true;
  }

  /** After a success: gives back what its last retry took, or the refill of a first-try success. */
  release(retryCost: number | undefined): void {
    const refill = retryCost ?? this.settings.successRefill;
    this.#available = Math.min(this.settings.capacity, this.#available + refill);
  }
}
