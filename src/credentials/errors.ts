/** Why a credentials provider failed, for callers that branch on it. */
export type CredentialsProviderErrorCode =
  /** GetId answered without an identity id. */
  | "MissingIdentityId"
  /** GetCredentialsForIdentity answered without complete credentials. */
  | "MissingCredentials"
  /** A login token function returned something other than a non-empty string. */
  | "InvalidLoginToken"
  /** The identity id store could not be read. */
  | "IdentityIdStoreUnreadable";

/**
 * A credentials provider could not produce credentials for a reason of its own (errors the
 * service returns reach the caller unchanged, as their typed classes). Its message never
 * contains a login token, secret key or session token.
 */
export class CredentialsProviderError extends Error {
  override readonly name = "CredentialsProviderError";
  readonly code: CredentialsProviderErrorCode;
  /**
   * Read by the provider chain of `@smithy/property-provider`: a configured identity pool
   * that fails should be reported, not skipped in favour of the next provider.
   */
  readonly tryNextLink = false;

  constructor(code: CredentialsProviderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
