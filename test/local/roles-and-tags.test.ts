/**
 * Pool configuration in the local service: SetIdentityPoolRoles, GetIdentityPoolRoles,
 * SetPrincipalTagAttributeMap, GetPrincipalTagAttributeMap, TagResource, UntagResource and
 * ListTagsForResource.
 */
import { describe, expect, it } from "vitest";
import {
  GetIdentityPoolRolesCommand,
  GetPrincipalTagAttributeMapCommand,
  ListTagsForResourceCommand,
  type RoleMapping,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "../../src/index.js";
import {
  ACCOUNT,
  ADMIN_ROLE,
  createPool,
  expectError,
  GUEST_ROLE,
  NO_POOL,
  USER_POOL,
  USER_ROLE,
  useLocalService,
} from "./helpers.js";

const service = useLocalService();
const arnOf = (poolId: string) =>
  `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/${poolId}`;
const rule = (overrides = {}) => ({
  Claim: "cognito:groups",
  MatchType: "Contains",
  Value: "admins",
  RoleARN: ADMIN_ROLE,
  ...overrides,
});

describe("SetIdentityPoolRoles and GetIdentityPoolRoles", () => {
  it("stores roles and role mappings and answers them back", async () => {
    const pool = await createPool(service.client);
    const RoleMappings: Record<string, RoleMapping> = {
      "accounts.google.com": { Type: "Token", AmbiguousRoleResolution: "Deny" },
      [`${USER_POOL}:appclient1`]: {
        Type: "Rules",
        AmbiguousRoleResolution: "AuthenticatedRole",
        RulesConfiguration: { Rules: [rule()] },
      },
    };
    await service.client.setIdentityPoolRoles({
      IdentityPoolId: pool.IdentityPoolId,
      Roles: { authenticated: USER_ROLE, unauthenticated: GUEST_ROLE },
      RoleMappings,
    });
    const { $metadata, ...roles } = await service.client.getIdentityPoolRoles({
      IdentityPoolId: pool.IdentityPoolId,
    });
    expect(roles).toEqual({
      IdentityPoolId: pool.IdentityPoolId,
      Roles: { authenticated: USER_ROLE, unauthenticated: GUEST_ROLE },
      RoleMappings,
    });
  });

  it("replaces everything on the next call", async () => {
    const pool = await createPool(service.client);
    await service.client.setIdentityPoolRoles({
      IdentityPoolId: pool.IdentityPoolId,
      Roles: { authenticated: USER_ROLE, unauthenticated: GUEST_ROLE },
      RoleMappings: { "accounts.google.com": { Type: "Token", AmbiguousRoleResolution: "Deny" } },
    });
    await service.client.setIdentityPoolRoles({
      IdentityPoolId: pool.IdentityPoolId,
      Roles: { authenticated: ADMIN_ROLE },
    });
    const { $metadata, ...roles } = await service.client.getIdentityPoolRoles({
      IdentityPoolId: pool.IdentityPoolId,
    });
    expect(roles).toEqual({
      IdentityPoolId: pool.IdentityPoolId,
      Roles: { authenticated: ADMIN_ROLE },
    });
  });

  it("answers a pool without roles with an empty map", async () => {
    const pool = await createPool(service.client);
    const roles = await service.client.getIdentityPoolRoles({
      IdentityPoolId: pool.IdentityPoolId,
    });
    expect(roles.Roles).toEqual({});
    expect(roles.RoleMappings).toBeUndefined();
  });

  const google = (mapping: object) => ({
    "accounts.google.com": mapping as RoleMapping,
  });
  it.each([
    [
      "a role that is not an IAM role ARN",
      { authenticated: "arn:aws:iam::123456789012:user/Bob" },
      undefined,
      /not an IAM role ARN/,
    ],
    [
      "a role type the model refuses",
      { admin: ADMIN_ROLE },
      undefined,
      /Roles\["admin"\]: "admin" does not match/,
    ],
    [
      "a mapping for a provider the pool lacks",
      {},
      { "www.amazon.com": { Type: "Token", AmbiguousRoleResolution: "Deny" } },
      /names no provider/,
    ],
    [
      "an unknown mapping type",
      {},
      google({ Type: "Magic", AmbiguousRoleResolution: "Deny" }),
      /not Token or Rules/,
    ],
    [
      "a mapping without AmbiguousRoleResolution",
      {},
      google({ Type: "Token" }),
      /AmbiguousRoleResolution/,
    ],
    [
      "Rules without a RulesConfiguration",
      {},
      google({ Type: "Rules", AmbiguousRoleResolution: "Deny" }),
      /needs a RulesConfiguration/,
    ],
    [
      "more than 25 rules",
      {},
      google({
        Type: "Rules",
        AmbiguousRoleResolution: "Deny",
        RulesConfiguration: { Rules: Array.from({ length: 26 }, () => rule()) },
      }),
      /26 rules/,
    ],
    [
      "an unknown match type",
      {},
      google({
        Type: "Rules",
        AmbiguousRoleResolution: "Deny",
        RulesConfiguration: { Rules: [rule({ MatchType: "Regex" })] },
      }),
      /MatchType Regex/,
    ],
    [
      "a rule without a claim",
      {},
      google({
        Type: "Rules",
        AmbiguousRoleResolution: "Deny",
        RulesConfiguration: { Rules: [rule({ Claim: "" })] },
      }),
      /Rules\[0\]\.Claim: length 0/,
    ],
  ])("refuses %s with InvalidParameterException", async (_, Roles, RoleMappings, message) => {
    const pool = await createPool(service.client);
    await expectError(
      service.unchecked,
      new SetIdentityPoolRolesCommand({ IdentityPoolId: pool.IdentityPoolId, Roles, RoleMappings }),
      "InvalidParameterException",
      message,
    );
  });

  it("answers ResourceNotFoundException for an unknown pool", async () => {
    await expectError(
      service.client,
      new SetIdentityPoolRolesCommand({ IdentityPoolId: NO_POOL, Roles: {} }),
      "ResourceNotFoundException",
    );
    await expectError(
      service.client,
      new GetIdentityPoolRolesCommand({ IdentityPoolId: NO_POOL }),
      "ResourceNotFoundException",
    );
  });
});

describe("SetPrincipalTagAttributeMap and GetPrincipalTagAttributeMap", () => {
  it("stores custom mappings per provider", async () => {
    const pool = await createPool(service.client);
    const input = {
      IdentityPoolId: pool.IdentityPoolId,
      IdentityProviderName: USER_POOL,
      PrincipalTags: { department: "custom:dept" },
    };
    const { $metadata, ...set } = await service.client.setPrincipalTagAttributeMap(input);
    const expected = { ...input, UseDefaults: false };
    expect(set).toEqual(expected);
    const { $metadata: _, ...got } = await service.client.getPrincipalTagAttributeMap({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityProviderName: USER_POOL,
    });
    expect(got).toEqual(expected);
  });

  it("uses the default username and client mappings when asked to", async () => {
    const pool = await createPool(service.client);
    const output = await service.client.setPrincipalTagAttributeMap({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityProviderName: "accounts.google.com",
      UseDefaults: true,
    });
    expect(output).toMatchObject({
      UseDefaults: true,
      PrincipalTags: { username: "sub", client: "aud" },
    });
  });

  it("answers a provider never configured with no mappings", async () => {
    const pool = await createPool(service.client);
    const output = await service.client.getPrincipalTagAttributeMap({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityProviderName: "graph.facebook.com",
    });
    expect(output).toMatchObject({ UseDefaults: false, PrincipalTags: {} });
  });

  it("answers InvalidParameterException for a provider the pool lacks or too many tags", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new GetPrincipalTagAttributeMapCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityProviderName: "www.amazon.com",
      }),
      "InvalidParameterException",
      /not a login provider/,
    );
    const PrincipalTags = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [`t${i}`, "claim"]),
    );
    await expectError(
      service.unchecked,
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityProviderName: USER_POOL,
        PrincipalTags,
      }),
      "InvalidParameterException",
      /PrincipalTags: length 51 entries, must be 0..50/,
    );
  });

  it("answers ResourceNotFoundException for an unknown pool", async () => {
    await expectError(
      service.client,
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: NO_POOL,
        IdentityProviderName: USER_POOL,
      }),
      "ResourceNotFoundException",
    );
  });
});

