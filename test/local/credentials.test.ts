/**
 * Credentials and tokens in the local service: GetCredentialsForIdentity and
 * GetOpenIdToken, through the SDK over HTTP.
 */
import { describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenCommand,
} from "../../src/index.js";
import {
  ADMIN_ROLE,
  claimsOf,
  createPool,
  DEVELOPER,
  expectError,
  GUEST_ROLE,
  NO_IDENTITY,
  USER_POOL,
  USER_ROLE,
  useLocalService,
} from "./helpers.js";

const service = useLocalService();
const GOOGLE = "accounts.google.com";

/** A pool with both roles set, and a guest identity in it. */
async function poolWithGuest(
  roles: Record<string, string> = { authenticated: USER_ROLE, unauthenticated: GUEST_ROLE },
) {
  const pool = await createPool(service.client);
  await service.client.setIdentityPoolRoles({ IdentityPoolId: pool.IdentityPoolId, Roles: roles });
  const { IdentityId } = await service.client.getId({ IdentityPoolId: pool.IdentityPoolId });
  return { pool, IdentityId: IdentityId! };
}

describe("GetCredentialsForIdentity", () => {
  it("gives a guest temporary credentials that expire in an hour, with no AWS credentials", async () => {
    const { IdentityId } = await poolWithGuest();
    const anonymous = new CognitoIdentityClient({
      region: "us-east-1",
      endpoint: service.local.endpoint,
    });
    const before = Date.now();
    const { $metadata, ...output } = await anonymous.send(
      new GetCredentialsForIdentityCommand({ IdentityId }),
    );
    expect(output).toEqual({
      IdentityId,
      Credentials: {
        AccessKeyId: expect.stringMatching(/^ASIA[0-9A-Z]{16}$/),
        SecretKey: expect.stringMatching(/^\S{40}$/),
        SessionToken: expect.stringMatching(/^\S{100,}$/),
        Expiration: expect.any(Date),
      },
    });
    const lifetime = output.Credentials!.Expiration!.getTime() - before;
    expect(lifetime).toBeGreaterThan(59 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60 * 1000);
  });

  it("gives different keys on every call", async () => {
    const { IdentityId } = await poolWithGuest();
    const a = await service.client.getCredentialsForIdentity({ IdentityId });
    const b = await service.client.getCredentialsForIdentity({ IdentityId });
    expect(a.Credentials?.AccessKeyId).not.toBe(b.Credentials?.AccessKeyId);
  });

  it("needs the pool's unauthenticated role for a guest", async () => {
    const { IdentityId } = await poolWithGuest({ authenticated: USER_ROLE });
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({ IdentityId }),
      "InvalidIdentityPoolConfigurationException",
      /no unauthenticated role/,
    );
  });

  it("refuses guests once the pool stops allowing them", async () => {
    const { pool, IdentityId } = await poolWithGuest();
    await service.client.updateIdentityPool({ ...pool, AllowUnauthenticatedIdentities: false });
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({ IdentityId }),
      "NotAuthorizedException",
      /does not allow unauthenticated/,
    );
  });

  it("links a login to a guest, which then needs the authenticated role", async () => {
    const { IdentityId } = await poolWithGuest({ unauthenticated: GUEST_ROLE });
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [GOOGLE]: "nina" } }),
      "InvalidIdentityPoolConfigurationException",
      /no authenticated role/,
    );
    expect((await service.client.describeIdentity({ IdentityId })).Logins).toEqual([GOOGLE]);
  });

  it("gives an authenticated identity credentials when a linked login is supplied", async () => {
    const { pool } = await poolWithGuest();
    const { IdentityId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "olga" },
    });
    const output = await service.client.getCredentialsForIdentity({
      IdentityId: IdentityId!,
      Logins: { [GOOGLE]: "olga" },
    });
    expect(output.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it("refuses an authenticated identity without its logins", async () => {
    const { pool } = await poolWithGuest();
    const { IdentityId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "pia" },
    });
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({ IdentityId: IdentityId! }),
      "NotAuthorizedException",
      /Logins do not match/,
    );
  });

  it("refuses a login that belongs to another identity", async () => {
    const { pool, IdentityId } = await poolWithGuest();
    await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "quinn" },
    });
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: { [GOOGLE]: "quinn" } }),
      "ResourceConflictException",
    );
  });

  it("accepts a Cognito token issued for the identity as its login", async () => {
    const { pool } = await poolWithGuest();
    const { IdentityId, Token } = await service.client.getOpenIdTokenForDeveloperIdentity({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [DEVELOPER]: "rita" },
    });
    const logins = { "cognito-identity.amazonaws.com": Token! };
    const output = await service.client.getCredentialsForIdentity({
      IdentityId: IdentityId!,
      Logins: logins,
    });
    expect(output.IdentityId).toBe(IdentityId);
    const { IdentityId: otherId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "sam" },
    });
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({ IdentityId: otherId!, Logins: logins }),
      "NotAuthorizedException",
      /another identity/,
    );
  });

  it("refuses a Cognito token it did not issue", async () => {
    const { IdentityId } = await poolWithGuest();
    const forged = `${Buffer.from("{}").toString("base64url")}.${Buffer.from(JSON.stringify({ sub: IdentityId })).toString("base64url")}.x`;
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({
        IdentityId,
        Logins: { "cognito-identity.amazonaws.com": forged },
      }),
      "NotAuthorizedException",
      /Invalid login token/,
    );
  });

  it("lets an authenticated identity pick a role from the pool's rules, and no other", async () => {
    const { pool } = await poolWithGuest();
    await service.client.setIdentityPoolRoles({
      IdentityPoolId: pool.IdentityPoolId,
      Roles: { authenticated: USER_ROLE },
      RoleMappings: {
        [`${USER_POOL}:appclient1`]: {
          Type: "Rules",
          AmbiguousRoleResolution: "AuthenticatedRole",
          RulesConfiguration: {
            Rules: [{ Claim: "admin", MatchType: "Equals", Value: "yes", RoleARN: ADMIN_ROLE }],
          },
        },
      },
    });
    const logins = { [USER_POOL]: "tom" };
    const { IdentityId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: logins,
    });
    const admin = await service.client.getCredentialsForIdentity({
      IdentityId: IdentityId!,
      Logins: logins,
      CustomRoleArn: ADMIN_ROLE,
    });
    expect(admin.Credentials).toBeDefined();
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({
        IdentityId: IdentityId!,
        Logins: logins,
        CustomRoleArn: GUEST_ROLE,
      }),
      "NotAuthorizedException",
      /may not assume/,
    );
  });

  it("answers ResourceNotFoundException for an unknown identity", async () => {
    await expectError(
      service.client,
      new GetCredentialsForIdentityCommand({ IdentityId: NO_IDENTITY }),
      "ResourceNotFoundException",
    );
  });

  it("never leaks a login token in a validation message", async () => {
    const secret = "x".repeat(50_001);
    const error = await service.unchecked
      .getCredentialsForIdentity({ IdentityId: NO_IDENTITY, Logins: { [GOOGLE]: secret } })
      .catch((e: Error) => e);
    expect(error).toMatchObject({ name: "InvalidParameterException" });
    expect((error as Error).message).toContain("length 50001, must be 1..50000");
    expect((error as Error).message).not.toContain("xxxx");
  });
});

