/**
 * Calls `read` once, on first use, and keeps its promise: a client reads the environment (and
 * config files) once, not on every call. A rejection is not kept, so a fixed cause can succeed.
 */
export function once<T>(read: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (!kept) {
      kept = read();
      kept.catch(() => {
        kept = undefined;
      });
    }
    return kept;
  };
}
