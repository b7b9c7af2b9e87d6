import { randomUUID } from "node:crypto";
import { partition } from "../runtime/endpoints/partitions.js";

/** Identity pool and identity IDs have the form `REGION:UUID`. */
export function newRegionalId(region: string): string {
  return `${region}:${randomUUID()}`;
}

/** `arn:aws:cognito-identity:REGION:ACCOUNT:identitypool/ID` (partition from the region). */
export function poolArn(region: string, accountId: string, poolId: string): string {
  return `arn:${partition(region).name}:cognito-identity:${region}:${accountId}:identitypool/${poolId}`;
}

export interface PoolArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly poolId: string;
}

const POOL_ARN = /^arn:[\w-]+:cognito-identity:([\w-]+):(\d{12}):identitypool\/(.+)$/;

/** The parts of an identity pool ARN, or undefined when the string is not one. */
export function parsePoolArn(arn: string): PoolArnParts | undefined {
  const match = POOL_ARN.exec(arn);
  if (!match) return undefined;
  return { region: match[1]!, accountId: match[2]!, poolId: match[3]! };
}

const ROLE_ARN = /^arn:[\w-]+:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const OIDC_PROVIDER_ARN = /^arn:[\w-]+:iam::\d{12}:oidc-provider\/(.+)$/;
const SAML_PROVIDER_ARN = /^arn:[\w-]+:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/;

export const isRoleArn = (arn: string) => ROLE_ARN.test(arn);
export const isSamlProviderArn = (arn: string) => SAML_PROVIDER_ARN.test(arn);

/**
 * The login name of an IAM OpenID Connect provider: its ARN ends in the issuer's host and
 * path, which is what apps put in `Logins` (`arn:...:oidc-provider/login.example.com` →
 * `login.example.com`). Undefined when the ARN is not an OIDC provider ARN.
 */
export function oidcLoginName(arn: string): string | undefined {
  return OIDC_PROVIDER_ARN.exec(arn)?.[1];
}
