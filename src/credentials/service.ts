import type { AwsCredentialIdentity } from "@smithy/types";
import type { CognitoIdentityClient } from "../generated/client.js";
import { GetCredentialsForIdentityCommand } from "../generated/commands/GetCredentialsForIdentityCommand.js";
import { GetIdCommand } from "../generated/commands/GetIdCommand.js";
import { isCognitoIdentityError } from "../generated/errors.js";
import type {
  Credentials,
  GetCredentialsForIdentityInput,
  GetIdInput,
} from "../generated/types.js";
import { CredentialsProviderError } from "./errors.js";

/**
 * Temporary AWS credentials of a Cognito identity. They fit wherever the AWS SDK takes an
 * `AwsCredentialIdentity`, and also say which identity they belong to.
 */
export interface CognitoIdentityCredentials extends AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** When the service stops accepting them. */
  readonly expiration: Date;
  /** The identity the credentials were issued to, in the form `REGION:GUID`. */
  readonly identityId: string;
}

/** What the provider needs of a client: only `send`, so any copy of the client class fits. */
export type CognitoIdentitySender = Pick<CognitoIdentityClient, "send">;

/** Calls GetId and returns the identity id. */
export async function getIdentityId(
  client: CognitoIdentitySender,
  input: GetIdInput,
): Promise<string> {
  const { IdentityId } = await client.send(new GetIdCommand(input));
  if (!IdentityId) {
    throw new CredentialsProviderError(
      "MissingIdentityId",
      `GetId for identity pool "${input.IdentityPoolId}" answered without an IdentityId.`,
    );
  }
  return IdentityId;
}

/** Calls GetCredentialsForIdentity and returns complete credentials, or rejects. */
export async function getCredentials(
  client: CognitoIdentitySender,
  input: GetCredentialsForIdentityInput,
): Promise<CognitoIdentityCredentials> {
  const output = await client.send(new GetCredentialsForIdentityCommand(input));
  return toCredentials(output.Credentials, output.IdentityId || input.IdentityId);
}

function toCredentials(
  credentials: Credentials | undefined,
  identityId: string,
): CognitoIdentityCredentials {
  const { AccessKeyId, SecretKey, SessionToken, Expiration } = credentials ?? {};
  if (!AccessKeyId || !SecretKey || !SessionToken || !(Expiration instanceof Date)) {
    // Name what is missing, never show what is present: it includes secrets.
    const missing = credentials
      ? Object.entries({ AccessKeyId, SecretKey, SessionToken, Expiration })
          .filter(([, value]) => !value)
          .map(([name]) => `Credentials.${name}`)
      : ["Credentials"];
    throw new CredentialsProviderError(
      "MissingCredentials",
      `GetCredentialsForIdentity for identity "${identityId}" answered without ${missing.join(", ")}.`,
    );
  }
  return Object.freeze({
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretKey,
    sessionToken: SessionToken,
    expiration: Expiration,
    identityId,
  });
}

/**
 * Whether the service rejected an identity id itself, as opposed to failing to answer. Only
 * then may a cached id be replaced; anything else (network, throttling, 5xx) keeps it.
 */
export function rejectsIdentityId(error: unknown): boolean {
  return (
    isCognitoIdentityError(error, "NotAuthorizedException") ||
    isCognitoIdentityError(error, "ResourceNotFoundException")
  );
}
