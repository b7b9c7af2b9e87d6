/** The longest delay `setTimeout` can wait. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The parts of an abort signal the runtime reads. The platform `AbortSignal` fits, and so does
 * the older `@smithy/types` signal that only has `onabort`.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener?(type: "abort", listener: () => void): void;
  removeEventListener?(type: "abort", listener: () => void): void;
  onabort?: unknown;
}

/** Calls `listener` once, when `signal` aborts (now, if it already has). Returns the undo. */
export function onAbort(signal: AbortSignalLike, listener: () => void): () => void {
  let active = true;
  const fire = () => {
    if (active) {
      active = false;
      listener();
    }
  };
  if (signal.aborted) fire();
  else if (signal.addEventListener) signal.addEventListener("abort", fire);
  else {
    // A signal with only `onabort`: chain onto the handler that is there.
    const previous = signal.onabort;
    (signal as { onabort: unknown }).onabort = function (this: unknown, ...args: unknown[]) {
      if (typeof previous === "function") previous.apply(this, args);
      fire();
    };
  }
  return () => {
    active = false;
    signal.removeEventListener?.("abort", fire);
  };
}

/**
 * An AbortController that aborts, with the same reason, as soon as any of `parents` does, or
 * without one after `timeout` ms (0 and Infinity: never); and the undo that clears the timer
 * and detaches it from the parents, so a long-lived signal (a client's, say) does not collect
 * one listener per request.
 */
export function linkedController(
  parents: readonly AbortSignalLike[],
  timeout = 0,
): [AbortController, () => void] {
  const controller = new AbortController();
  const stops = parents.map((parent) => onAbort(parent, () => controller.abort(parent.reason)));
  const timer =
    // Timers overflow past 2^31 - 1 ms (24.8 days) and would fire at once: treat that as never.
    timeout > 0 && timeout <= MAX_TIMER_MS
      ? setTimeout(() => controller.abort(), timeout)
      : undefined;
  return [
    controller,
    () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
    },
  ];
}

/** Settles like `promise`, or rejects with the signal's reason as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal?: AbortSignalLike): Promise<T> {
  return signal
    ? new Promise<T>((resolve, reject) => {
        const stop = onAbort(signal, () => reject(signal.reason));
        promise.then(resolve, reject).finally(stop);
      })
    : promise;
}
