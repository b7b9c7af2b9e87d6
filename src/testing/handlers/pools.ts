import type {
  CreateIdentityPoolInput,
  DeleteIdentityPoolInput,
  DescribeIdentityPoolInput,
  IdentityPool,
  ListIdentityPoolsInput,
  ListIdentityPoolsResponse,
} from "../../generated/types.js";
import { invalidParameter, modeledError } from "../errors.js";
import { isSamlProviderArn, oidcLoginName } from "../ids.js";
import type { PoolRecord, PoolSettings } from "../state.js";
import type { Handler } from "./handler.js";
import { tagsOf } from "./tags.js";

/**
 * The public providers the service knows, by the domain apps use as the login name: the
 * five the API reference lists, and Sign in with Apple, which the service added later.
 */
export const PUBLIC_PROVIDERS: ReadonlySet<string> = new Set([
  "graph.facebook.com",
  "accounts.google.com",
  "www.amazon.com",
  "api.twitter.com",
  "www.digits.com",
  "appleid.apple.com",
]);

const USER_POOL_PROVIDER = /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[\w-]+_[0-9a-zA-Z]+$/;

export const createIdentityPool: Handler<CreateIdentityPoolInput, IdentityPool> = (
  input,
  state,
) => {
  if (state.pools.size >= state.limits.identityPools) {
    throw modeledError(
      "LimitExceededException",
      `The account already has ${state.pools.size} identity pools, the most it may have.`,
    );
  }
  const { IdentityPoolTags, ...settings } = input;
  return describe(state.addPool(checkedSettings(settings), tagsOf(IdentityPoolTags)));
};

export const describeIdentityPool: Handler<DescribeIdentityPoolInput, IdentityPool> = (
  input,
  state,
) => describe(state.pool(input.IdentityPoolId));

/**
 * Replaces the pool's settings with the input, as the service does: settings left out are
 * cleared. Tags are replaced only when the input has some (TagResource manages them too),
 * and a developer provider name, once set, cannot change.
 */
export const updateIdentityPool: Handler<IdentityPool, IdentityPool> = (input, state) => {
  const pool = state.pool(input.IdentityPoolId);
  const { IdentityPoolId, IdentityPoolTags, ...settings } = input;
  const developer = pool.settings.DeveloperProviderName;
  if (developer !== undefined) {
    if (settings.DeveloperProviderName === undefined) settings.DeveloperProviderName = developer;
    else if (settings.DeveloperProviderName !== developer) {
      throw invalidParameter(
        `The developer provider name of identity pool ${IdentityPoolId} is ${developer} and cannot be changed.`,
      );
    }
  }
  const checked = checkedSettings(settings);
  const tags = IdentityPoolTags === undefined ? undefined : tagsOf(IdentityPoolTags);
  pool.settings = checked;
  if (tags) {
    pool.tags.clear();
    for (const [key, value] of tags) pool.tags.set(key, value);
  }
  return describe(pool);
};

export const deleteIdentityPool: Handler<DeleteIdentityPoolInput, undefined> = (input, state) => {
  state.deletePool(state.pool(input.IdentityPoolId));
};

export const listIdentityPools: Handler<ListIdentityPoolsInput, ListIdentityPoolsResponse> = (
  input,
  state,
) => {
  const page = state.pages.page(
    [...state.pools.values()],
    "ListIdentityPools",
    input.MaxResults,
    input.NextToken,
  );
  return {
    IdentityPools: page.items.map((pool) => ({
      IdentityPoolId: pool.id,
      IdentityPoolName: pool.settings.IdentityPoolName,
    })),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
};

function describe(pool: PoolRecord): IdentityPool {
  return {
    IdentityPoolId: pool.id,
    ...pool.settings,
    IdentityPoolTags: Object.fromEntries(pool.tags),
  };
}

/** Checks what the model cannot: that every provider is one the service can trust. */
function checkedSettings(settings: PoolSettings): PoolSettings {
  for (const name of Object.keys(settings.SupportedLoginProviders ?? {})) {
    if (!PUBLIC_PROVIDERS.has(name)) {
      throw invalidParameter(
        `${name} is not a supported public login provider; use one of ${[...PUBLIC_PROVIDERS].join(", ")}.`,
      );
    }
  }
  const oidc = settings.OpenIdConnectProviderARNs ?? [];
  for (const arn of oidc) {
    if (oidcLoginName(arn) === undefined) {
      throw invalidParameter(`${arn} is not the ARN of an IAM OpenID Connect provider.`);
    }
  }
  const saml = settings.SamlProviderARNs ?? [];
  for (const arn of saml) {
    if (!isSamlProviderArn(arn))
      throw invalidParameter(`${arn} is not the ARN of an IAM SAML provider.`);
  }
  const userPools = (settings.CognitoIdentityProviders ?? []).map((provider) => {
    if (provider.ProviderName === undefined || provider.ClientId === undefined) {
      throw invalidParameter(
        "Every Cognito identity provider needs a ProviderName and a ClientId.",
      );
    }
    if (!USER_POOL_PROVIDER.test(provider.ProviderName)) {
      throw invalidParameter(
        `${provider.ProviderName} is not a user pool provider name (cognito-idp.REGION.amazonaws.com/USER_POOL_ID).`,
      );
    }
    return `${provider.ProviderName}:${provider.ClientId}`;
  });
  for (const [what, list] of [
    ["OpenID Connect provider", oidc],
    ["SAML provider", saml],
    ["Cognito identity provider", userPools],
  ] as const) {
    const repeated = list.find((item, index) => list.indexOf(item) !== index);
    if (repeated !== undefined) throw invalidParameter(`The ${what} ${repeated} is listed twice.`);
  }
  // The service reports the classic flow as off unless it was turned on.
  return { ...settings, AllowClassicFlow: settings.AllowClassicFlow ?? false };
}
