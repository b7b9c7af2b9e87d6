import { StandardRetryStrategy } from "../../src/index.js";

/**
 * A standard retry strategy that never waits, for tests that care about what is retried, not
 * when: its clock's sleep returns at once.
 */
export function instantRetries(maxAttempts: number): StandardRetryStrategy {
  return new StandardRetryStrategy({
    maxAttempts,
    clock: { now: () => Date.now(), sleep: async () => {} },
  });
}
