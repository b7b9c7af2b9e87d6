/**
 * The provider as `credentials` of a client: ours, and the official AWS SDK v3 client. Each
 * signs a DescribeIdentityPool with the keys the provider got, which the fake service checks
 * by recomputing the SigV4 signature with the secret key it issued.
 */
import { createHash, createHmac } from "node:crypto";
import {
  CognitoIdentityClient as OfficialClient,
  DescribeIdentityPoolCommand as OfficialDescribeIdentityPool,
} from "@aws-sdk/client-cognito-identity";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fromCognitoIdentityPool, memoryIdentityIdStore } from "../../src/credentials/index.js";
import { CognitoIdentityClient, DescribeIdentityPoolCommand } from "../../src/index.js";
import { type Call, fakeIdentityService, POOL_ID, REGION } from "./fake-identity-service.js";

const server = setupServer();
let fake: ReturnType<typeof fakeIdentityService>;

beforeAll(() => {
  // The official SDK warns on every Node below 22; that is noise here.
  vi.stubEnv("AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED", "true");
  server.listen({ onUnhandledRequest: "error" });
});
beforeEach(() => {
  fake = fakeIdentityService();
  server.use(fake.handler);
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  vi.unstubAllEnvs();
});

const sha256 = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) =>
  createHmac("sha256", key).update(data).digest();

/**
 * Recomputes the SigV4 signature of a received request from the headers it says it signed
 * and the secret key, as the service would, and tells whether it matches.
 */
function signatureMatches(call: Call, secretAccessKey: string): boolean {
  const authorization = call.headers.get("authorization") ?? "";
  const match =
    /^AWS4-HMAC-SHA256 Credential=[^/]+\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match) return false;
  const [, day, region, service, signedHeaders, signature] = match as unknown as string[];
  const url = new URL(call.url);
  const headerValue = (name: string) =>
    name === "host" ? (call.headers.get("host") ?? url.host) : (call.headers.get(name) ?? "");
  const canonicalRequest = [
    "POST",
    url.pathname,
    "",
    ...signedHeaders!.split(";").map((name) => `${name}:${headerValue(name).trim()}`),
    "",
    signedHeaders,
    sha256(call.text),
  ].join("\n");
  const amzDate = call.headers.get("x-amz-date") ?? "";
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(
    hmac(hmac(hmac(`AWS4${secretAccessKey}`, day!), region!), service!),
    "aws4_request",
  );
  return createHmac("sha256", key).update(stringToSign).digest("hex") === signature;
}

function describeCall(): Call {
  const calls = fake.calls.filter((call) => call.operation === "DescribeIdentityPool");
  expect(calls).toHaveLength(1);
  return calls[0]!;
}

function expectSignedWithIssuedCredentials(call: Call) {
  // The fake service issued ASIAFAKE1 / secret-key-1 / session-token-1 to the provider.
  expect(call.headers.get("authorization")).toMatch(
    new RegExp(`^AWS4-HMAC-SHA256 Credential=ASIAFAKE1/\\d{8}/${REGION}/cognito-identity/`),
  );
  expect(call.headers.get("x-amz-security-token")).toBe("session-token-1");
  expect(signatureMatches(call, "secret-key-1")).toBe(true);
  expect(signatureMatches(call, "some-other-secret")).toBe(false);
}

describe("the provider as `credentials`", () => {
  it("signs our client's DescribeIdentityPool with its keys and session token", async () => {
    const provider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: memoryIdentityIdStore(),
    });
    const client = new CognitoIdentityClient({ region: REGION, credentials: provider });

    const pool = await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID }));

    expect(pool.IdentityPoolName).toBe("fake");
    expect(fake.operations()).toEqual([
      "GetId",
      "GetCredentialsForIdentity",
      "DescribeIdentityPool",
    ]);
    expectSignedWithIssuedCredentials(describeCall());
  });

  it("signs the official @aws-sdk/client-cognito-identity client's requests too", async () => {
    const provider: AwsCredentialIdentityProvider = fromCognitoIdentityPool({
      identityPoolId: POOL_ID,
      cache: memoryIdentityIdStore(),
    });
    const client = new OfficialClient({ region: REGION, credentials: provider });

    const pool = await client.send(new OfficialDescribeIdentityPool({ IdentityPoolId: POOL_ID }));
    client.destroy();

    expect(pool.IdentityPoolName).toBe("fake");
    expect(fake.count("GetId")).toBe(1);
    expect(fake.count("GetCredentialsForIdentity")).toBe(1);
    expectSignedWithIssuedCredentials(describeCall());
  });
});