describe("GetOpenIdToken", () => {
  it("issues a JWT-shaped token for the identity, valid for 10 minutes", async () => {
    const { pool, IdentityId } = await poolWithGuest();
    const anonymous = new CognitoIdentityClient({
      region: "us-east-1",
      endpoint: service.local.endpoint,
    });
    const output = await anonymous.send(new GetOpenIdTokenCommand({ IdentityId }));
    expect(output.IdentityId).toBe(IdentityId);
    expect(output.Token?.split(".")).toHaveLength(3);
    const claims = claimsOf(output.Token);
    expect(claims).toEqual({
      iss: "https://cognito-identity.amazonaws.com",
      sub: IdentityId,
      aud: pool.IdentityPoolId,
      amr: ["unauthenticated"],
      iat: expect.any(Number),
      exp: claims.iat + 600,
    });
  });

  it("says how an authenticated identity signed in, linking new logins", async () => {
    const { pool } = await poolWithGuest();
    const { IdentityId } = await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "uma" },
    });
    const { Token } = await service.client.getOpenIdToken({
      IdentityId: IdentityId!,
      Logins: { [GOOGLE]: "uma", "graph.facebook.com": "uma-fb" },
    });
    expect(claimsOf(Token).amr).toEqual(["authenticated", GOOGLE, "graph.facebook.com"]);
  });

  it("refuses guests of a pool that does not allow them", async () => {
    const { pool, IdentityId } = await poolWithGuest();
    await service.client.updateIdentityPool({ ...pool, AllowUnauthenticatedIdentities: false });
    await expectError(
      service.client,
      new GetOpenIdTokenCommand({ IdentityId }),
      "NotAuthorizedException",
    );
  });

  it("refuses logins of another identity", async () => {
    const { pool, IdentityId } = await poolWithGuest();
    await service.client.getId({
      IdentityPoolId: pool.IdentityPoolId,
      Logins: { [GOOGLE]: "vic" },
    });
    await expectError(
      service.client,
      new GetOpenIdTokenCommand({ IdentityId, Logins: { [GOOGLE]: "vic" } }),
      "ResourceConflictException",
    );
  });

  it("answers ResourceNotFoundException for an unknown identity", async () => {
    await expectError(
      service.client,
      new GetOpenIdTokenCommand({ IdentityId: NO_IDENTITY }),
      "ResourceNotFoundException",
    );
  });
});
