import { CredentialsProviderError } from "./errors.js";
import type { IdentityIdStore } from "./identity-cache.js";
import { type Logins, resolveLogins } from "./logins.js";
import { isId } from "./options.js";
import {
  type CognitoIdentityCredentials,
  type CognitoIdentitySender,
  getCredentials,
  getIdentityId,
  rejectsIdentityId,
} from "./service.js";

export interface PoolLoaderOptions {
  readonly client: CognitoIdentitySender;
  readonly store: IdentityIdStore;
  readonly key: string;
  readonly identityPoolId: string;
  readonly accountId: string | undefined;
  readonly logins: Logins | undefined;
  readonly customRoleArn: string | undefined;
}

/**
 * Loads credentials for the identity of a pool: the cached identity id when there is one,
 * otherwise (or when the service rejects the cached id) a new one from GetId.
 */
export function poolCredentialsLoader(
  options: PoolLoaderOptions,
): () => Promise<CognitoIdentityCredentials> {
  const { client, store, key, identityPoolId, accountId, customRoleArn } = options;
  return async () => {
    const logins = await resolveLogins(options.logins);
    const cachedId = await readCachedId(store, key);
    if (cachedId !== undefined) {
      try {
        return await getCredentials(client, { identityId: cachedId, logins, customRoleArn });
      } catch (error) {
        if (!rejectsIdentityId(error)) throw error;
        // The cached id is replaced only once GetId has given another: should GetId fail too,
        // the id stays and is tried again, rather than a guest silently becoming someone new.
      }
    }
    const identityId = await getIdentityId(client, { identityPoolId, accountId, logins });
    // Stored before asking for credentials, so a failure from here on cannot lose it.
    if (identityId !== cachedId) await bestEffort(() => store.set(key, identityId));
    return getCredentials(client, { identityId, logins, customRoleArn });
  };
}

async function readCachedId(store: IdentityIdStore, key: string): Promise<string | undefined> {
  let value: unknown;
  try {
    value = await store.get(key);
  } catch (cause) {
    // Going on without it would create a new identity and orphan the stored one.
    throw new CredentialsProviderError(
      "IdentityIdStoreUnreadable",
      "The identity id store could not be read, so no identity was looked up or created.",
      { cause },
    );
  }
  // Anything else (a damaged entry, "undefined") is not an identity and cannot be lost.
  return isId(value) ? value : undefined;
}

/** Writes to the store without failing the call: the credentials are good either way. */
async function bestEffort(write: () => void | PromiseLike<void>): Promise<void> {
  try {
    await write();
  } catch {
    // A store that cannot keep the id (full, read-only) costs one GetId on the next load.
  }
}
