/**
 * fromCognitoIdentityPool against a fake Cognito Identity behind msw: the identity id cache,
 * its store, logins, and recovery from each kind of failure.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  fromCognitoIdentityPool,
  type IdentityIdStore,
  memoryIdentityIdStore,
} from "../../src/credentials/index.js";
import { CognitoIdentityClient } from "../../src/index.js";
import { captureHandler, json } from "../helpers/capture.js";
import {
  fakeIdentityService,
  identityId,
  networkError,
  POOL_ID,
  serviceError,
} from "./fake-identity-service.js";

const GUEST_KEY = `cognito-identity-client:identityId:${POOL_ID}`;
const GOOGLE = "accounts.google.com";
const USER_POOL = "cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE";

const server = setupServer();
let fake: ReturnType<typeof fakeIdentityService>;
let store: IdentityIdStore;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  fake = fakeIdentityService();
  server.use(fake.handler);
  store = memoryIdentityIdStore();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("a guest", () => {
  it("gets a new identity the first time: GetId, then GetCredentialsForIdentity, both unsigned", async () => {
    const credentials = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store })();

    expect(fake.operations()).toEqual(["GetId", "GetCredentialsForIdentity"]);
    expect(fake.calls[0]!.body).toEqual({ IdentityPoolId: POOL_ID });
    expect(fake.calls[1]!.body).toEqual({ IdentityId: identityId(1) });
    expect(fake.calls.map((call) => call.headers.get("authorization"))).toEqual([null, null]);
    expect(credentials).toEqual({
      accessKeyId: "ASIAFAKE1",
      secretAccessKey: "secret-key-1",
      sessionToken: "session-token-1",
      expiration: expect.any(Date),
      identityId: identityId(1),
    });
    expect(await store.get(GUEST_KEY)).toBe(identityId(1));
  });

  it("keeps its identity across provider instances that share a store", async () => {
    const first = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store })();
    const second = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store })();

    expect(second.identityId).toBe(first.identityId);
    expect(fake.count("GetId")).toBe(1);
    expect(fake.calls.at(-1)!.body).toEqual({ IdentityId: first.identityId });
  });

  it("gets a separate identity per provider when each has its own memory store", async () => {
    const first = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store })();
    const other = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: memoryIdentityIdStore(),
    })();
    expect(other.identityId).not.toBe(first.identityId);
  });

  it("works with an asynchronous store", async () => {
    const ids = new Map<string, string>();
    const asyncStore: IdentityIdStore = {
      get: async (key) => ids.get(key),
      set: async (key, id) => {
        ids.set(key, id);
      },
      remove: async (key) => {
        ids.delete(key);
      },
    };
    await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: asyncStore })();
    await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: asyncStore })();
    expect(fake.count("GetId")).toBe(1);
    expect(ids.get(GUEST_KEY)).toBe(identityId(1));
  });
});

describe("a signed-in user", () => {
  it("sends the logins to both calls and caches the id under the login provider names, never the token", async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [GOOGLE]: "google-id-token" },
      cache: store,
    });
    const credentials = await provider();

    expect(fake.calls.map((call) => call.body.Logins)).toEqual([
      { [GOOGLE]: "google-id-token" },
      { [GOOGLE]: "google-id-token" },
    ]);
    const key = `${GUEST_KEY}:logins:${GOOGLE}`;
    expect(await store.get(key)).toBe(credentials.identityId);
    expect(await store.get(GUEST_KEY)).toBeUndefined();
    expect(key).not.toContain("google-id-token");
  });

  it("never shares an identity id with a guest of the same store", async () => {
    const user = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [GOOGLE]: "token" },
      cache: store,
    })();
    const guest = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store })();
    expect(guest.identityId).not.toBe(user.identityId);
    expect(fake.count("GetId")).toBe(2);
    expect(fake.calls.find((call) => call.body.IdentityId === guest.identityId)?.body).toEqual({
      IdentityId: guest.identityId,
    });
  });

  it("builds the key from the sorted provider names, whatever their order", async () => {
    await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [USER_POOL]: "a", [GOOGLE]: "b" },
      cache: store,
    })();
    await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [GOOGLE]: "c", [USER_POOL]: "d" },
      cache: store,
    })();
    expect(fake.count("GetId")).toBe(1);
    expect(await store.get(`${GUEST_KEY}:logins:${GOOGLE},${USER_POOL}`)).toBe(identityId(1));
  });

  it("keys by userIdentifier when given, so users of one login provider keep apart", async () => {
    const alice = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [USER_POOL]: "alice-token" },
      userIdentifier: "alice-sub",
      cache: store,
    });
    await alice();
    expect(await store.get(`${GUEST_KEY}:user:alice-sub`)).toBe(identityId(1));
    expect(await store.get(`${GUEST_KEY}:logins:${USER_POOL}`)).toBeUndefined();

    await store.set(`${GUEST_KEY}:user:bob-sub`, identityId(42));
    const bob = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [USER_POOL]: "bob-token" },
      userIdentifier: "bob-sub",
      cache: store,
    })();
    expect(bob.identityId).toBe(identityId(42));
  });

  it("calls a token function on every refresh and sends the token it returns", async () => {
    let issued = 0;
    const token = vi.fn(async () => `id-token-${++issued}`);
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [USER_POOL]: token },
      cache: store,
    });
    await provider();
    await provider();
    await provider({ forceRefresh: true });

    expect(token).toHaveBeenCalledTimes(2);
    expect(fake.operations()).toEqual([
      "GetId",
      "GetCredentialsForIdentity",
      "GetCredentialsForIdentity",
    ]);
    expect(fake.calls.map((call) => call.body.Logins[USER_POOL])).toEqual([
      "id-token-1",
      "id-token-1",
      "id-token-2",
    ]);
  });

  it("rejects with the token function's own error, and tries it again on the next call", async () => {
    const signedOut = new Error("no session");
    const token = vi.fn().mockRejectedValueOnce(signedOut).mockReturnValue("fresh");
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      logins: { [GOOGLE]: token },
      cache: store,
    });
    await expect(provider()).rejects.toBe(signedOut);
    expect(fake.calls).toHaveLength(0);
    await expect(provider()).resolves.toMatchObject({ identityId: identityId(1) });
  });

  it.each([
    ["an empty string", ""],
    ["undefined", undefined],
    ["an object", { token: "x" }],
  ])(
    "rejects a token function that returns %s with a CredentialsProviderError",
    async (_label, value) => {
      const provider = fromCognitoIdentityPool({
        identityPoolId: POOL_ID,
        logins: { [GOOGLE]: () => value as string },
        cache: store,
      });
      await expect(provider()).rejects.toMatchObject({
        name: "CredentialsProviderError",
        code: "InvalidLoginToken",
        message: expect.stringContaining(`"${GOOGLE}"`),
      });
      expect(fake.calls).toHaveLength(0);
    },
  );

  it("uses a snapshot of the logins: later changes to the object do not move its identity", async () => {
    const logins: Record<string, string> = { [GOOGLE]: "token" };
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID, logins, cache: store });
    logins[USER_POOL] = "added later";
    await provider();
    expect(fake.calls[0]!.body.Logins).toEqual({ [GOOGLE]: "token" });
  });
});

describe("when the service rejects the cached identity id", () => {
  it.each(["NotAuthorizedException", "ResourceNotFoundException"])(
    "%s replaces it with one new GetId and recovers",
    async (name) => {
      await store.set(GUEST_KEY, identityId(99));
      fake.queue("GetCredentialsForIdentity", serviceError(name));

      const credentials = await fromCognitoIdentityPool({
        identityPoolId: POOL_ID,
        cache: store,
      })();

      expect(fake.operations()).toEqual([
        "GetCredentialsForIdentity",
        "GetId",
        "GetCredentialsForIdentity",
      ]);
      expect(fake.calls[0]!.body.IdentityId).toBe(identityId(99));
      expect(credentials.identityId).toBe(identityId(1));
      expect(await store.get(GUEST_KEY)).toBe(identityId(1));
    },
  );

  it("keeps it when GetId then fails too, and tries it again next time", async () => {
    await store.set(GUEST_KEY, identityId(99));
    fake.queue("GetCredentialsForIdentity", serviceError("NotAuthorizedException"));
    fake.queue("GetId", networkError());
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store });

    await expect(provider()).rejects.toThrow();
    expect(await store.get(GUEST_KEY)).toBe(identityId(99));

    await expect(provider()).resolves.toMatchObject({ identityId: identityId(99) });
    expect(fake.count("GetId")).toBe(1);
  });

  it("passes on an error of the new identity without another GetId", async () => {
    await store.set(GUEST_KEY, identityId(99));
    fake.queue(
      "GetCredentialsForIdentity",
      serviceError("NotAuthorizedException"),
      serviceError("NotAuthorizedException"),
    );
    const error = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store })().catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "NotAuthorizedException", $fault: "client" });
    expect(fake.count("GetId")).toBe(1);
    expect(await store.get(GUEST_KEY)).toBe(identityId(1));
  });
});

describe("when the service cannot answer", () => {
  // One attempt per call, so each queued failure reaches the provider.
  const ONE_ATTEMPT = { maxAttempts: 1 };

  it("rides out one throttled answer with the client's retries, keeping the identity", async () => {
    await store.set(GUEST_KEY, identityId(7));
    fake.queue("GetCredentialsForIdentity", serviceError("TooManyRequestsException", 400));
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store });
    await expect(provider()).resolves.toMatchObject({ identityId: identityId(7) });
    expect(fake.count("GetId")).toBe(0);
  });

  it.each([
    ["a network error", networkError()],
    ["throttling", serviceError("TooManyRequestsException", 400)],
    ["an internal error (500)", serviceError("InternalErrorException", 500)],
    ["an unmodelled 503", serviceError("ServiceUnavailable", 503)],
    ["a login provider outage", serviceError("ExternalServiceException", 400)],
  ])("keeps the cached identity id after %s", async (_label, failure) => {
    await store.set(GUEST_KEY, identityId(7));
    fake.queue("GetCredentialsForIdentity", failure);
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: store,
      clientConfig: ONE_ATTEMPT,
    });

    await expect(provider()).rejects.toThrow();
    expect(await store.get(GUEST_KEY)).toBe(identityId(7));

    await expect(provider()).resolves.toMatchObject({ identityId: identityId(7) });
    expect(fake.count("GetId")).toBe(0);
  });

  it("keeps a new identity id even when its first GetCredentialsForIdentity fails", async () => {
    fake.queue("GetCredentialsForIdentity", networkError());
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: store,
      clientConfig: ONE_ATTEMPT,
    });
    await expect(provider()).rejects.toThrow();
    expect(await store.get(GUEST_KEY)).toBe(identityId(1));
    await expect(provider()).resolves.toMatchObject({ identityId: identityId(1) });
    expect(fake.count("GetId")).toBe(1);
  });

  it("passes the service's typed error on unchanged", async () => {
    fake.queue("GetId", serviceError("TooManyRequestsException"));
    const error = await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: store,
      clientConfig: ONE_ATTEMPT,
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "TooManyRequestsException",
      $fault: "client",
      $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    });
  });
});

describe("concurrent calls", () => {
  it("share one GetId and one GetCredentialsForIdentity among ten callers", async () => {
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store });
    const results = await Promise.all(Array.from({ length: 10 }, () => provider()));

    expect(fake.count("GetId")).toBe(1);
    expect(fake.count("GetCredentialsForIdentity")).toBe(1);
    for (const result of results) expect(result).toBe(results[0]);
  });

  it("all reject when the shared refresh fails, and the next call starts afresh", async () => {
    fake.queue("GetCredentialsForIdentity", serviceError("InternalErrorException", 500));
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: store,
      clientConfig: { maxAttempts: 1 },
    });
    const settled = await Promise.allSettled(Array.from({ length: 3 }, () => provider()));

    expect(settled.map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(fake.count("GetCredentialsForIdentity")).toBe(1);
    await expect(provider()).resolves.toMatchObject({ identityId: identityId(1) });
    expect(fake.operations()).toEqual([
      "GetId",
      "GetCredentialsForIdentity",
      "GetCredentialsForIdentity",
    ]);
  });
});

describe("expiry", () => {
  const start = new Date("2026-03-01T12:00:00Z");
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(start);
  });
  afterEach(() => vi.useRealTimers());

  const minutes = (n: number) => n * 60_000;

  it("reuses the credentials until 5 minutes before they expire, then refreshes them", async () => {
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store });
    const first = await provider();
    expect(first.expiration).toEqual(new Date(start.getTime() + minutes(60)));

    vi.setSystemTime(start.getTime() + minutes(55) - 1000);
    expect(await provider()).toBe(first);
    expect(fake.count("GetCredentialsForIdentity")).toBe(1);

    vi.setSystemTime(start.getTime() + minutes(55) + 1000);
    const second = await provider();
    expect(second.accessKeyId).toBe("ASIAFAKE2");
    expect(second.identityId).toBe(first.identityId);
    expect(fake.operations()).toEqual([
      "GetId",
      "GetCredentialsForIdentity",
      "GetCredentialsForIdentity",
    ]);
  });

  it("refreshes earlier with a larger refreshWindowMs", async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: store,
      refreshWindowMs: minutes(20),
    });
    await provider();
    vi.setSystemTime(start.getTime() + minutes(41));
    await provider();
    expect(fake.count("GetCredentialsForIdentity")).toBe(2);
  });

  it("refreshes fresh credentials when asked with forceRefresh", async () => {
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store });
    await provider();
    await expect(provider({ forceRefresh: true })).resolves.toMatchObject({
      accessKeyId: "ASIAFAKE2",
    });
  });
});

describe("incomplete answers", () => {
  it("rejects with MissingIdentityId when GetId has no IdentityId", async () => {
    fake.queue("GetId", () => Response.json({}));
    await expect(
      fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store })(),
    ).rejects.toMatchObject({ name: "CredentialsProviderError", code: "MissingIdentityId" });
  });

  it.each([
    ["no Credentials", undefined, /without Credentials\.$/],
    [
      "no SessionToken or Expiration",
      { AccessKeyId: "ASIA", SecretKey: "secret" },
      /without Credentials\.SessionToken, Credentials\.Expiration\.$/,
    ],
  ])(
    "rejects with MissingCredentials when the answer has %s",
    async (_label, credentials, message) => {
      fake.queue("GetCredentialsForIdentity", () =>
        Response.json({ IdentityId: identityId(1), Credentials: credentials }),
      );
      const error = await fromCognitoIdentityPool({
        identityPoolId: POOL_ID,
        cache: store,
      })().catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "CredentialsProviderError", code: "MissingCredentials" });
      expect((error as Error).message).toMatch(message);
    },
  );
});

describe("the identity id store", () => {
  class FakeStorage {
    readonly items = new Map<string, string>();
    getItem(key: string) {
      return this.items.get(key) ?? null;
    }
    setItem(key: string, value: string) {
      this.items.set(key, value);
    }
    removeItem(key: string) {
      this.items.delete(key);
    }
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is localStorage by default when the platform has one", async () => {
    const storage = new FakeStorage();
    vi.stubGlobal("localStorage", storage);
    await fromCognitoIdentityPool({ identityPoolId: POOL_ID })();
    await fromCognitoIdentityPool({ identityPoolId: POOL_ID })();
    expect(storage.items.get(GUEST_KEY)).toBe(identityId(1));
    expect(fake.count("GetId")).toBe(1);
  });

  it("is memory when reading localStorage throws (privacy modes)", async () => {
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      get() {
        throw new Error("SecurityError: access denied");
      },
    });
    try {
      const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID });
      await provider();
      await provider({ forceRefresh: true });
      expect(fake.count("GetId")).toBe(1);
    } finally {
      Reflect.deleteProperty(globalThis, "localStorage");
    }
  });

  it("is memory when localStorage is defined but has no working methods", async () => {
    vi.stubGlobal("localStorage", {});
    await expect(fromCognitoIdentityPool({ identityPoolId: POOL_ID })()).resolves.toMatchObject({
      identityId: identityId(1),
    });
  });

  it("does not fail the call when the store cannot save the id", async () => {
    const storage = new FakeStorage();
    storage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    vi.stubGlobal("localStorage", storage);
    await expect(fromCognitoIdentityPool({ identityPoolId: POOL_ID })()).resolves.toMatchObject({
      identityId: identityId(1),
    });
  });

  it("rejects without creating an identity when the store cannot be read", async () => {
    const broken: IdentityIdStore = {
      get: async () => {
        throw new Error("disk unavailable");
      },
      set: () => {},
      remove: () => {},
    };
    const error = await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: broken })().catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name: "CredentialsProviderError",
      code: "IdentityIdStoreUnreadable",
      cause: expect.objectContaining({ message: "disk unavailable" }),
    });
    expect(fake.calls).toHaveLength(0);
  });

  it.each(["undefined", "", "not an identity id"])(
    "treats a damaged entry (%j) as no entry and replaces it",
    async (damaged) => {
      await store.set(GUEST_KEY, damaged);
      await fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store })();
      expect(fake.operations()).toEqual(["GetId", "GetCredentialsForIdentity"]);
      expect(await store.get(GUEST_KEY)).toBe(identityId(1));
    },
  );

  it("forgets the identity and the credentials on clearCachedIdentityId", async () => {
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store });
    await provider();
    await provider.clearCachedIdentityId();
    expect(await store.get(GUEST_KEY)).toBeUndefined();

    const next = await provider();
    expect(next.identityId).toBe(identityId(2));
    expect(fake.count("GetId")).toBe(2);
  });

  it("clearCachedIdentityId waits for a running refresh, which then cannot store its id again", async () => {
    const provider = fromCognitoIdentityPool({ identityPoolId: POOL_ID, cache: store });
    const running = provider();
    await provider.clearCachedIdentityId();
    await expect(running).resolves.toMatchObject({ identityId: identityId(1) });
    expect(fake.count("GetId")).toBe(1);
    expect(await store.get(GUEST_KEY)).toBeUndefined();
  });
});

describe("the client", () => {
  const answers = [
    json({ IdentityId: identityId(1) }),
    json({
      IdentityId: identityId(1),
      Credentials: {
        AccessKeyId: "ASIA",
        SecretKey: "secret",
        SessionToken: "token",
        Expiration: 1_900_000_000,
      },
    }),
  ];

  it("is created for the Region of the identity pool", async () => {
    const handler = captureHandler(...answers);
    await fromCognitoIdentityPool({
      identityPoolId: "eu-west-2:00000000-0000-0000-0000-000000000001",
      clientConfig: { requestHandler: handler },
      cache: store,
    })();
    expect(handler.requests.map((request) => request.hostname)).toEqual([
      "cognito-identity.eu-west-2.amazonaws.com",
      "cognito-identity.eu-west-2.amazonaws.com",
    ]);
  });

  it("takes region and endpoint from clientConfig", async () => {
    const handler = captureHandler(...answers);
    await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      clientConfig: { endpoint: "http://127.0.0.1:9229", requestHandler: handler },
      cache: store,
    })();
    expect(handler.requests.map((request) => request.hostname)).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  it("can be one of yours", async () => {
    const handler = captureHandler(...answers);
    const client = new CognitoIdentityClient({ region: "ap-south-1", requestHandler: handler });
    await fromCognitoIdentityPool({ identityPoolId: POOL_ID, client, cache: store })();
    expect(handler.requests[0]!.hostname).toBe("cognito-identity.ap-south-1.amazonaws.com");
  });

  it("sends accountId to GetId and customRoleArn to GetCredentialsForIdentity", async () => {
    const roleArn = "arn:aws:iam::123456789012:role/Reader";
    await fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      accountId: "123456789012",
      customRoleArn: roleArn,
      cache: store,
    })();
    expect(fake.calls.map((call) => call.body)).toEqual([
      { IdentityPoolId: POOL_ID, AccountId: "123456789012" },
      { IdentityId: identityId(1), CustomRoleArn: roleArn },
    ]);
  });
});
