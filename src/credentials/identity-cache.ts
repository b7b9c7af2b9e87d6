import { CredentialsProviderError } from "./errors.js";
import type { Logins } from "./logins.js";
import { isId } from "./options.js";

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

/**
 * The key of an identity id. Guests, users named by `userIdentifier` and users known only by
 * their login providers get differently tagged keys, so none of them can read another's id.
 * Provider names are sorted, so the order of `logins` never matters.
 */
export function identityIdCacheKey(
  identityPoolId: string,
  logins: Logins | undefined,
  userIdentifier: string | undefined,
): string {
  const base = `${KEY_PREFIX}:${identityPoolId}`;
  if (logins === undefined) return base;
  return userIdentifier === undefined
    ? `${base}:logins:${Object.keys(logins).sort().join(",")}`
    : `${base}:user:${userIdentifier}`;
}

/** The cached identity id, if the store holds one; rejects when the store cannot be read. */
export async function readCachedId(
  store: IdentityIdStore,
  key: string,
): Promise<string | undefined> {
  let value: unknown;
  try {
    value = await store.get(key);
  } catch (cause) {
    // Going on without it would create a new identity and orphan the stored one.
    throw new CredentialsProviderError(
      "IdentityIdStoreUnreadable",
      "The identity id store could not be read; no identity was looked up or created.",
      { cause },
    );
  }
  // Anything else (a damaged entry, "undefined") is not an identity and cannot be lost.
  return isId(value) ? value : undefined;
}
