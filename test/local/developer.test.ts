/**
 * Developer-authenticated identities in the local service: GetOpenIdTokenForDeveloperIdentity,
 * LookupDeveloperIdentity, MergeDeveloperIdentities and UnlinkDeveloperIdentity.
 */
import { describe, expect, it } from "vitest";
import {
  GetOpenIdTokenForDeveloperIdentityCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  paginateLookupDeveloperIdentity,
  UnlinkDeveloperIdentityCommand,
} from "../../src/index.js";
import {
  claimsOf,
  collect,
  createPool,
  DEVELOPER,
  expectError,
  NO_IDENTITY,
  NO_POOL,
  useLocalService,
} from "./helpers.js";

const service = useLocalService();
const GOOGLE = "accounts.google.com";

/** Registers a developer user and returns its identity. */
async function register(poolId: string, user: string, IdentityId?: string): Promise<string> {
  const output = await service.client.getOpenIdTokenForDeveloperIdentity({
    IdentityPoolId: poolId,
    Logins: { [DEVELOPER]: user },
    ...(IdentityId ? { IdentityId } : {}),
  });
  return output.IdentityId!;
}

describe("GetOpenIdTokenForDeveloperIdentity", () => {
  it("registers a developer user once and returns a token for its identity", async () => {
    const pool = await createPool(service.client);
    const first = await service.client.getOpenIdTokenForDeveloperIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [DEVELOPER]: "user-1" },
    });
    const again = await register(pool.IdentityPoolId, "user-1");
    expect(again).toBe(first.IdentityId);
    const claims = claimsOf(first.Token);
    expect(claims).toMatchObject({
      sub: first.IdentityId,
      aud: pool.IdentityPoolId,
      amr: ["authenticated", DEVELOPER],
    });
    expect(claims.exp - claims.iat).toBe(15 * 60);
    const { Logins } = await service.client.describeIdentity({ IdentityId: first.IdentityId! });
    expect(Logins).toEqual([DEVELOPER]);
  });

  it("sets the token's lifetime from TokenDuration and carries the principal tags", async () => {
    const pool = await createPool(service.client);
    const { Token } = await service.client.getOpenIdTokenForDeveloperIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [DEVELOPER]: "user-2" },
      TokenDuration: 86_400,
      PrincipalTags: { team: "blue" },
    });
    const claims = claimsOf(Token);
    expect(claims.exp - claims.iat).toBe(86_400);
    expect(claims["https://aws.amazon.com/tags"]).toEqual({ principal_tags: { team: ["blue"] } });
  });

  it("links the developer user, and other logins, to a given identity", async () => {
    const pool = await createPool(service.client);
    const { IdentityId } = await service.client.getId({ IdentityPoolId: pool.IdentityPoolId });
    const output = await service.client.getOpenIdTokenForDeveloperIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityId,
      Logins: { [DEVELOPER]: "user-3", [GOOGLE]: "user-3-google" },
    });
    expect(output.IdentityId).toBe(IdentityId);
    expect(
      (await service.client.describeIdentity({ IdentityId: IdentityId! })).Logins?.sort(),
    ).toEqual([GOOGLE, DEVELOPER]);
  });

  it("answers DeveloperUserAlreadyRegisteredException for a user of another identity", async () => {
    const pool = await createPool(service.client);
    await register(pool.IdentityPoolId, "user-4");
    const other = await register(pool.IdentityPoolId, "user-5");
    await expectError(
      service.client,
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityId: other,
        Logins: { [DEVELOPER]: "user-4" },
      }),
      "DeveloperUserAlreadyRegisteredException",
      /already linked/,
    );
  });

  it("answers ResourceConflictException when the logins belong to different identities", async () => {
    const pool = await createPool(service.client);
    await register(pool.IdentityPoolId, "user-6");
    await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "someone" },
    });
    await expectError(
      service.client,
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: { [DEVELOPER]: "user-6", [GOOGLE]: "someone" },
      }),
      "ResourceConflictException",
    );
  });

  it("answers NotAuthorizedException for a provider that is not the pool's", async () => {
    const pool = await createPool(service.client, { DeveloperProviderName: undefined });
    await expectError(
      service.client,
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: { [DEVELOPER]: "user-7" },
      }),
      "NotAuthorizedException",
      /not configured/,
    );
  });

  it("answers InvalidParameterException for no logins or a TokenDuration out of range", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: {},
      }),
      "InvalidParameterException",
      /Logins must name/,
    );
    await expectError(
      service.unchecked,
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: { [DEVELOPER]: "u" },
        TokenDuration: 86_401,
      }),
      "InvalidParameterException",
      /TokenDuration: range 86401, must be 1..86400/,
    );
  });

  it("answers ResourceNotFoundException for an unknown pool or identity", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: NO_POOL,
        Logins: { [DEVELOPER]: "u" },
      }),
      "ResourceNotFoundException",
    );
    await expectError(
      service.client,
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityId: NO_IDENTITY,
        Logins: { [DEVELOPER]: "u" },
      }),
      "ResourceNotFoundException",
    );
  });
});

