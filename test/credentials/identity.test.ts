/** fromCognitoIdentity: credentials for an identity id the app already has. */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fromCognitoIdentity } from "../../src/credentials/index.js";
import { captureHandler, json } from "../helpers/capture.js";
import { fakeIdentityService, identityId, serviceError } from "./fake-identity-service.js";

const server = setupServer();
let fake: ReturnType<typeof fakeIdentityService>;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  fake = fakeIdentityService();
  server.use(fake.handler);
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("fromCognitoIdentity", () => {
  it("calls only GetCredentialsForIdentity, with the identity, logins and role", async () => {
    const roleArn = "arn:aws:iam::123456789012:role/Editor";
    const credentials = await fromCognitoIdentity({
      identityId: identityId(5),
      logins: { "accounts.google.com": "google-token" },
      customRoleArn: roleArn,
    })();

    expect(fake.calls.map((call) => [call.operation, call.body])).toEqual([
      [
        "GetCredentialsForIdentity",
        {
          IdentityId: identityId(5),
          Logins: { "accounts.google.com": "google-token" },
          CustomRoleArn: roleArn,
        },
      ],
    ]);
    expect(credentials).toEqual({
      accessKeyId: "ASIAFAKE1",
      secretAccessKey: "secret-key-1",
      sessionToken: "session-token-1",
      expiration: expect.any(Date),
      identityId: identityId(5),
    });
  });

  it("caches the credentials and shares one call among concurrent callers", async () => {
    const provider = fromCognitoIdentity({ identityId: identityId(5) });
    const results = await Promise.all(Array.from({ length: 10 }, () => provider()));
    await provider();
    expect(fake.count("GetCredentialsForIdentity")).toBe(1);
    for (const result of results) expect(result).toBe(results[0]);
  });

  it("calls token functions again on each refresh", async () => {
    const token = vi.fn().mockReturnValueOnce("first").mockReturnValueOnce("second");
    const provider = fromCognitoIdentity({ identityId: identityId(5), logins: { idp: token } });
    await provider();
    await provider({ forceRefresh: true });
    expect(fake.calls.map((call) => call.body.Logins)).toEqual([
      { idp: "first" },
      { idp: "second" },
    ]);
  });

  it("passes the service's rejection on and succeeds on the next call", async () => {
    fake.queue("GetCredentialsForIdentity", serviceError("NotAuthorizedException"));
    const provider = fromCognitoIdentity({ identityId: identityId(5) });
    await expect(provider()).rejects.toMatchObject({ name: "NotAuthorizedException" });
    await expect(provider()).resolves.toMatchObject({ identityId: identityId(5) });
  });

  it("sends to the Region of the identity id", async () => {
    const handler = captureHandler(
      json({
        Credentials: {
          AccessKeyId: "ASIA",
          SecretKey: "secret",
          SessionToken: "token",
          Expiration: 1_900_000_000,
        },
      }),
    );
    await fromCognitoIdentity({
      identityId: "ap-northeast-1:00000000-0000-0000-0000-000000000001",
      clientConfig: { requestHandler: handler },
    })();
    expect(handler.requests[0]!.hostname).toBe("cognito-identity.ap-northeast-1.amazonaws.com");
  });
});
