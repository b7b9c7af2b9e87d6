import type {
  DeleteIdentitiesInput,
  DeleteIdentitiesResponse,
  DescribeIdentityInput,
  GetIdInput,
  GetIdResponse,
  IdentityDescription,
  ListIdentitiesInput,
  ListIdentitiesResponse,
  UnlinkIdentityInput,
  UnprocessedIdentityId,
} from "../../generated/types.js";
import { invalidParameter, notAuthorized, notFound } from "../errors.js";
import { identityOfLogins, proveOwnership, readLogins } from "../logins.js";
import type { IdentityRecord, PoolRecord, ServiceState } from "../state.js";
import type { Handler } from "./handler.js";

/**
 * Without logins: a new guest identity, if the pool allows guests. With logins: the identity
 * they are linked to, or a new one; logins not linked yet are linked to it.
 */
export const getId: Handler<GetIdInput, GetIdResponse> = (input, state) => {
  const pool = state.pool(input.IdentityPoolId);
  if (input.AccountId !== undefined && input.AccountId !== state.accountId) {
    throw notFound(`Identity pool ${pool.id} was not found in account ${input.AccountId}.`);
  }
  const { logins, provenIdentityId } = readLogins(state, pool, input.Logins);
  if (provenIdentityId !== undefined) {
    throw notAuthorized("GetId does not take Cognito tokens; pass the provider's login instead.");
  }
  if (logins.length === 0) {
    requireGuestAccess(pool);
    return { IdentityId: state.addIdentity(pool).id };
  }
  const identity = identityOfLogins(state, pool, logins) ?? state.addIdentity(pool);
  state.link(identity, logins);
  return { IdentityId: identity.id };
};

export const describeIdentity: Handler<DescribeIdentityInput, IdentityDescription> = (
  input,
  state,
) => describe(state.identity(input.IdentityId));

export const listIdentities: Handler<ListIdentitiesInput, ListIdentitiesResponse> = (
  input,
  state,
) => {
  const pool = state.pool(input.IdentityPoolId);
  const identities = state
    .identitiesOf(pool)
    .filter((identity) => !(input.HideDisabled && identity.disabled));
  const page = state.pages.page(
    identities,
    `ListIdentities ${pool.id}`,
    input.MaxResults,
    input.NextToken,
  );
  return {
    IdentityPoolId: pool.id,
    Identities: page.items.map(describe),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
};

/**
 * Deletes what it can. An ID that names no identity of this account is reported back as
 * `AccessDenied`, as the service does for identities the caller may not touch.
 */
export const deleteIdentities: Handler<DeleteIdentitiesInput, DeleteIdentitiesResponse> = (
  input,
  state,
) => {
  const unprocessed: UnprocessedIdentityId[] = [];
  for (const id of new Set(input.IdentityIdsToDelete)) {
    const identity = state.identities.get(id);
    if (identity) state.deleteIdentity(identity);
    else unprocessed.push({ IdentityId: id, ErrorCode: "AccessDenied" });
  }
  return { UnprocessedIdentityIds: unprocessed };
};

/**
 * Removes logins from an identity whose owner proves who they are with `Logins`. Removing
 * the last one leaves the identity disabled.
 */
export const unlinkIdentity: Handler<UnlinkIdentityInput, undefined> = (input, state) => {
  const identity = usableIdentity(state, input.IdentityId);
  const pool = state.pool(identity.poolId);
  proveOwnership(state, pool, identity, input.Logins);
  if (identity.logins.length === 0) {
    throw notAuthorized(`Identity ${identity.id} is a guest identity: it has no logins to unlink.`);
  }
  const linked = new Set(identity.logins.map((login) => login.provider));
  for (const provider of input.LoginsToRemove) {
    if (!linked.has(provider)) {
      throw invalidParameter(`Identity ${identity.id} has no ${provider} login to unlink.`);
    }
  }
  const remove = new Set(input.LoginsToRemove);
  state.unlink(identity, (login) => remove.has(login.provider));
};

/** An identity that may still sign in: existing, and not disabled by losing its logins. */
export function usableIdentity(state: ServiceState, id: string): IdentityRecord {
  const identity = state.identity(id);
  if (identity.disabled) throw notAuthorized(`Identity ${id} is disabled.`);
  return identity;
}

export function requireGuestAccess(pool: PoolRecord): void {
  if (!pool.settings.AllowUnauthenticatedIdentities) {
    throw notAuthorized(`Identity pool ${pool.id} does not allow unauthenticated identities.`);
  }
}

function describe(identity: IdentityRecord): IdentityDescription {
  return {
    IdentityId: identity.id,
    Logins: [...new Set(identity.logins.map((login) => login.provider))],
    CreationDate: identity.created,
    LastModifiedDate: identity.modified,
  };
}