describe("LookupDeveloperIdentity", () => {
  it("finds the identity of a developer user, and the users of an identity", async () => {
    const pool = await createPool(service.client);
    const IdentityId = await register(pool.IdentityPoolId, "walt");
    const byUser = await service.client.lookupDeveloperIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      DeveloperUserIdentifier: "walt",
    });
    const byId = await service.client.lookupDeveloperIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityId,
    });
    const both = await service.client.lookupDeveloperIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityId,
      DeveloperUserIdentifier: "walt",
    });
    for (const { $metadata, ...output } of [byUser, byId, both]) {
      expect(output).toEqual({ IdentityId, DeveloperUserIdentifierList: ["walt"] });
    }
  });

  it("pages through an identity's developer users, honouring MaxResults", async () => {
    const pool = await createPool(service.client);
    const users = ["u0", "u1", "u2", "u3", "u4", "u5", "u6"];
    for (const user of users) await register(pool.IdentityPoolId, user);
    for (const user of users.slice(1)) {
      await service.client.mergeDeveloperIdentities({
        IdentityPoolId: pool.IdentityPoolId,
        DeveloperProviderName: DEVELOPER,
        SourceUserIdentifier: user,
        DestinationUserIdentifier: "u0",
      });
    }
    const pages = await collect(
      paginateLookupDeveloperIdentity(
        { client: service.client, pageSize: 3 },
        { IdentityPoolId: pool.IdentityPoolId, DeveloperUserIdentifier: "u3" },
      ),
    );
    expect(pages.map((page) => page.DeveloperUserIdentifierList)).toEqual([
      ["u0", "u1", "u2"],
      ["u3", "u4", "u5"],
      ["u6"],
    ]);
  });

  it("answers ResourceConflictException when the user is not the identity's", async () => {
    const pool = await createPool(service.client);
    await register(pool.IdentityPoolId, "xena");
    const other = await register(pool.IdentityPoolId, "yuri");
    await expectError(
      service.client,
      new LookupDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityId: other,
        DeveloperUserIdentifier: "xena",
      }),
      "ResourceConflictException",
    );
  });

  it("answers ResourceNotFoundException for an unknown user or identity", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new LookupDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        DeveloperUserIdentifier: "nobody",
      }),
      "ResourceNotFoundException",
    );
    await expectError(
      service.client,
      new LookupDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityId: NO_IDENTITY,
      }),
      "ResourceNotFoundException",
    );
  });

  it("answers InvalidParameterException without an identity or a user", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      new LookupDeveloperIdentityCommand({ IdentityPoolId: pool.IdentityPoolId }),
      "InvalidParameterException",
      /IdentityId, a DeveloperUserIdentifier/,
    );
  });
});

