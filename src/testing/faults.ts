/**
 * Failures to inject into the next requests, for resilience and browser tests. One-shot
 * faults (throttle, server error, dropped connection) are used up in the order they were
 * added, one per request; a delay applies on top of whatever the request gets. CORS
 * preflight requests are never affected.
 */
export interface Faults {
  /** Answer the next `count` requests with 429 TooManyRequestsException. @default count 1 */
  throttle(count?: number): void;
  /**
   * Answer the next `count` requests with InternalErrorException and the given 5xx status.
   * @default count 1, status 500
   */
  serverError(count?: number, status?: number): void;
  /** Close the connection of the next `count` requests without answering. @default 1 */
  dropConnection(count?: number): void;
  /**
   * Wait `ms` milliseconds before answering each of the next `count` requests, or every
   * request until `clear()` when `count` is left out. Replaces an earlier delay.
   */
  delay(ms: number, count?: number): void;
  /** Forget every fault not used yet. */
  clear(): void;
  /** The number of one-shot faults not used yet. */
  readonly pending: number;
}

/** What one request gets. */
export type Fault =
  | { readonly kind: "throttle" }
  | { readonly kind: "serverError"; readonly status: number }
  | { readonly kind: "dropConnection" };

export interface FaultDecision {
  readonly fault: Fault | undefined;
  readonly delayMs: number;
}

export class FaultQueue implements Faults {
  private readonly queue: Fault[] = [];
  private delayMs = 0;
  private delaysLeft = 0;

  throttle(count = 1): void {
    this.add({ kind: "throttle" }, count);
  }

  serverError(count = 1, status = 500): void {
    if (!Number.isInteger(status) || status < 500 || status > 599) {
      throw new RangeError(`A server error needs a 5xx status, not ${status}.`);
    }
    this.add({ kind: "serverError", status }, count);
  }

  dropConnection(count = 1): void {
    this.add({ kind: "dropConnection" }, count);
  }

  delay(ms: number, count = Number.POSITIVE_INFINITY): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`A delay must be ≥ 0 ms, not ${ms}.`);
    if (count !== Number.POSITIVE_INFINITY) checkCount(count);
    this.delayMs = ms;
    this.delaysLeft = count;
  }

  clear(): void {
    this.queue.length = 0;
    this.delayMs = 0;
    this.delaysLeft = 0;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Takes what the next request gets. */
  next(): FaultDecision {
    const fault = this.queue.shift();
    let delayMs = 0;
    if (this.delaysLeft > 0) {
      delayMs = this.delayMs;
      this.delaysLeft -= 1;
    }
    return { fault, delayMs };
  }

  private add(fault: Fault, count: number): void {
    checkCount(count);
    for (let i = 0; i < count; i++) this.queue.push(fault);
  }
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`A fault count must be a positive integer, not ${count}.`);
  }
}
