/**
 * The official AWS SDK for JavaScript v3 client against the local service: users test code
 * written for it too, so the local service must speak the wire format that client expects.
 */
import {
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  CognitoIdentityClient as OfficialClient,
  ResourceNotFoundException,
  SetIdentityPoolRolesCommand,
} from "@aws-sdk/client-cognito-identity";
import { describe, expect, it } from "vitest";
import { credentials, GUEST_ROLE, NO_POOL, useLocalService } from "./helpers.js";

const service = useLocalService();

describe("the official client", () => {
  const official = () =>
    new OfficialClient({
      region: "us-east-1",
      endpoint: service.local.endpoint,
      credentials,
      maxAttempts: 1,
    });

  it("creates a pool, gets a guest identity and its credentials", async () => {
    const client = official();
    const pool = await client.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: "official",
        AllowUnauthenticatedIdentities: true,
      }),
    );
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: pool.IdentityPoolId,
        Roles: { unauthenticated: GUEST_ROLE },
      }),
    );
    const { IdentityId } = await client.send(
      new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }),
    );
    const { Credentials } = await client.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(Credentials?.Expiration).toBeInstanceOf(Date);
  });

  it("parses the local service's errors into its own error classes", async () => {
    const error = await official()
      .send(new DescribeIdentityPoolCommand({ IdentityPoolId: NO_POOL }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
    expect((error as ResourceNotFoundException).$metadata.requestId).toBeDefined();
  });
});
