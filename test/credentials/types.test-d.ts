import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CognitoIdentityCredentials,
  fromCognitoIdentity,
  fromCognitoIdentityPool,
  type IdentityIdStore,
} from "../../src/credentials/index.js";
import { CognitoIdentityClient } from "../../src/index.js";

const identityPoolId = "us-east-1:00000000-0000-0000-0000-000000000001";

describe("the providers", () => {
  it("are AwsCredentialIdentityProviders that also give the identity id", () => {
    const pool = fromCognitoIdentityPool({ identityPoolId });
    const identity = fromCognitoIdentity({ identityId: identityPoolId });
    expectTypeOf(pool).toExtend<AwsCredentialIdentityProvider>();
    expectTypeOf(identity).toExtend<AwsCredentialIdentityProvider>();
    expectTypeOf(pool).returns.resolves.toEqualTypeOf<CognitoIdentityCredentials>();
    expectTypeOf<CognitoIdentityCredentials>().toExtend<AwsCredentialIdentity>();
    expectTypeOf<CognitoIdentityCredentials["sessionToken"]>().toEqualTypeOf<string>();
    expectTypeOf<CognitoIdentityCredentials["expiration"]>().toEqualTypeOf<Date>();
    expectTypeOf<CognitoIdentityCredentials["identityId"]>().toEqualTypeOf<string>();
  });

  it("fit the credentials option of our client", () => {
    new CognitoIdentityClient({ credentials: fromCognitoIdentityPool({ identityPoolId }) });
  });

  it("take string or function logins, and sync or async stores", () => {
    const asyncStore: IdentityIdStore = {
      get: async () => undefined,
      set: async () => {},
      remove: async () => {},
    };
    const syncStore: IdentityIdStore = { get: () => null, set: () => {}, remove: () => {} };
    fromCognitoIdentityPool({
      identityPoolId,
      logins: { a: "token", b: () => "token", c: async () => "token" },
      cache: asyncStore,
    });
    fromCognitoIdentityPool({ identityPoolId, cache: syncStore });
  });

  it("refuse options they cannot use", () => {
    // @ts-expect-error identityPoolId is required
    fromCognitoIdentityPool({});
    // @ts-expect-error identityId is required
    fromCognitoIdentity({});
    // @ts-expect-error a token function must return a string
    fromCognitoIdentityPool({ identityPoolId, logins: { a: () => 1 } });
    const client = new CognitoIdentityClient();
    // @ts-expect-error client and clientConfig exclude each other
    fromCognitoIdentityPool({ identityPoolId, client, clientConfig: {} });
  });
});
