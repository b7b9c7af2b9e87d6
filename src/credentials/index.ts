/**
 * Temporary AWS credentials from an Amazon Cognito identity pool, as a credentials provider
 * for this package's client and for any client of the AWS SDK for JavaScript v3.
 *
 * Imports the client and the two commands it sends directly, not the package's index, so a
 * bundle of the provider carries neither the other commands nor the SigV4 signer.
 */
import type { CognitoIdentityClientConfig } from "../generated/client.js";
import { ConfigurationError } from "../runtime/errors.js";
import { reuseUntilExpiry } from "../runtime/refresh.js";
import {
  defaultIdentityIdStore,
  type IdentityIdStore,
  identityIdCacheKey,
  readCachedId,
} from "./identity-cache.js";
import { checkLogins, type Logins, resolveLogins } from "./logins.js";
import {
  checkId,
  checkOptionalString,
  checkRefreshWindow,
  checkStore,
  regionOf,
  resolveClient,
} from "./options.js";
import {
  type CognitoIdentityCredentials,
  type CognitoIdentitySender,
  getCredentials,
  getIdentityId,
  rejectsIdentityId,
} from "./service.js";

export { ConfigurationError } from "../runtime/errors.js";
export { CredentialsProviderError, type CredentialsProviderErrorCode } from "./errors.js";
export {
  type IdentityIdStore,
  memoryIdentityIdStore,
  type WebStorageLike,
  webStorageIdentityIdStore,
} from "./identity-cache.js";
export type { Logins, LoginToken } from "./logins.js";
export type { CognitoIdentityCredentials, CognitoIdentitySender } from "./service.js";

/**
 * A provider of Cognito identity credentials, with the `AwsCredentialIdentityProvider`
 * contract of `@smithy/types`: pass it as `credentials` to any AWS SDK v3 client. It caches
 * the credentials and refreshes them shortly before they expire; concurrent calls share one
 * refresh. Called with `{ forceRefresh: true }`, it refreshes even when the cache is fresh.
 */
export type CognitoIdentityCredentialProvider = (
  identityProperties?: Record<string, unknown>,
) => Promise<CognitoIdentityCredentials>;

/** The provider of {@link fromCognitoIdentityPool}. */
export interface CognitoIdentityPoolCredentialProvider extends CognitoIdentityCredentialProvider {
  /**
   * Removes this provider's identity id from its store and forgets its credentials, for
   * example when a user signs out. A refresh already running is waited for first, so it
   * cannot store the id again afterwards. The next call gets an identity from GetId: for a
   * guest, a new identity.
   */
  clearCachedIdentityId(): Promise<void>;
}

/** Options that say how the provider reaches the service, with its own client or yours. */
export type ClientOptions = WithClientConfig | WithClient;

export interface WithClientConfig {
  client?: undefined;
  /**
   * Options of the `CognitoIdentityClient` the provider creates, such as `endpoint` or
   * `requestHandler`.
   * @default `{ region }` with the Region of the identity pool id (or identity id)
   */
  clientConfig?: CognitoIdentityClientConfig | undefined;
}

export interface WithClient {
  /**
   * A `CognitoIdentityClient` of this package to send GetId and GetCredentialsForIdentity
   * with, used with its own Region and endpoint. These calls are unsigned, so it needs no
   * credentials (and must not use this provider's).
   */
  client: CognitoIdentitySender;
  clientConfig?: undefined;
}

/** Options both providers share. */
export interface CommonProviderOptions {
  /**
   * Logins of a signed-in user, by login provider name (for example `accounts.google.com` or
   * `cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE`). Each value is the token, or a
   * function returning a current token, called again on every refresh. An error thrown by a
   * token function rejects the refresh unchanged. Create a new provider when the set of
   * login providers changes (sign-in, sign-out).
   * @default none: a guest (unauthenticated) identity
   */
  logins?: Logins | undefined;
  /**
   * The ARN of the role to assume, when the login provider's token allows several (as a SAML
   * provider's may).
   * @default the role the identity pool chooses
   */
  customRoleArn?: string | undefined;
  /**
   * How long before the credentials expire the provider gets new ones. Keep it below the
   * credentials' lifetime (one hour), or every call refreshes.
   * @default 300000 (5 minutes)
   */
  refreshWindowMs?: number | undefined;
}

/** The options of {@link fromCognitoIdentityPool}. */
export type FromCognitoIdentityPoolOptions = CognitoIdentityPoolParameters & ClientOptions;

