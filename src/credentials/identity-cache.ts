const KEY_PREFIX = "cognito-identity-client:identityId";

/**
 * Where identity ids are kept between refreshes, page loads and provider instances. Each
 * method may return its result directly or as a promise, so both `localStorage`-like and
 * asynchronous stores (IndexedDB, React Native AsyncStorage) fit.
 *
 * Only identity ids are ever stored; keys hold the pool id and login provider names (or the
 * `userIdentifier` option), never a token.
 */
export interface IdentityIdStore {
  /** The identity id stored under `key`, or null/undefined when there is none. */
  get(key: string): string | null | undefined | PromiseLike<string | null | undefined>;
  set(key: string, identityId: string): void | PromiseLike<void>;
  remove(key: string): void | PromiseLike<void>;
}

/** The part of the Web Storage API (`localStorage`, `sessionStorage`) the store needs. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A store that lives as long as the object: nothing survives a page load or a restart. */
export function memoryIdentityIdStore(): IdentityIdStore {
  const ids = new Map<string, string>();
  return {
    get: (key) => ids.get(key),
    set: (key, identityId) => {
      ids.set(key, identityId);
    },
    remove: (key) => {
      ids.delete(key);
    },
  };
}

/** A store on Web Storage, such as `localStorage` or `sessionStorage`. */
export function webStorageIdentityIdStore(storage: WebStorageLike): IdentityIdStore {
  return {
    get: (key) => storage.getItem(key),
    set: (key, identityId) => storage.setItem(key, identityId),
    remove: (key) => storage.removeItem(key),
  };
}

/**
 * `localStorage` when the platform has a usable one, otherwise a new memory store. Reading
 * `localStorage` throws in some privacy modes and sandboxed frames, and some runtimes define
 * the global without a working implementation, so it is tried once before it is trusted.
 */
export function defaultIdentityIdStore(): IdentityIdStore {
  try {
    const storage = (globalThis as { localStorage?: Partial<WebStorageLike> }).localStorage;
    if (
      typeof storage?.getItem === "function" &&
      typeof storage.setItem === "function" &&
      typeof storage.removeItem === "function"
    ) {
      storage.getItem(KEY_PREFIX);
      return webStorageIdentityIdStore(storage as WebStorageLike);
    }
  } catch {
    // Fall through: an unusable localStorage is the same as none.
  }
  return memoryIdentityIdStore();
}

/** Who the provider asks an identity id for: the part of the cache key after the pool id. */
export type IdentityOwner =
  | { readonly kind: "guest" }
  | { readonly kind: "user"; readonly userIdentifier: string }
  | { readonly kind: "logins"; readonly providerNames: readonly string[] };

/**
 * The key of an identity id. Guests, users named by `userIdentifier` and users known only by
 * their login providers get differently tagged keys, so none of them can read another's id.
 */
export function identityIdCacheKey(identityPoolId: string, owner: IdentityOwner): string {
  const base = `${KEY_PREFIX}:${identityPoolId}`;
  switch (owner.kind) {
    case "guest":
      return base;
    case "user":
      return `${base}:user:${owner.userIdentifier}`;
    case "logins":
      return `${base}:logins:${owner.providerNames.join(",")}`;
  }
}