describe("MergeDeveloperIdentities", () => {
  const merge = (poolId: string, source: string, destination: string, provider = DEVELOPER) =>
    new MergeDeveloperIdentitiesCommand({
      IdentityPoolId: poolId,
      DeveloperProviderName: provider,
      SourceUserIdentifier: source,
      DestinationUserIdentifier: destination,
    });

  it("moves the source user's logins to the destination identity and deletes the source", async () => {
    const pool = await createPool(service.client);
    const source = await register(pool.IdentityPoolId, "src");
    const destination = await register(pool.IdentityPoolId, "dst");
    await service.client.getOpenIdTokenForDeveloperIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      IdentityId: source,
      Logins: { [DEVELOPER]: "src", [GOOGLE]: "src-google" },
    });
    const output = await service.client.send(merge(pool.IdentityPoolId, "src", "dst"));
    expect(output.IdentityId).toBe(destination);
    expect(await register(pool.IdentityPoolId, "src")).toBe(destination);
    const found = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "src-google" },
    });
    expect(found.IdentityId).toBe(destination);
    await expect(service.client.describeIdentity({ IdentityId: source })).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });

  it("answers ResourceConflictException for two users of one public provider", async () => {
    const pool = await createPool(service.client);
    for (const user of ["a", "b"]) {
      await service.client.getOpenIdTokenForDeveloperIdentity({
        IdentityPoolId: pool.IdentityPoolId,
        Logins: { [DEVELOPER]: user, [GOOGLE]: `${user}-google` },
      });
    }
    await expectError(
      service.client,
      merge(pool.IdentityPoolId, "a", "b"),
      "ResourceConflictException",
      /cannot be merged/,
    );
  });

  it("answers InvalidParameterException beyond 20 linked logins", async () => {
    const pool = await createPool(service.client);
    for (let i = 0; i < 21; i++) await register(pool.IdentityPoolId, `many-${i}`);
    for (let i = 1; i < 20; i++)
      await service.client.send(merge(pool.IdentityPoolId, `many-${i}`, "many-0"));
    await expectError(
      service.client,
      merge(pool.IdentityPoolId, "many-20", "many-0"),
      "InvalidParameterException",
      /21 linked logins/,
    );
  });

  it("answers ResourceNotFoundException for an unknown user", async () => {
    const pool = await createPool(service.client);
    await register(pool.IdentityPoolId, "known");
    await expectError(
      service.client,
      merge(pool.IdentityPoolId, "unknown", "known"),
      "ResourceNotFoundException",
    );
    await expectError(
      service.client,
      merge(pool.IdentityPoolId, "known", "unknown"),
      "ResourceNotFoundException",
    );
  });

  it("answers NotAuthorizedException for a provider that is not the pool's", async () => {
    const pool = await createPool(service.client);
    await expectError(
      service.client,
      merge(pool.IdentityPoolId, "a", "b", "other.provider"),
      "NotAuthorizedException",
      /not the developer provider/,
    );
  });
});

describe("UnlinkDeveloperIdentity", () => {
  const unlink = (poolId: string, IdentityId: string, user: string) =>
    new UnlinkDeveloperIdentityCommand({
      IdentityPoolId: poolId,
      IdentityId,
      DeveloperProviderName: DEVELOPER,
      DeveloperUserIdentifier: user,
    });

  it("unlinks the user, who is then a new identity; the old one is disabled", async () => {
    const pool = await createPool(service.client);
    const IdentityId = await register(pool.IdentityPoolId, "zoe");
    await service.client.send(unlink(pool.IdentityPoolId, IdentityId, "zoe"));
    expect(await register(pool.IdentityPoolId, "zoe")).not.toBe(IdentityId);
    const visible = await service.client.listIdentities({
      IdentityPoolId: pool.IdentityPoolId,
      MaxResults: 10,
      HideDisabled: true,
    });
    expect(visible.Identities?.map((identity) => identity.IdentityId)).not.toContain(IdentityId);
  });

  it("answers ResourceConflictException when the user belongs to another identity", async () => {
    const pool = await createPool(service.client);
    await register(pool.IdentityPoolId, "amy");
    const other = await register(pool.IdentityPoolId, "ben");
    await expectError(
      service.client,
      unlink(pool.IdentityPoolId, other, "amy"),
      "ResourceConflictException",
    );
  });

  it("answers ResourceNotFoundException for an unknown user or identity", async () => {
    const pool = await createPool(service.client);
    const IdentityId = await register(pool.IdentityPoolId, "cal");
    await expectError(
      service.client,
      unlink(pool.IdentityPoolId, IdentityId, "nobody"),
      "ResourceNotFoundException",
    );
    await expectError(
      service.client,
      unlink(pool.IdentityPoolId, NO_IDENTITY, "cal"),
      "ResourceNotFoundException",
    );
  });

  it("answers NotAuthorizedException for a provider that is not the pool's", async () => {
    const pool = await createPool(service.client);
    const IdentityId = await register(pool.IdentityPoolId, "dan");
    await expectError(
      service.client,
      new UnlinkDeveloperIdentityCommand({
        IdentityPoolId: pool.IdentityPoolId,
        IdentityId,
        DeveloperProviderName: "other.provider",
        DeveloperUserIdentifier: "dan",
      }),
      "NotAuthorizedException",
    );
  });
});
