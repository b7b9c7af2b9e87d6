import type { AwsCredentialIdentity, HttpRequest } from "@smithy/types";

/** What a signer needs to know about one request. */
export interface SigningContext {
  readonly credentials: () => Promise<AwsCredentialIdentity>;
  readonly region: string;
  readonly signingName: string;
  /** The current time as the signer should see it (corrected for clock skew). */
  readonly signingDate: Date;
  /** A per-client place for a scheme to keep reusable state such as a signer instance. */
  readonly cache: Map<string, unknown>;
}

/**
 * An authentication scheme of an operation. Operations that need no authentication carry
 * none, so the code of a scheme is only bundled with operations that use it.
 */
export interface AuthScheme {
  readonly id: string;
  sign(request: HttpRequest, context: SigningContext): Promise<HttpRequest>;
}
