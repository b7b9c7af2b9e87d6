/** Malformed options fail at once, with a ConfigurationError that names the option. */
import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  fromCognitoIdentity,
  fromCognitoIdentityPool,
  memoryIdentityIdStore,
} from "../../src/credentials/index.js";
import { CognitoIdentityClient } from "../../src/index.js";

const POOL_ID = "us-east-1:00000000-0000-0000-0000-0000000000aa";
const IDENTITY_ID = "us-east-1:00000000-0000-0000-0000-000000000001";

function configurationError(create: () => unknown): ConfigurationError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error("expected a ConfigurationError");
}

describe("fromCognitoIdentityPool", () => {
  it.each<[string, unknown, string]>([
    ["no options", undefined, "identityPoolId"],
    ["no identityPoolId", {}, "identityPoolId"],
    ["an identityPoolId that is not REGION:GUID", { identityPoolId: "my-pool" }, "identityPoolId"],
    ["an identityPoolId in capitals", { identityPoolId: "us-east-1:ABCDEF" }, "identityPoolId"],
    [
      "an identityPoolId of 56 characters",
      { identityPoolId: `us-east-1:${"a".repeat(46)}` },
      "identityPoolId",
    ],
    ["logins that are not an object", { identityPoolId: POOL_ID, logins: "token" }, "logins"],
    ["logins as an array", { identityPoolId: POOL_ID, logins: [["a", "b"]] }, "logins"],
    [
      "an empty token",
      { identityPoolId: POOL_ID, logins: { "accounts.google.com": "" } },
      "logins",
    ],
    [
      "a token of the wrong type",
      { identityPoolId: POOL_ID, logins: { "accounts.google.com": 42 } },
      "logins",
    ],
    [
      "an empty login provider name",
      { identityPoolId: POOL_ID, logins: { "": "token" } },
      "logins",
    ],
    [
      "userIdentifier without logins",
      { identityPoolId: POOL_ID, userIdentifier: "sub" },
      "userIdentifier",
    ],
    [
      "an empty userIdentifier",
      { identityPoolId: POOL_ID, logins: { a: "t" }, userIdentifier: "" },
      "userIdentifier",
    ],
    ["an empty accountId", { identityPoolId: POOL_ID, accountId: "" }, "accountId"],
    [
      "a customRoleArn that is not a string",
      { identityPoolId: POOL_ID, customRoleArn: 1 },
      "customRoleArn",
    ],
    [
      "a negative refreshWindowMs",
      { identityPoolId: POOL_ID, refreshWindowMs: -1 },
      "refreshWindowMs",
    ],
    [
      "a refreshWindowMs that is NaN",
      { identityPoolId: POOL_ID, refreshWindowMs: Number.NaN },
      "refreshWindowMs",
    ],
    ["a cache without remove", { identityPoolId: POOL_ID, cache: { get() {}, set() {} } }, "cache"],
    ["a client without send", { identityPoolId: POOL_ID, client: {} }, "client"],
    [
      "both client and clientConfig",
      { identityPoolId: POOL_ID, client: new CognitoIdentityClient(), clientConfig: {} },
      "client",
    ],
  ])("rejects %s", (_label, options, option) => {
    const error = configurationError(() => fromCognitoIdentityPool(options as never));
    expect(error).toMatchObject({ name: "ConfigurationError", $fault: "client", option });
    expect(error.message).toContain(`\`${option}\``);
  });

  it("names the malformed identity pool id in the message", () => {
    const error = configurationError(() => fromCognitoIdentityPool({ identityPoolId: "my-pool" }));
    expect(error.message).toContain('"my-pool"');
  });

  it("accepts every option at once", () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      accountId: "123456789012",
      logins: { "accounts.google.com": "token", "graph.facebook.com": async () => "token" },
      customRoleArn: "arn:aws:iam::123456789012:role/Reader",
      cache: memoryIdentityIdStore(),
      userIdentifier: "sub",
      refreshWindowMs: 0,
      clientConfig: { endpoint: "http://127.0.0.1:1" },
    });
    expect(provider).toBeTypeOf("function");
    expect(provider.clearCachedIdentityId).toBeTypeOf("function");
  });
});

describe("fromCognitoIdentity", () => {
  it.each<[string, unknown, string]>([
    ["no identityId", {}, "identityId"],
    ["an identityId that is not REGION:GUID", { identityId: "someone" }, "identityId"],
    ["logins that are not an object", { identityId: IDENTITY_ID, logins: 1 }, "logins"],
    [
      "a refreshWindowMs of Infinity",
      { identityId: IDENTITY_ID, refreshWindowMs: Infinity },
      "refreshWindowMs",
    ],
    [
      "both client and clientConfig",
      { identityId: IDENTITY_ID, client: new CognitoIdentityClient(), clientConfig: {} },
      "client",
    ],
  ])("rejects %s", (_label, options, option) => {
    expect(configurationError(() => fromCognitoIdentity(options as never))).toMatchObject({
      option,
    });
  });
});
