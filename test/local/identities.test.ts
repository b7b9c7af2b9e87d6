/**
 * Identities in the local service: GetId, DescribeIdentity, ListIdentities,
 * DeleteIdentities and UnlinkIdentity, through the SDK over HTTP.
 */
import { describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  DeleteIdentitiesCommand,
  DescribeIdentityCommand,
  GetIdCommand,
  ListIdentitiesCommand,
  paginateListIdentities,
  UnlinkIdentityCommand,
} from "../../src/index.js";
import {
  collect,
  createPool,
  DEVELOPER,
  expectError,
  NO_IDENTITY,
  NO_POOL,
  USER_POOL,
  useLocalService,
} from "./helpers.js";

const service = useLocalService();
const GOOGLE = "accounts.google.com";
const FACEBOOK = "graph.facebook.com";

/** A JWT-shaped provider token for user `sub` (the local service trusts any token). */
function idToken(sub: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part({ sub, iss: "https://example.com" })}.signature`;
}

describe("GetId", () => {
  it("creates a new guest identity on every call without logins", async () => {
    const pool = await createPool(service.client);
    const a = await service.client.getId({ IdentityPoolId: pool.IdentityPoolId });
    const b = await service.client.getId({ IdentityPoolId: pool.IdentityPoolId });
    expect(a.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(a.IdentityId).not.toBe(b.IdentityId);
  });

  it("needs no credentials: it is sent unsigned", async () => {
    const pool = await createPool(service.client);
    const anonymous = new CognitoIdentityClient({
      region: "us-east-1",
      endpoint: service.local.endpoint,
    });
    const { IdentityId } = await anonymous.send(
      new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }),
    );
    expect(IdentityId).toBeDefined();
  });

  it("refuses guests when the pool does not allow them", async () => {
    const pool = await createPool(service.client, { AllowUnauthenticatedIdentities: false });
    await expectError(
      service.client,
      new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }),
      "NotAuthorizedException",
      /unauthenticated/,
    );
  });

  it("finds the same identity for the same login, and another for another user", async () => {
    const pool = await createPool(service.client, { AllowUnauthenticatedIdentities: false });
    const alice = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "alice" },
    });
    const again = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "alice" },
    });
    const bob = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "bob" },
    });
    expect(again.IdentityId).toBe(alice.IdentityId);
    expect(bob.IdentityId).not.toBe(alice.IdentityId);
  });

  it("reads the user of a JWT login from its sub claim", async () => {
    const pool = await createPool(service.client);
    const first = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [USER_POOL]: idToken("user-1") },
    });
    const second = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [USER_POOL]: idToken("user-1") },
    });
    expect(second.IdentityId).toBe(first.IdentityId);
  });

  it("links several logins to one identity, and finds it by any of them", async () => {
    const pool = await createPool(service.client);
    const linked = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "carol", [FACEBOOK]: "carol-fb" },
    });
    const byFacebook = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [FACEBOOK]: "carol-fb" },
    });
    expect(byFacebook.IdentityId).toBe(linked.IdentityId);
    const { Logins } = await service.client.describeIdentity({ IdentityId: linked.IdentityId! });
    expect(Logins?.sort()).toEqual([GOOGLE, FACEBOOK]);
  });

  it("refuses logins that belong to two different identities", async () => {
    const pool = await createPool(service.client);
    await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "dave" },
    });
    await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [FACEBOOK]: "erin" },
    });
    await expectError(
      service.client,
      new GetIdCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: { [GOOGLE]: "dave", [FACEBOOK]: "erin" },
      }),
      "ResourceConflictException",
    );
  });

  it("refuses a second user of the same provider on one identity", async () => {
    const pool = await createPool(service.client);
    await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "frank", [FACEBOOK]: "frank-fb" },
    });
    await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "gina" },
    });
    await expectError(
      service.client,
      new GetIdCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: { [GOOGLE]: "hank", [FACEBOOK]: "frank-fb" },
      }),
      "ResourceConflictException",
      /another accounts.google.com user/,
    );
  });

  it.each([
    ["a provider the pool does not have", { "www.amazon.com": "x" }],
    ["the developer provider, which only the backend may use", { [DEVELOPER]: "x" }],
  ])("refuses %s with NotAuthorizedException", async (_, Logins) => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins }),
      "NotAuthorizedException",
      /not configured/,
    );
  });

  it("answers ResourceNotFoundException for an unknown pool or another account", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new GetIdCommand({ IdentityPoolId: NO_POOL }),
      "ResourceNotFoundException",
    );
    await expectError(
      service.client,
      new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, AccountId: "999999999999" }),
      "ResourceNotFoundException",
    );
    const ok = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      AccountId: "123456789012",
    });
    expect(ok.IdentityId).toBeDefined();
  });

  it("answers InvalidParameterException for input the model refuses", async () => {
    await expectError(
      service.unchecked,
      new GetIdCommand({ IdentityPoolId: NO_POOL, AccountId: "12ab", Logins: { [GOOGLE]: "" } }),
      "InvalidParameterException",
      /^2 validation errors detected: AccountId: "12ab" does not match .*; Logins\["accounts.google.com"\]: length 0/,
    );
  });
});

describe("DescribeIdentity", () => {
  it("answers with the identity's logins and dates", async () => {
    const pool = await createPool(service.client);
    const before = Date.now();
    const { IdentityId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "ivy" },
    });
    const { $metadata, ...identity } = await service.client.describeIdentity({
      IdentityId: IdentityId!,
    });
    expect(identity).toEqual({
      IdentityId,
      Logins: [GOOGLE],
      CreationDate: expect.any(Date),
      LastModifiedDate: expect.any(Date),
    });
    expect(identity.CreationDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(identity.LastModifiedDate!.getTime()).toBeGreaterThanOrEqual(
      identity.CreationDate!.getTime(),
    );
  });

  it("shows a guest identity with no logins", async () => {
    const pool = await createPool(service.client);
    const { IdentityId } = await service.client.getId({ IdentityPoolId: pool.IdentityPoolId });
    expect((await service.client.describeIdentity({ IdentityId: IdentityId! })).Logins).toEqual([]);
  });

  it("answers ResourceNotFoundException for an unknown identity", async () => {
    await expectError(
      service.client,
      new DescribeIdentityCommand({ IdentityId: NO_IDENTITY }),
      "ResourceNotFoundException",
    );
  });
});

describe("ListIdentities", () => {
  async function guests(poolId: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push((await service.client.getId({ IdentityPoolId: poolId })).IdentityId!);
    return ids;
  }

  it("pages through the pool's identities, oldest first, honouring MaxResults", async () => {
    const pool = await createPool(service.client);
    const other = await createPool(service.client);
    const ids = await guests(pool.IdentityPoolId, 7);
    await guests(other.IdentityPoolId, 2);
    const pages = await collect(
      paginateListIdentities(
        { client: service.client, pageSize: 3 },
        { IdentityPoolId: pool.IdentityPoolId },
      ),
    );
    expect(pages.map((page) => page.Identities?.map((identity) => identity.IdentityId))).toEqual([
      ids.slice(0, 3),
      ids.slice(3, 6),
      ids.slice(6),
    ]);
    expect(pages.every((page) => page.IdentityPoolId === pool.IdentityPoolId)).toBe(true);
    expect(pages[0]!.Identities![0]).toEqual({
      IdentityId: ids[0],
      Logins: [],
      CreationDate: expect.any(Date),
      LastModifiedDate: expect.any(Date),
    });
  });

  it("hides disabled identities only when HideDisabled is set", async () => {
    const pool = await createPool(service.client);
    const { IdentityId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "jack" },
    });
    const [guest] = await guests(pool.IdentityPoolId, 1);
    await service.client.unlinkIdentity({
      IdentityId: IdentityId!,
      Logins: { [GOOGLE]: "jack" },
      LoginsToRemove: [GOOGLE],
    });
    const all = await service.client.listIdentities({
      IdentityPoolId: pool.IdentityPoolId,
      MaxResults: 10,
    });
    const shown = await service.client.listIdentities({
      IdentityPoolId: pool.IdentityPoolId,
      MaxResults: 10,
      HideDisabled: true,
    });
    expect(all.Identities?.map((identity) => identity.IdentityId)).toEqual([IdentityId, guest]);
    expect(shown.Identities?.map((identity) => identity.IdentityId)).toEqual([guest]);
  });

  it("refuses a token from another pool's list", async () => {
    const a = await createPool(service.client);
    const b = await createPool(service.client);
    await guests(a.IdentityPoolId, 2);
    await guests(b.IdentityPoolId, 2);
    const { NextToken } = await service.client.listIdentities({
      IdentityPoolId: a.IdentityPoolId,
      MaxResults: 1,
    });
    expect(NextToken).toBeDefined();
    await expectError(
      service.client,
      new ListIdentitiesCommand({ IdentityPoolId: b.IdentityPoolId, MaxResults: 1, NextToken }),
      "InvalidParameterException",
      /pagination token/,
    );
  });

  it("answers ResourceNotFoundException for an unknown pool", async () => {
    await expectError(
      service.client,
      new ListIdentitiesCommand({ IdentityPoolId: NO_POOL, MaxResults: 10 }),
      "ResourceNotFoundException",
    );
  });
});

describe("DeleteIdentities", () => {
  it("deletes identities and reports the ones it could not as AccessDenied", async () => {
    const pool = await createPool(service.client);
    const { IdentityId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "kim" },
    });
    const { $metadata, ...output } = await service.client.deleteIdentities({
      IdentityIdsToDelete: [IdentityId!, NO_IDENTITY],
    });
    expect(output).toEqual({
      UnprocessedIdentityIds: [{ IdentityId: NO_IDENTITY, ErrorCode: "AccessDenied" }],
    });
    await expectError(
      service.client,
      new DescribeIdentityCommand({ IdentityId: IdentityId! }),
      "ResourceNotFoundException",
    );
    // The login is free again: it makes a new identity.
    const again = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "kim" },
    });
    expect(again.IdentityId).not.toBe(IdentityId);
  });

  it.each([
    ["no ids", [], /IdentityIdsToDelete: length 0, must be 1..60/],
    [
      "61 ids",
      Array.from({ length: 61 }, () => NO_IDENTITY),
      /IdentityIdsToDelete: length 61, must be 1..60/,
    ],
  ])("refuses %s with InvalidParameterException", async (_, IdentityIdsToDelete, message) => {
    await expectError(
      service.unchecked,
      new DeleteIdentitiesCommand({ IdentityIdsToDelete }),
      "InvalidParameterException",
      message,
    );
  });
});

describe("UnlinkIdentity", () => {
  async function linkedIdentity() {
    const pool = await createPool(service.client);
    const { IdentityId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "lena", [FACEBOOK]: "lena-fb" },
    });
    return { pool, IdentityId: IdentityId! };
  }

  it("removes a login; it then makes a new identity", async () => {
    const { pool, IdentityId } = await linkedIdentity();
    const anonymous = new CognitoIdentityClient({
      region: "us-east-1",
      endpoint: service.local.endpoint,
    });
    await anonymous.send(
      new UnlinkIdentityCommand({
        IdentityId,
        Logins: { [GOOGLE]: "lena" },
        LoginsToRemove: [FACEBOOK],
      }),
    );
    expect((await service.client.describeIdentity({ IdentityId })).Logins).toEqual([GOOGLE]);
    const fresh = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [FACEBOOK]: "lena-fb" },
    });
    expect(fresh.IdentityId).not.toBe(IdentityId);
  });

  it("disables the identity when its last login is removed", async () => {
    const { IdentityId } = await linkedIdentity();
    await service.client.unlinkIdentity({
      IdentityId,
      Logins: { [GOOGLE]: "lena" },
      LoginsToRemove: [GOOGLE, FACEBOOK],
    });
    await expect(
      service.client.getCredentialsForIdentity({ IdentityId, Logins: { [GOOGLE]: "lena" } }),
    ).rejects.toMatchObject({
      name: "NotAuthorizedException",
      message: expect.stringMatching(/disabled/),
    });
  });

  it("needs a login of the identity to prove who is asking", async () => {
    const { IdentityId } = await linkedIdentity();
    await expectError(
      service.client,
      new UnlinkIdentityCommand({
        IdentityId,
        Logins: { [GOOGLE]: "somebody-else" },
        LoginsToRemove: [GOOGLE],
      }),
      "NotAuthorizedException",
      /do not match/,
    );
  });

  it("refuses a login that belongs to another identity", async () => {
    const { pool, IdentityId } = await linkedIdentity();
    await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "mona" },
    });
    await expectError(
      service.client,
      new UnlinkIdentityCommand({
        IdentityId,
        Logins: { [GOOGLE]: "mona" },
        LoginsToRemove: [FACEBOOK],
      }),
      "ResourceConflictException",
    );
  });

  it("refuses to remove a provider the identity is not linked to", async () => {
    const { IdentityId } = await linkedIdentity();
    await expectError(
      service.client,
      new UnlinkIdentityCommand({
        IdentityId,
        Logins: { [GOOGLE]: "lena" },
        LoginsToRemove: [USER_POOL],
      }),
      "InvalidParameterException",
      /no .* login to unlink/,
    );
  });

  it("answers ResourceNotFoundException for an unknown identity", async () => {
    await expectError(
      service.client,
      new UnlinkIdentityCommand({ IdentityId: NO_IDENTITY, Logins: {}, LoginsToRemove: [GOOGLE] }),
      "ResourceNotFoundException",
    );
  });
});
