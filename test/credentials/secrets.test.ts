/**
 * Login tokens, secret keys and session tokens must never reach an error or the console.
 * Unique strings are planted in every place a secret travels, then every failure the
 * providers can produce is searched for them.
 */
import { inspect } from "node:util";
import { HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  fromCognitoIdentity,
  fromCognitoIdentityPool,
  type Logins,
  memoryIdentityIdStore,
} from "../../src/credentials/index.js";
import {
  fakeIdentityService,
  identityId,
  networkError,
  POOL_ID,
  serviceError,
} from "./fake-identity-service.js";

const LOGIN_TOKEN = "planted-login-token-3f9c";
const FUNCTION_TOKEN = "planted-function-token-7a1d";
const SECRET_KEY = "planted-secret-key-51be";
const SESSION_TOKEN = "planted-session-token-c0de";
const PLANTED = [LOGIN_TOKEN, FUNCTION_TOKEN, SECRET_KEY, SESSION_TOKEN];

const logins: Logins = {
  "accounts.google.com": LOGIN_TOKEN,
  "cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE": async () => FUNCTION_TOKEN,
};

const server = setupServer();
let fake: ReturnType<typeof fakeIdentityService>;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  fake = fakeIdentityService();
  server.use(fake.handler);
});
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

/** Every way an error is commonly shown: message, stack, String(), JSON, Node's inspect. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? "",
    JSON.stringify(e),
    inspect(e, { depth: 10, showHidden: true }),
  ];
}

const partialCredentials = (credentials: Record<string, unknown>) => () =>
  HttpResponse.json({ IdentityId: identityId(1), Credentials: credentials });

describe("no secret in errors or logs", () => {
  const GCFI = "GetCredentialsForIdentity";
  it.each<[string, () => void, Logins, string[]]>([
    [
      "credentials without a session token",
      () =>
        fake.queue(
          GCFI,
          partialCredentials({ AccessKeyId: "ASIA", SecretKey: SECRET_KEY, Expiration: 2e9 }),
        ),
      logins,
      [GCFI],
    ],
    [
      "credentials without an expiration",
      () =>
        fake.queue(
          GCFI,
          partialCredentials({ SecretKey: SECRET_KEY, SessionToken: SESSION_TOKEN }),
        ),
      logins,
      [GCFI],
    ],
    [
      "a token function that returns an object holding the token",
      () => {},
      { "accounts.google.com": () => ({ idToken: FUNCTION_TOKEN }) as unknown as string },
      [],
    ],
    [
      "a rejected identity, then a failed GetId",
      () => {
        fake.queue(GCFI, serviceError("NotAuthorizedException"));
        fake.queue("GetId", serviceError("NotAuthorizedException"));
      },
      logins,
      [GCFI, "GetId"],
    ],
    ["a network error", () => fake.queue(GCFI, networkError()), logins, [GCFI]],
    [
      "a response that is not JSON",
      () => fake.queue(GCFI, () => new HttpResponse("<html>Bad gateway</html>", { status: 502 })),
      logins,
      [GCFI],
    ],
  ])("after %s", async (_label, arrange, providerLogins, operations) => {
    const console = ["log", "info", "warn", "error", "debug"].map((method) =>
      vi.spyOn(globalThis.console, method as "log"),
    );
    arrange();
    // A cached identity, so that every scenario starts with GetCredentialsForIdentity.
    const cache = memoryIdentityIdStore();
    const providers = Object.keys(providerLogins).sort().join(",");
    await cache.set(
      `cognito-identity-client:identityId:${POOL_ID}:logins:${providers}`,
      identityId(9),
    );
    const error = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: providerLogins,
      cache,
      // One attempt, so each scripted failure is the one the caller sees.
      clientConfig: { maxAttempts: 1 },
    })().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Error);
    expect(fake.operations()).toEqual(operations);
    for (const text of renderings(error)) {
      for (const secret of PLANTED) expect(text).not.toContain(secret);
    }
    for (const spy of console) expect(spy).not.toHaveBeenCalled();
  });

  it("after fromCognitoIdentity gets incomplete credentials", async () => {
    fake.queue(
      "GetCredentialsForIdentity",
      partialCredentials({
        AccessKeyId: "ASIA",
        SecretKey: SECRET_KEY,
        SessionToken: SESSION_TOKEN,
      }),
    );
    const error = await fromCognitoIdentity({ identityId: identityId(3), logins })().catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "MissingCredentials" });
    for (const text of renderings(error)) {
      for (const secret of PLANTED) expect(text).not.toContain(secret);
    }
  });

  it("and the planted secrets did reach the service, so the checks above look at live values", async () => {
    fake.queue(
      "GetCredentialsForIdentity",
      partialCredentials({
        AccessKeyId: "ASIA",
        SecretKey: SECRET_KEY,
        SessionToken: SESSION_TOKEN,
        Expiration: 2e9,
      }),
    );
    const credentials = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins,
      cache: memoryIdentityIdStore(),
    })();
    expect(fake.calls[0]!.body.Logins).toEqual({
      "accounts.google.com": LOGIN_TOKEN,
      "cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE": FUNCTION_TOKEN,
    });
    expect(credentials).toMatchObject({ secretAccessKey: SECRET_KEY, sessionToken: SESSION_TOKEN });
  });
});
