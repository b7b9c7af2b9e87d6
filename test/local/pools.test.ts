/**
 * Identity pools in the local service: CreateIdentityPool, DescribeIdentityPool,
 * UpdateIdentityPool, DeleteIdentityPool and ListIdentityPools, through the SDK over HTTP.
 */
import { describe, expect, it } from "vitest";
import {
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
  paginateListIdentityPools,
  UpdateIdentityPoolCommand,
} from "../../src/index.js";
import {
  collect,
  createPool,
  DEVELOPER,
  expectError,
  NO_POOL,
  USER_POOL,
  useLocalService,
} from "./helpers.js";

const service = useLocalService({ limits: { identityPools: 3 } });
const OIDC = "arn:aws:iam::123456789012:oidc-provider/login.example.com";
const SAML = "arn:aws:iam::123456789012:saml-provider/Corp";

describe("CreateIdentityPool", () => {
  it("creates a pool with a REGION:UUID id and answers with its settings", async () => {
    const { $metadata, ...pool } = await service.client.createIdentityPool({
      IdentityPoolName: "My app, v2 test",
      AllowUnauthenticatedIdentities: false,
      SupportedLoginProviders: { "www.amazon.com": "amzn1.application.1" },
      DeveloperProviderName: DEVELOPER,
      OpenIdConnectProviderARNs: [OIDC],
      SamlProviderARNs: [SAML],
      CognitoIdentityProviders: [
        { ProviderName: USER_POOL, ClientId: "appclient1", ServerSideTokenCheck: true },
      ],
      IdentityPoolTags: { team: "identity", empty: "" },
    });
    expect($metadata.httpStatusCode).toBe(200);
    expect(pool.IdentityPoolId).toMatch(
      /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(pool).toEqual({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityPoolName: "My app, v2 test",
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      SupportedLoginProviders: { "www.amazon.com": "amzn1.application.1" },
      DeveloperProviderName: DEVELOPER,
      OpenIdConnectProviderARNs: [OIDC],
      SamlProviderARNs: [SAML],
      CognitoIdentityProviders: [
        { ProviderName: USER_POOL, ClientId: "appclient1", ServerSideTokenCheck: true },
      ],
      IdentityPoolTags: { team: "identity", empty: "" },
    });
  });

  it("gives every pool its own id, even with the same name", async () => {
    const a = await createPool(service.client);
    const b = await createPool(service.client);
    expect(a.IdentityPoolId).not.toBe(b.IdentityPoolId);
  });

  it.each([
    ["a name the pattern refuses", { IdentityPoolName: "no/slashes" }, /IdentityPoolName/],
    [
      "an unknown public provider",
      { SupportedLoginProviders: { "login.example.com": "x" } },
      /public login provider/,
    ],
    [
      "an OIDC ARN that is not one",
      { OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:role/NotOidc"] },
      /OpenID Connect/,
    ],
    [
      "a SAML ARN that is not one",
      { SamlProviderARNs: ["arn:aws:iam::123456789012:role/NotSaml"] },
      /SAML/,
    ],
    [
      "a user pool provider without a client id",
      { CognitoIdentityProviders: [{ ProviderName: USER_POOL }] },
      /ClientId/,
    ],
    [
      "a user pool provider name that is not one",
      { CognitoIdentityProviders: [{ ProviderName: "example.com/pool", ClientId: "c" }] },
      /user pool provider name/,
    ],
    ["a provider listed twice", { OpenIdConnectProviderARNs: [OIDC, OIDC] }, /listed twice/],
    ["a reserved tag key", { IdentityPoolTags: { "aws:owner": "me" } }, /reserved/],
    [
      "more than 50 tags",
      {
        IdentityPoolTags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"])),
      },
      /at most 50 tags/,
    ],
  ])("refuses %s with InvalidParameterException", async (_, overrides, message) => {
    const input = { IdentityPoolName: "pool", AllowUnauthenticatedIdentities: false, ...overrides };
    await expectError(
      service.unchecked,
      new CreateIdentityPoolCommand(input),
      "InvalidParameterException",
      message,
    );
  });

  it("checks the input against the model and lists every violation", async () => {
    const input = { IdentityPoolName: "", DeveloperProviderName: "bad name!" };
    await expectError(
      service.unchecked,
      new CreateIdentityPoolCommand(input as never),
      "InvalidParameterException",
      new RegExp(
        "^4 validation errors detected: AllowUnauthenticatedIdentities: required; " +
          "IdentityPoolName: length 0, must be 1..128; IdentityPoolName: .* does not match .*; " +
          'DeveloperProviderName: "bad name!" does not match',
      ),
    );
  });

  it("refuses a pool beyond the account limit with LimitExceededException", async () => {
    for (let i = 0; i < 3; i++) await createPool(service.client);
    await expectError(
      service.client,
      new CreateIdentityPoolCommand({
        IdentityPoolName: "one too many",
        AllowUnauthenticatedIdentities: false,
      }),
      "LimitExceededException",
    );
  });
});

describe("DescribeIdentityPool", () => {
  it("answers with the pool as it was created", async () => {
    const { $metadata: _, ...created } = await createPool(service.client);
    const { $metadata, ...described } = await service.client.describeIdentityPool({
      IdentityPoolId: created.IdentityPoolId,
    });
    expect(described).toEqual(created);
  });

  it("answers ResourceNotFoundException for a pool that does not exist", async () => {
    await expectError(
      service.client,
      new DescribeIdentityPoolCommand({ IdentityPoolId: NO_POOL }),
      "ResourceNotFoundException",
      /was not found/,
    );
  });

  it("answers InvalidParameterException for an id the model refuses", async () => {
    await expectError(
      service.unchecked,
      new DescribeIdentityPoolCommand({ IdentityPoolId: "not-an-id" }),
      "InvalidParameterException",
      /IdentityPoolId: "not-an-id" does not match/,
    );
  });
});

describe("UpdateIdentityPool", () => {
  it("replaces the settings: members left out are cleared, tags are kept", async () => {
    const pool = await createPool(service.client, { IdentityPoolTags: { team: "a" } });
    const updated = await service.client.updateIdentityPool({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityPoolName: "renamed",
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: true,
    });
    expect(updated).toMatchObject({
      IdentityPoolName: "renamed",
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: true,
      DeveloperProviderName: DEVELOPER,
      IdentityPoolTags: { team: "a" },
    });
    expect(updated.SupportedLoginProviders).toBeUndefined();
    expect(updated.CognitoIdentityProviders).toBeUndefined();
    const described = await service.client.describeIdentityPool({
      IdentityPoolId: pool.IdentityPoolId,
    });
    expect(described.IdentityPoolName).toBe("renamed");
  });

  it("replaces the tags when the input has some", async () => {
    const pool = await createPool(service.client, { IdentityPoolTags: { team: "a" } });
    const updated = await service.client.updateIdentityPool({
      ...pool,
      IdentityPoolTags: { owner: "b" },
    });
    expect(updated.IdentityPoolTags).toEqual({ owner: "b" });
  });

  it("refuses to change the developer provider name once set", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new UpdateIdentityPoolCommand({ ...pool, DeveloperProviderName: "other.provider" }),
      "InvalidParameterException",
      /cannot be changed/,
    );
  });

  it("lets a pool without a developer provider get one", async () => {
    const { DeveloperProviderName: _, ...pool } = await createPool(service.client, {
      DeveloperProviderName: undefined,
    });
    const updated = await service.client.updateIdentityPool({
      ...pool,
      DeveloperProviderName: "late.provider",
    });
    expect(updated.DeveloperProviderName).toBe("late.provider");
  });

  it("checks providers as CreateIdentityPool does", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new UpdateIdentityPoolCommand({ ...pool, SupportedLoginProviders: { "example.com": "x" } }),
      "InvalidParameterException",
    );
  });

  it("answers ResourceNotFoundException for a pool that does not exist", async () => {
    await expectError(
      service.client,
      new UpdateIdentityPoolCommand({
        IdentityPoolId: NO_POOL,
        IdentityPoolName: "x",
        AllowUnauthenticatedIdentities: false,
      }),
      "ResourceNotFoundException",
    );
  });
});

