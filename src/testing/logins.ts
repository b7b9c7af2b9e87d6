import { conflict, notAuthorized } from "./errors.js";
import { oidcLoginName } from "./ids.js";
import type { IdentityRecord, PoolRecord, ServiceState } from "./state.js";
import { COGNITO_ISSUER, decodeClaims } from "./tokens.js";

/** A login as an app sends it, reduced to who it names. */
export interface Login {
  readonly provider: string;
  readonly subject: string;
}

/**
 * The provider names a pool accepts in `Logins`: its public providers, OpenID Connect
 * providers (by issuer host), SAML providers (by ARN) and Cognito user pools (by provider
 * name). The developer provider is not among them: only the app's backend may speak for it,
 * through GetOpenIdTokenForDeveloperIdentity.
 */
export function loginProviders(pool: PoolRecord): Set<string> {
  const { settings } = pool;
  const names = new Set(Object.keys(settings.SupportedLoginProviders ?? {}));
  for (const arn of settings.OpenIdConnectProviderARNs ?? []) {
    const name = oidcLoginName(arn);
    if (name !== undefined) names.add(name);
  }
  for (const arn of settings.SamlProviderARNs ?? []) names.add(arn);
  for (const provider of settings.CognitoIdentityProviders ?? []) {
    if (provider.ProviderName !== undefined) names.add(provider.ProviderName);
  }
  return names;
}

/**
 * Turns provider tokens into users. The local service trusts every token (it cannot ask
 * Facebook or Google): a JWT stands for its `sub` claim, any other token for itself, so a
 * test can sign in as `{ "accounts.google.com": "alice" }`.
 */
export function subjectOf(token: string): string {
  const sub = decodeClaims(token)?.sub;
  return typeof sub === "string" && sub !== "" ? sub : token;
}

/**
 * Reads a `Logins` map against a pool: every provider must be one the pool accepts. A
 * token this service issued can be passed as `cognito-identity.amazonaws.com`; it proves
 * the identity it names instead of naming a provider user.
 */
export function readLogins(
  state: ServiceState,
  pool: PoolRecord,
  logins: Readonly<Record<string, string>> | undefined,
): { logins: Login[]; provenIdentityId?: string } {
  const accepted = loginProviders(pool);
  const result: Login[] = [];
  let provenIdentityId: string | undefined;
  for (const [provider, token] of Object.entries(logins ?? {})) {
    if (provider === COGNITO_ISSUER) {
      const claims = state.tokens.verify(token);
      if (!claims || claims.aud !== pool.id) {
        throw notAuthorized("Invalid login token: not a current token of this identity pool.");
      }
      provenIdentityId = claims.sub;
    } else if (accepted.has(provider)) {
      result.push({ provider, subject: subjectOf(token) });
    } else {
      throw notAuthorized(
        `Login provider ${provider} is not configured for identity pool ${pool.id}.`,
      );
    }
  }
  return provenIdentityId === undefined ? { logins: result } : { logins: result, provenIdentityId };
}

/**
 * The identity the given logins already belong to, if any. Logins of two different
 * identities cannot be used together.
 */
export function identityOfLogins(
  state: ServiceState,
  pool: PoolRecord,
  logins: readonly Login[],
): IdentityRecord | undefined {
  let found: IdentityRecord | undefined;
  for (const login of logins) {
    const owner = state.linkedIdentity(pool, login);
    if (owner && found && owner !== found) {
      throw conflict("The logins belong to different identities.");
    }
    found = owner ?? found;
  }
  return found;
}

/**
 * Checks that the caller speaks for `identity`: with no logins it must be a guest; with
 * logins, at least one must already be linked to it (or be a token issued for it), and none
 * may belong to another identity. Returns the logins not linked yet.
 */
export function proveOwnership(
  state: ServiceState,
  pool: PoolRecord,
  identity: IdentityRecord,
  logins: Readonly<Record<string, string>> | undefined,
): Login[] {
  const read = readLogins(state, pool, logins);
  if (read.provenIdentityId !== undefined && read.provenIdentityId !== identity.id) {
    throw notAuthorized("Invalid login token: it was issued for another identity.");
  }
  const unlinked: Login[] = [];
  let matched = read.provenIdentityId !== undefined;
  for (const login of read.logins) {
    const owner = state.linkedIdentity(pool, login);
    if (owner === identity) matched = true;
    else if (owner) throw conflict(`The ${login.provider} login is linked to another identity.`);
    else unlinked.push(login);
  }
  const isGuest = identity.logins.length === 0;
  if (!isGuest && !matched) {
    throw notAuthorized(
      `Logins do not match identity ${identity.id}: include at least one login linked to it.`,
    );
  }
  return unlinked;
}
