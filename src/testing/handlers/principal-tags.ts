import type {
  GetPrincipalTagAttributeMapInput,
  GetPrincipalTagAttributeMapResponse,
  SetPrincipalTagAttributeMapInput,
  SetPrincipalTagAttributeMapResponse,
} from "../../generated/types.js";
import { invalidParameter } from "../errors.js";
import { loginProviders } from "../logins.js";
import type { PoolRecord } from "../state.js";
import type { Handler } from "./handler.js";

/** The default mappings: the user name from `sub` and the app client from `aud`. */
const DEFAULT_PRINCIPAL_TAGS: ReadonlyMap<string, string> = new Map([
  ["username", "sub"],
  ["client", "aud"],
]);

/**
 * Sets how one provider's claims become principal tags. With `UseDefaults` the default
 * mappings apply and any custom ones given are ignored.
 */
export const setPrincipalTagAttributeMap: Handler<
  SetPrincipalTagAttributeMapInput,
  SetPrincipalTagAttributeMapResponse
> = (input, state) => {
  const pool = state.pool(input.IdentityPoolId);
  requireProvider(pool, input.IdentityProviderName);
  const useDefaults = input.UseDefaults ?? false;
  const tags = useDefaults
    ? DEFAULT_PRINCIPAL_TAGS
    : new Map(Object.entries(input.PrincipalTags ?? {}));
  pool.principalTagMaps.set(input.IdentityProviderName, { useDefaults, tags });
  return describe(pool, input.IdentityProviderName);
};

/** A provider that was never configured has no mappings and does not use the defaults. */
export const getPrincipalTagAttributeMap: Handler<
  GetPrincipalTagAttributeMapInput,
  GetPrincipalTagAttributeMapResponse
> = (input, state) => {
  const pool = state.pool(input.IdentityPoolId);
  requireProvider(pool, input.IdentityProviderName);
  return describe(pool, input.IdentityProviderName);
};

function describe(pool: PoolRecord, provider: string): GetPrincipalTagAttributeMapResponse {
  const map = pool.principalTagMaps.get(provider);
  return {
    IdentityPoolId: pool.id,
    IdentityProviderName: provider,
    UseDefaults: map?.useDefaults ?? false,
    PrincipalTags: Object.fromEntries(map?.tags ?? []),
  };
}

function requireProvider(pool: PoolRecord, provider: string): void {
  if (!loginProviders(pool).has(provider)) {
    throw invalidParameter(`${provider} is not a login provider of identity pool ${pool.id}.`);
  }
}
