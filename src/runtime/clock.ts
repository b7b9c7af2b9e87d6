import { type AbortSignalLike, untilAborted } from "./signals.js";

/**
 * Where retry strategies read the time and wait. Pass your own to a strategy to test it
 * without waiting: record the delays and resolve at once.
 */
export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds, or rejects with the signal's reason as soon as `signal`
   * aborts. Must not leave a timer behind once it has settled.
   */
  sleep(ms: number, signal?: AbortSignalLike): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return untilAborted(
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
      signal,
    ).finally(() => clearTimeout(timer));
  },
};
