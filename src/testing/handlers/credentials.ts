import type {
  GetCredentialsForIdentityInput,
  GetCredentialsForIdentityResponse,
  GetOpenIdTokenInput,
  GetOpenIdTokenResponse,
} from "../../generated/types.js";
import { modeledError, notAuthorized } from "../errors.js";
import { proveOwnership } from "../logins.js";
import type { IdentityRecord, PoolRecord, ServiceState } from "../state.js";
import { temporaryCredentials } from "../tokens.js";
import type { Handler } from "./handler.js";
import { requireGuestAccess, usableIdentity } from "./identities.js";

/** "The OpenID token is valid for 10 minutes." */
const OPEN_ID_TOKEN_SECONDS = 10 * 60;

/**
 * Credentials for the pool's role for this kind of identity: authenticated when it has
 * linked logins, unauthenticated (guest) otherwise. Logins not linked yet are linked first,
 * which is how a guest becomes an authenticated identity.
 */
export const getCredentialsForIdentity: Handler<
  GetCredentialsForIdentityInput,
  GetCredentialsForIdentityResponse
> = (input, state) => {
  const { identity, pool } = signIn(state, input.IdentityId, input.Logins);
  const kind = identity.logins.length > 0 ? "authenticated" : "unauthenticated";
  const role = pool.roles.get(kind);
  if (role === undefined) {
    throw modeledError(
      "InvalidIdentityPoolConfigurationException",
      `Identity pool ${pool.id} has no ${kind} role to give identity ${identity.id}.`,
    );
  }
  if (input.CustomRoleArn !== undefined && !rolesFor(pool, kind).has(input.CustomRoleArn)) {
    throw notAuthorized(`Identity ${identity.id} may not assume ${input.CustomRoleArn}.`);
  }
  return { IdentityId: identity.id, Credentials: temporaryCredentials() };
};

export const getOpenIdToken: Handler<GetOpenIdTokenInput, GetOpenIdTokenResponse> = (
  input,
  state,
) => {
  const { identity, pool } = signIn(state, input.IdentityId, input.Logins);
  const Token = state.tokens.issue({
    identityId: identity.id,
    poolId: pool.id,
    amr: authenticationMethods(identity),
    lifetimeSeconds: OPEN_ID_TOKEN_SECONDS,
  });
  return { IdentityId: identity.id, Token };
};

/** What the token says about how the identity signed in (its `amr` claim). */
export function authenticationMethods(identity: IdentityRecord): string[] {
  if (identity.logins.length === 0) return ["unauthenticated"];
  return ["authenticated", ...new Set(identity.logins.map((login) => login.provider))];
}

/** Proves the caller speaks for the identity, links new logins, and checks guest access. */
function signIn(
  state: ServiceState,
  identityId: string,
  logins: Readonly<Record<string, string>> | undefined,
): { identity: IdentityRecord; pool: PoolRecord } {
  const identity = usableIdentity(state, identityId);
  const pool = state.pool(identity.poolId);
  state.link(identity, proveOwnership(state, pool, identity, logins));
  if (identity.logins.length === 0) requireGuestAccess(pool);
  return { identity, pool };
}

/** The roles an identity may ask for by ARN: its default role, and any role mapping rule's. */
function rolesFor(pool: PoolRecord, kind: "authenticated" | "unauthenticated"): Set<string> {
  const roles = new Set<string>();
  const base = pool.roles.get(kind);
  if (base !== undefined) roles.add(base);
  if (kind === "authenticated") {
    for (const mapping of pool.roleMappings.values()) {
      for (const rule of mapping.RulesConfiguration?.Rules ?? []) roles.add(rule.RoleARN);
    }
  }
  return roles;
}