export interface CognitoIdentityPoolParameters extends CommonProviderOptions {
  /** The identity pool, in the form `REGION:GUID`. */
  identityPoolId: string;
  /**
   * The AWS account id that owns the identity pool, sent to GetId.
   * @default none; the service does not need it
   */
  accountId?: string | undefined;
  /**
   * Where identity ids are kept, so that a user (or guest) keeps one identity across
   * refreshes, page loads and provider instances that share the store. Any object with
   * `get`, `set` and `remove` methods, synchronous or asynchronous, works.
   * @default `localStorage` where it exists and works, otherwise a memory store of this provider
   */
  cache?: IdentityIdStore | undefined;
  /**
   * A stable, non-secret name of the signed-in user (such as the `sub` of their token), put
   * in the cache key so that users who sign in with the same login provider on one device
   * keep apart. Only for signed-in users: it needs `logins`.
   * @default none: the key names the login providers
   */
  userIdentifier?: string | undefined;
}

/** The options of {@link fromCognitoIdentity}. */
export type FromCognitoIdentityOptions = CognitoIdentityParameters & ClientOptions;

export interface CognitoIdentityParameters extends CommonProviderOptions {
  /** The identity to get credentials for, in the form `REGION:GUID`. */
  identityId: string;
}

/**
 * Credentials for the identity of a guest or a signed-in user in an identity pool: GetId
 * finds or creates the identity, then GetCredentialsForIdentity returns its credentials.
 *
 * The identity id is cached in `cache`, under a key made of the pool id and, for signed-in
 * users, `userIdentifier` or the login provider names (never a token). A cached id is
 * replaced only when the service rejects it (`NotAuthorizedException` or
 * `ResourceNotFoundException`) and GetId returns another; network failures, throttling and
 * server errors keep it.
 *
 * @throws {@link ConfigurationError} at once, when an option is missing or malformed
 */
export function fromCognitoIdentityPool(
  options: FromCognitoIdentityPoolOptions,
): CognitoIdentityPoolCredentialProvider {
  const identityPoolId = checkId("identityPoolId", options?.identityPoolId);
  const logins = checkLogins(options.logins);
  const userIdentifier = checkOptionalString("userIdentifier", options.userIdentifier);
  if (userIdentifier !== undefined && logins === undefined) {
    // It names a signed-in user; guests share one identity per store.
    throw new ConfigurationError("userIdentifier", "`userIdentifier` needs `logins`.");
  }
  const store = checkStore(options.cache) ?? defaultIdentityIdStore();
  const key = identityIdCacheKey(identityPoolId, logins, userIdentifier);
  const client = resolveClient(options, regionOf(identityPoolId));
  const accountId = checkOptionalString("accountId", options.accountId);
  const customRoleArn = checkOptionalString("customRoleArn", options.customRoleArn);
  // Loads credentials for the cached identity id, or for a new one from GetId when there is
  // none or the service rejects it.
  const credentials = reuseUntilExpiry(async () => {
    const currentLogins = await resolveLogins(logins);
    const credentialsOf = (id: string) =>
      getCredentials(client, {
        IdentityId: id,
        Logins: currentLogins,
        CustomRoleArn: customRoleArn,
      });
    const cachedId = await readCachedId(store, key);
    if (cachedId !== undefined) {
      try {
        return await credentialsOf(cachedId);
      } catch (error) {
        if (!rejectsIdentityId(error)) throw error;
        // The cached id is replaced only once GetId has given another: should GetId fail too,
        // the id stays and is tried again, rather than a guest silently becoming someone new.
      }
    }
    const identityId = await getIdentityId(client, {
      IdentityPoolId: identityPoolId,
      AccountId: accountId,
      Logins: currentLogins,
    });
    if (identityId !== cachedId) {
      // Stored before asking for credentials, so a failure from here on cannot lose it.
      try {
        await store.set(key, identityId);
      } catch {
        // The credentials are good anyway; a store that cannot keep the id (full, read-only)
        // costs one GetId on the next load.
      }
    }
    return credentialsOf(identityId);
  }, checkRefreshWindow(options.refreshWindowMs));
  const provider = (identityProperties?: Record<string, unknown>) =>
    credentials.get(identityProperties?.forceRefresh === true);
  return Object.assign(provider, {
    async clearCachedIdentityId() {
      await credentials.clear();
      await store.remove(key);
    },
  });
}

/**
 * Credentials for an identity whose id you already have, from GetCredentialsForIdentity.
 * Signed-in identities need the `logins` they were created with.
 *
 * @throws {@link ConfigurationError} at once, when an option is missing or malformed
 */
export function fromCognitoIdentity(
  options: FromCognitoIdentityOptions,
): CognitoIdentityCredentialProvider {
  const identityId = checkId("identityId", options?.identityId);
  const logins = checkLogins(options.logins);
  const customRoleArn = checkOptionalString("customRoleArn", options.customRoleArn);
  const client = resolveClient(options, regionOf(identityId));
  const credentials = reuseUntilExpiry(
    async () =>
      getCredentials(client, {
        IdentityId: identityId,
        Logins: await resolveLogins(logins),
        CustomRoleArn: customRoleArn,
      }),
    checkRefreshWindow(options.refreshWindowMs),
  );
  return (identityProperties) => credentials.get(identityProperties?.forceRefresh === true);
}
