import type {
  GetOpenIdTokenForDeveloperIdentityInput,
  GetOpenIdTokenForDeveloperIdentityResponse,
  LookupDeveloperIdentityInput,
  LookupDeveloperIdentityResponse,
  MergeDeveloperIdentitiesInput,
  MergeDeveloperIdentitiesResponse,
  UnlinkDeveloperIdentityInput,
} from "../../generated/types.js";
import { conflict, invalidParameter, modeledError, notAuthorized, notFound } from "../errors.js";
import { identityOfLogins, type Login, readLogins } from "../logins.js";
import type { IdentityRecord, PoolRecord, ServiceState } from "../state.js";
import { authenticationMethods } from "./credentials.js";
import type { Handler } from "./handler.js";
import { usableIdentity } from "./identities.js";

/** "If you don't provide an expiration time, the token is valid for 15 minutes." */
const DEFAULT_TOKEN_SECONDS = 15 * 60;
/** "The number of linked logins is limited to 20" (for the two users of a merge together). */
const MAX_LINKED_LOGINS = 20;
/** LookupDeveloperIdentity pages by this many when the caller gives no MaxResults. */
const DEFAULT_LOOKUP_PAGE = 60;

/**
 * The app's backend vouches for one of its users (the developer provider's entry in
 * `Logins`): the user's identity is found, or created, or the given `IdentityId` is used,
 * and every login in the map is linked to it.
 */
export const getOpenIdTokenForDeveloperIdentity: Handler<
  GetOpenIdTokenForDeveloperIdentityInput,
  GetOpenIdTokenForDeveloperIdentityResponse
> = (input, state) => {
  const pool = state.pool(input.IdentityPoolId);
  const developer = pool.settings.DeveloperProviderName;
  // Entries, not indexing: a provider may be named `__proto__`.
  const entries = Object.entries(input.Logins);
  const developerUser = entries.find(([provider]) => provider === developer)?.[1];
  const others = Object.fromEntries(entries.filter(([provider]) => provider !== developer));
  if (developerUser === undefined && Object.keys(others).length === 0) {
    throw invalidParameter("Logins must name the developer provider's user or another login.");
  }
  const read = readLogins(state, pool, others);
  if (read.provenIdentityId !== undefined) {
    throw notAuthorized("Developer identities do not take Cognito tokens as logins.");
  }
  const logins: Login[] = [...read.logins];
  const developerLogin =
    developer === undefined || developerUser === undefined
      ? undefined
      : { provider: developer, subject: developerUser };
  if (developerLogin) logins.unshift(developerLogin);

  let identity: IdentityRecord;
  if (input.IdentityId === undefined) {
    identity = identityOfLogins(state, pool, logins) ?? state.addIdentity(pool);
  } else {
    identity = usableIdentityIn(state, pool, input.IdentityId);
    const owner = developerLogin && state.linkedIdentity(pool, developerLogin);
    if (owner && owner !== identity) {
      throw modeledError(
        "DeveloperUserAlreadyRegisteredException",
        `Developer user ${developerLogin.subject} is already linked to identity ${owner.id}.`,
      );
    }
  }
  state.link(identity, logins, developer);
  const Token = state.tokens.issue({
    identityId: identity.id,
    poolId: pool.id,
    amr: authenticationMethods(identity),
    lifetimeSeconds: input.TokenDuration ?? DEFAULT_TOKEN_SECONDS,
    principalTags: input.PrincipalTags,
  });
  return { IdentityId: identity.id, Token };
};

/**
 * Finds an identity by developer user, or a developer user list by identity; given both,
 * checks that they belong together. The list of users comes in pages.
 */
export const lookupDeveloperIdentity: Handler<
  LookupDeveloperIdentityInput,
  LookupDeveloperIdentityResponse
