/**
 * The parts of an abort signal the runtime reads. The platform `AbortSignal` fits, and so does
 * the older `@smithy/types` signal that only has `onabort`.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener?(type: "abort", listener: () => void, options?: { once?: boolean }): void;
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
  if (signal.aborted) {
    fire();
    return () => {};
  }
  if (typeof signal.addEventListener === "function") {
    signal.addEventListener("abort", fire, { once: true });
    return () => {
      active = false;
      signal.removeEventListener?.("abort", fire);
    };
  }
  // A signal with only `onabort`: chain onto the handler that is there.
  const previous = signal.onabort;
  (signal as { onabort: unknown }).onabort = function (this: unknown, ...args: unknown[]) {
    if (typeof previous === "function") previous.apply(this, args);
    fire();
  };
  return () => {
    active = false;
  };
}

/**
 * An AbortController that aborts, with the same reason, as soon as any of `parents` does.
 * `dispose` detaches it from the parents, so a long-lived signal (a client's, say) does not
 * collect one listener per request.
 */
export function linkedController(parents: readonly (AbortSignalLike | undefined)[]): {
  readonly controller: AbortController;
  dispose(): void;
} {
  const controller = new AbortController();
  const undo: (() => void)[] = [];
  for (const parent of parents) {
    if (parent === undefined) continue;
    undo.push(onAbort(parent, () => controller.abort(parent.reason)));
    if (controller.signal.aborted) break;
  }
  return {
    controller,
    dispose: () => {
      for (const stop of undo) stop();
      undo.length = 0;
    },
  };
}