describe("TagResource, UntagResource and ListTagsForResource", () => {
  it("adds, overwrites, removes and lists tags by pool ARN", async () => {
    const pool = await createPool(service.client, { IdentityPoolTags: { team: "a" } });
    const ResourceArn = arnOf(pool.IdentityPoolId);
    await service.client.tagResource({
      ResourceArn,
      Tags: { team: "b", stage: "test", empty: "" },
    });
    expect((await service.client.listTagsForResource({ ResourceArn })).Tags).toEqual({
      team: "b",
      stage: "test",
      empty: "",
    });
    await service.client.untagResource({ ResourceArn, TagKeys: ["stage", "not-there"] });
    expect((await service.client.listTagsForResource({ ResourceArn })).Tags).toEqual({
      team: "b",
      empty: "",
    });
    const described = await service.client.describeIdentityPool({
      IdentityPoolId: pool.IdentityPoolId,
    });
    expect(described.IdentityPoolTags).toEqual({ team: "b", empty: "" });
  });

  it("keeps __proto__ as an ordinary tag key", async () => {
    const pool = await createPool(service.client);
    const ResourceArn = arnOf(pool.IdentityPoolId);
    const Tags = JSON.parse('{"__proto__": "polluted"}') as Record<string, string>;
    await service.client.tagResource({ ResourceArn, Tags });
    const listed = await service.client.listTagsForResource({ ResourceArn });
    expect(Object.entries(listed.Tags ?? {})).toEqual([["__proto__", "polluted"]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses more than 50 tags in all, and reserved keys", async () => {
    const pool = await createPool(service.client);
    const ResourceArn = arnOf(pool.IdentityPoolId);
    await expectError(
      service.client,
      new TagResourceCommand({ ResourceArn, Tags: { "aws:cloudformation": "x" } }),
      "InvalidParameterException",
      /reserved/,
    );
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]));
    await service.client.tagResource({ ResourceArn, Tags: fifty });
    await expectError(
      service.client,
      new TagResourceCommand({ ResourceArn, Tags: { one: "more" } }),
      "InvalidParameterException",
      /at most 50 tags; this would make 51/,
    );
    expect(
      Object.keys((await service.client.listTagsForResource({ ResourceArn })).Tags ?? {}),
    ).toHaveLength(50);
  });

  it("answers InvalidParameterException for a string that is not a pool ARN", async () => {
    const ResourceArn = "arn:aws:iam::123456789012:role/NotAPool";
    await expectError(
      service.client,
      new ListTagsForResourceCommand({ ResourceArn }),
      "InvalidParameterException",
      /not an identity pool ARN/,
    );
    await expectError(
      service.client,
      new UntagResourceCommand({ ResourceArn, TagKeys: ["a"] }),
      "InvalidParameterException",
    );
  });

  it("answers ResourceNotFoundException for an unknown pool, Region or account", async () => {
    const pool = await createPool(service.client);
    for (const ResourceArn of [
      arnOf(NO_POOL),
      arnOf(pool.IdentityPoolId).replace(":us-east-1:", ":eu-west-1:"),
      arnOf(pool.IdentityPoolId).replace(ACCOUNT, "999999999999"),
    ]) {
      await expectError(
        service.client,
        new TagResourceCommand({ ResourceArn, Tags: { a: "b" } }),
        "ResourceNotFoundException",
      );
    }
  });
});