> = (input, state) => {
  const pool = state.pool(input.IdentityPoolId);
  const developer = pool.settings.DeveloperProviderName;
  let identity: IdentityRecord;
  if (input.DeveloperUserIdentifier !== undefined) {
    const user = input.DeveloperUserIdentifier;
    const owner = developer && state.linkedIdentity(pool, { provider: developer, subject: user });
    if (!owner) throw notFound(`No identity in pool ${pool.id} has developer user ${user}.`);
    if (input.IdentityId !== undefined && input.IdentityId !== owner.id) {
      throw conflict(`Developer user ${user} is not linked to identity ${input.IdentityId}.`);
    }
    identity = owner;
  } else if (input.IdentityId !== undefined) {
    identity = state.identityIn(pool, input.IdentityId);
  } else {
    throw invalidParameter("Give an IdentityId, a DeveloperUserIdentifier, or both.");
  }
  const users = identity.logins.filter((login) => login.provider === developer);
  const page = state.pages.page(
    users,
    `LookupDeveloperIdentity ${identity.id}`,
    input.MaxResults ?? DEFAULT_LOOKUP_PAGE,
    input.NextToken,
  );
  return {
    IdentityId: identity.id,
    DeveloperUserIdentifierList: page.items.map((login) => login.subject),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
};

/**
 * Moves every login of the source user's identity to the destination user's identity and
 * deletes the source identity. Two different users of one public provider cannot be merged.
 */
export const mergeDeveloperIdentities: Handler<
  MergeDeveloperIdentitiesInput,
  MergeDeveloperIdentitiesResponse
> = (input, state) => {
  const pool = state.pool(input.IdentityPoolId);
  const developer = requireDeveloperProvider(pool, input.DeveloperProviderName);
  const identityOf = (user: string, role: string) => {
    const owner = state.linkedIdentity(pool, { provider: developer, subject: user });
    if (!owner)
      throw notFound(`The ${role} developer user ${user} is not registered in pool ${pool.id}.`);
    return owner;
  };
  const source = identityOf(input.SourceUserIdentifier, "source");
  const destination = identityOf(input.DestinationUserIdentifier, "destination");
  if (source === destination) return { IdentityId: destination.id };

  const total = source.logins.length + destination.logins.length;
  if (total > MAX_LINKED_LOGINS) {
    throw invalidParameter(
      `The merged identity would have ${total} linked logins; at most ${MAX_LINKED_LOGINS} are allowed.`,
    );
  }
  for (const login of source.logins) {
    const clash = destination.logins.find(
      (linked) => linked.provider === login.provider && login.provider !== developer,
    );
    if (clash) {
      throw conflict(
        `Both identities have a different ${login.provider} user; they cannot be merged.`,
      );
    }
  }
  const moved = source.logins.map(({ provider, subject }) => ({ provider, subject }));
  state.deleteIdentity(source);
  state.link(destination, moved, developer);
  return { IdentityId: destination.id };
};

/** Unlinks a developer user; the identity is disabled if that was its last login. */
export const unlinkDeveloperIdentity: Handler<UnlinkDeveloperIdentityInput, undefined> = (
  input,
  state,
) => {
  const pool = state.pool(input.IdentityPoolId);
  const identity = state.identityIn(pool, input.IdentityId);
  const developer = requireDeveloperProvider(pool, input.DeveloperProviderName);
  const user = input.DeveloperUserIdentifier;
  const owner = state.linkedIdentity(pool, { provider: developer, subject: user });
  if (!owner) throw notFound(`Developer user ${user} is not registered in pool ${pool.id}.`);
  if (owner !== identity) {
    throw conflict(`Developer user ${user} is linked to another identity, not ${identity.id}.`);
  }
  state.unlink(identity, (login) => login.provider === developer && login.subject === user);
};

function requireDeveloperProvider(pool: PoolRecord, name: string): string {
  if (pool.settings.DeveloperProviderName !== name) {
    throw notAuthorized(`${name} is not the developer provider of identity pool ${pool.id}.`);
  }
  return name;
}

function usableIdentityIn(state: ServiceState, pool: PoolRecord, id: string): IdentityRecord {
  state.identityIn(pool, id);
  return usableIdentity(state, id);
}