describe("DeleteIdentityPool", () => {
  it("deletes the pool and its identities", async () => {
    const pool = await createPool(service.client);
    const { IdentityId } = await service.client.getId({ IdentityPoolId: pool.IdentityPoolId });
    const output = await service.client.deleteIdentityPool({ IdentityPoolId: pool.IdentityPoolId });
    expect(output.$metadata.httpStatusCode).toBe(200);
    await expectError(
      service.client,
      new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId }),
      "ResourceNotFoundException",
    );
    await expect(
      service.client.describeIdentity({ IdentityId: IdentityId! }),
    ).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });

  it("answers ResourceNotFoundException the second time", async () => {
    const pool = await createPool(service.client);
    await service.client.deleteIdentityPool({ IdentityPoolId: pool.IdentityPoolId });
    await expectError(
      service.client,
      new DeleteIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId }),
      "ResourceNotFoundException",
    );
  });
});

describe("ListIdentityPools", () => {
  const limitless = useLocalService();

  async function createPools(count: number): Promise<string[]> {
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const pool = await createPool(limitless.client, { IdentityPoolName: `pool ${i}` });
      names.push(pool.IdentityPoolName);
    }
    return names;
  }

  it("pages through every pool, oldest first, honouring MaxResults", async () => {
    const names = await createPools(7);
    const pages = await collect(
      paginateListIdentityPools({ client: limitless.client, pageSize: 3 }, {}),
    );
    expect(pages.map((page) => page.IdentityPools?.map((pool) => pool.IdentityPoolName))).toEqual([
      names.slice(0, 3),
      names.slice(3, 6),
      names.slice(6),
    ]);
    expect(pages.map((page) => page.NextToken === undefined)).toEqual([false, false, true]);
    expect(Object.keys(pages[0]!.IdentityPools![0]!).sort()).toEqual([
      "IdentityPoolId",
      "IdentityPoolName",
    ]);
  });

  it("leaves NextToken out when the last page is exactly full", async () => {
    await createPools(4);
    const pages = await collect(
      paginateListIdentityPools({ client: limitless.client, pageSize: 2 }, {}),
    );
    expect(pages.map((page) => page.IdentityPools?.length)).toEqual([2, 2]);
  });

  it("answers an empty list when there are no pools", async () => {
    const page = await limitless.client.listIdentityPools({ MaxResults: 60 });
    expect(page.IdentityPools).toEqual([]);
    expect(page.NextToken).toBeUndefined();
  });

  it("keeps going after the item it stopped at when pools are deleted between pages", async () => {
    await createPools(5);
    const first = await limitless.client.listIdentityPools({ MaxResults: 2 });
    await limitless.client.deleteIdentityPool({
      IdentityPoolId: first.IdentityPools![0]!.IdentityPoolId!,
    });
    const second = await limitless.client.listIdentityPools({
      MaxResults: 2,
      NextToken: first.NextToken,
    });
    expect(second.IdentityPools?.map((pool) => pool.IdentityPoolName)).toEqual([
      "pool 2",
      "pool 3",
    ]);
  });

  it.each([
    ["a made-up token", "bm90LWEtdG9rZW4"],
    ["a tampered token", "MTAwLmFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE"],
  ])("refuses %s with InvalidParameterException", async (_, NextToken) => {
    await expectError(
      limitless.client,
      new ListIdentityPoolsCommand({ MaxResults: 10, NextToken }),
      "InvalidParameterException",
      /pagination token/,
    );
  });

  it("refuses a token once the service has been reset", async () => {
    await createPools(3);
    const { NextToken } = await limitless.client.listIdentityPools({ MaxResults: 1 });
    limitless.local.reset();
    await expectError(
      limitless.client,
      new ListIdentityPoolsCommand({ MaxResults: 1, NextToken }),
      "InvalidParameterException",
    );
  });

  it.each([0, 61])("refuses MaxResults %i", async (MaxResults) => {
    await expectError(
      limitless.unchecked,
      new ListIdentityPoolsCommand({ MaxResults }),
      "InvalidParameterException",
      /MaxResults: range/,
    );
  });
});
