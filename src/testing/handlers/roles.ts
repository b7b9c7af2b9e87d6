import {
  AmbiguousRoleResolutionType,
  type GetIdentityPoolRolesInput,
  type GetIdentityPoolRolesResponse,
  MappingRuleMatchType,
  type RoleMapping,
  RoleMappingType,
  type SetIdentityPoolRolesInput,
} from "../../generated/types.js";
import { invalidParameter } from "../errors.js";
import { isRoleArn, oidcLoginName } from "../ids.js";
import type { PoolRecord } from "../state.js";
import type { Handler } from "./handler.js";

/** "Up to 25 rules can be specified per identity provider." (The model allows 400.) */
const MAX_RULES_PER_PROVIDER = 25;

/** Replaces the pool's roles and role mappings (mappings left out are removed). */
export const setIdentityPoolRoles: Handler<SetIdentityPoolRolesInput, undefined> = (
  input,
  state,
) => {
  const pool = state.pool(input.IdentityPoolId);
  for (const [kind, arn] of Object.entries(input.Roles)) {
    if (!isRoleArn(arn)) throw invalidParameter(`The ${kind} role ${arn} is not an IAM role ARN.`);
  }
  const mappings = new Map(Object.entries(input.RoleMappings ?? {}));
  const providers = roleMappingProviders(pool);
  for (const [provider, mapping] of mappings) {
    if (!providers.has(provider)) {
      throw invalidParameter(
        `Role mapping ${provider} names no provider of identity pool ${pool.id}; use one of: ${[...providers].join(", ") || "(none configured)"}.`,
      );
    }
    checkMapping(provider, mapping);
  }
  pool.roles.clear();
  for (const [kind, arn] of Object.entries(input.Roles)) pool.roles.set(kind, arn);
  pool.roleMappings = mappings;
};

export const getIdentityPoolRoles: Handler<
  GetIdentityPoolRolesInput,
  GetIdentityPoolRolesResponse
> = (input, state) => {
  const pool = state.pool(input.IdentityPoolId);
  return {
    IdentityPoolId: pool.id,
    Roles: Object.fromEntries(pool.roles),
    ...(pool.roleMappings.size > 0 ? { RoleMappings: Object.fromEntries(pool.roleMappings) } : {}),
  };
};

/** Enum values the model lists; the service refuses others. */
const isOneOf = (values: Record<string, string>, value: string | undefined) =>
  value !== undefined && Object.values(values).includes(value);

function checkMapping(provider: string, mapping: RoleMapping): void {
  if (!isOneOf(RoleMappingType, mapping.Type)) {
    throw invalidParameter(`Role mapping ${provider}: Type ${mapping.Type} is not Token or Rules.`);
  }
  // Both mapping types need it: it says what to do when no single role results.
  if (!isOneOf(AmbiguousRoleResolutionType, mapping.AmbiguousRoleResolution)) {
    throw invalidParameter(
      `Role mapping ${provider}: AmbiguousRoleResolution must be AuthenticatedRole or Deny.`,
    );
  }
  if (mapping.Type !== RoleMappingType.RULES) return;
  const rules = mapping.RulesConfiguration?.Rules;
  if (rules === undefined) {
    throw invalidParameter(`Role mapping ${provider}: Type Rules needs a RulesConfiguration.`);
  }
  if (rules.length > MAX_RULES_PER_PROVIDER) {
    throw invalidParameter(
      `Role mapping ${provider} has ${rules.length} rules; at most ${MAX_RULES_PER_PROVIDER} are allowed.`,
    );
  }
  for (const rule of rules) {
    if (!isOneOf(MappingRuleMatchType, rule.MatchType)) {
      throw invalidParameter(`Role mapping ${provider}: MatchType ${rule.MatchType} is not known.`);
    }
    if (!isRoleArn(rule.RoleARN)) {
      throw invalidParameter(`Role mapping ${provider}: ${rule.RoleARN} is not an IAM role ARN.`);
    }
  }
}

/**
 * The keys role mappings use for the pool's providers: the login name, except for Cognito
 * user pools, which are mapped per app client (`ProviderName:ClientId`).
 */
function roleMappingProviders(pool: PoolRecord): Set<string> {
  const { settings } = pool;
  const keys = new Set(Object.keys(settings.SupportedLoginProviders ?? {}));
  for (const arn of settings.OpenIdConnectProviderARNs ?? []) keys.add(oidcLoginName(arn) ?? arn);
  for (const arn of settings.SamlProviderARNs ?? []) keys.add(arn);
  for (const { ProviderName, ClientId } of settings.CognitoIdentityProviders ?? []) {
    keys.add(`${ProviderName}:${ClientId}`);
  }
  return keys;
}
