import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Credentials } from "../generated/types.js";

/** The issuer of Cognito Identity's OpenID tokens, and the login name apps pass them under. */
export const COGNITO_ISSUER = "cognito-identity.amazonaws.com";

/** What the local service puts in an OpenID token. */
export interface OpenIdClaims {
  readonly iss: string;
  /** The identity ID. */
  readonly sub: string;
  /** The identity pool ID. */
  readonly aud: string;
  /** `["unauthenticated"]`, or `["authenticated", ...login provider names]`. */
  readonly amr: readonly string[];
  /** Issued at and expiry, in epoch seconds. */
  readonly iat: number;
  readonly exp: number;
  readonly "https://aws.amazon.com/tags"?: {
    readonly principal_tags: Readonly<Record<string, readonly string[]>>;
  };
}

const HEADER = base64url(JSON.stringify({ typ: "JWT", alg: "HS256", kid: "local-cognito-1" }));

/**
 * Issues and checks OpenID tokens shaped like the service's JWTs. They are signed with a
 * secret of this server instance (HS256), so a token can be verified when an app sends it
 * back as a `cognito-identity.amazonaws.com` login, and stops working after `reset()`.
 */
export class TokenIssuer {
  private readonly secret = randomBytes(32);

  issue(claims: {
    identityId: string;
    poolId: string;
    amr: readonly string[];
    lifetimeSeconds: number;
    principalTags?: Readonly<Record<string, string>> | undefined;
  }): string {
    const iat = Math.floor(Date.now() / 1000);
    const payload: OpenIdClaims = {
      iss: `https://${COGNITO_ISSUER}`,
      sub: claims.identityId,
      aud: claims.poolId,
      amr: claims.amr,
      iat,
      exp: iat + claims.lifetimeSeconds,
      ...(claims.principalTags && Object.keys(claims.principalTags).length > 0
        ? { "https://aws.amazon.com/tags": { principal_tags: tagClaims(claims.principalTags) } }
        : {}),
    };
    const body = `${HEADER}.${base64url(JSON.stringify(payload))}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The claims of a token this server issued and that has not expired; else undefined. */
  verify(token: string): OpenIdClaims | undefined {
    const [header, payload, signature] = token.split(".");
    if (header !== HEADER || payload === undefined || signature === undefined) return undefined;
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const claims = decodeClaims(token) as OpenIdClaims | undefined;
    if (!claims || claims.exp <= Date.now() / 1000) return undefined;
    return claims;
  }

  private sign(data: string): string {
    return createHmac("sha256", this.secret).update(data).digest("base64url");
  }
}

/** The payload of any JWT-shaped string, or undefined when it has none. */
export function decodeClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof claims === "object" && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Credentials are valid for an hour, as the service's are. */
const CREDENTIALS_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Temporary credentials that look like STS ones (`ASIA` key IDs) but grant nothing: no
 * AWS service knows them.
 */
export function temporaryCredentials(): Credentials {
  return {
    AccessKeyId: `ASIA${randomBytes(12).toString("hex").toUpperCase().slice(0, 16)}`,
    SecretKey: randomBytes(30).toString("base64"),
    SessionToken: randomBytes(96).toString("base64"),
    // Whole seconds, as the service sends them.
    Expiration: new Date(Math.floor((Date.now() + CREDENTIALS_LIFETIME_MS) / 1000) * 1000),
  };
}

function tagClaims(tags: Readonly<Record<string, string>>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, [value]]));
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}
