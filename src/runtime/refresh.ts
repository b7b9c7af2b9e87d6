/** A value that is reused until shortly before it expires. */
export interface ExpiringCache<T> {
  /** The cached value while it is fresh, otherwise the result of a (shared) new load. */
  get(forceRefresh?: boolean): Promise<T>;
  /**
   * Forgets the value; a load already running no longer counts, and the next `get` loads.
   * Resolves once that running load has settled, so that its side effects are over.
   */
  clear(): Promise<void>;
}

/**
 * Wraps `load` so that its result is reused until `refreshWindowMs` before it expires (a
 * result without `expiration` never expires), and every caller that arrives while a load is
 * running shares that load. A failed load rejects the callers that shared it and leaves
 * nothing behind: the next call starts a new one.
 */
export function reuseUntilExpiry<T extends { readonly expiration?: Date | undefined }>(
  load: () => Promise<T>,
  refreshWindowMs: number,
): ExpiringCache<T> {
  let current: T | undefined;
  let pending: Promise<T> | undefined;

  const start = (): Promise<T> => {
    const loading: Promise<T> = load().then(
      (value) => {
        // After clear() this load is stale: its callers get it, the cache does not.
        if (pending === loading) {
          current = value;
          pending = undefined;
        }
        return value;
      },
      (error: unknown) => {
        if (pending === loading) pending = undefined;
        throw error;
      },
    );
    pending = loading;
    return loading;
  };

  return {
    async get(forceRefresh = false) {
      const expiresAt = current?.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
      if (current !== undefined && !forceRefresh && expiresAt - refreshWindowMs > Date.now()) {
        return current;
      }
      return pending ?? start();
    },
    async clear() {
      const running = pending;
      current = pending = undefined;
      await running?.catch(() => {});
    },
  };
}
