import { createHash, createHmac } from "node:crypto";
import { Sha256 } from "@aws-crypto/sha256-js";
import type { HttpRequest, SourceData } from "@smithy/types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  UnlinkIdentityCommand,
} from "../src/index.js";
import { ConfigurationError } from "../src/runtime/errors.js";
import { Sha256 as WebCryptoSha256 } from "../src/runtime/platform/signing-webcrypto.js";
import { captureHandler, json } from "./helpers/capture.js";

const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const NOW = new Date("2026-11-26T10:20:30Z");

/** A request handler that answers DescribeIdentityPool for `IdentityPoolId` and keeps requests. */
const describedPoolHandler = (IdentityPoolId: string) =>
  captureHandler(
    json({ IdentityPoolId, IdentityPoolName: "p", AllowUnauthenticatedIdentities: false }),
  );

const sha256 = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) =>
  createHmac("sha256", key).update(data).digest();

/**
 * Signature Version 4 computed from its specification: canonical request, string to sign,
 * then the HMAC chain of date, region, service and "aws4_request". Authorization itself and
 * User-Agent (which proxies may rewrite) are not signed.
 */
function expectedAuthorization(
  request: HttpRequest,
  secret: string,
  region: string,
  service: string,
) {
  const headers = Object.entries(request.headers)
    .filter(([name]) => !["authorization", "user-agent"].includes(name.toLowerCase()))
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const signedHeaders = headers.map(([name]) => name).join(";");
  const canonicalRequest = [
    request.method,
    request.path,
    "",
    ...headers.map(([name, value]) => `${name}:${value}`),
    "",
    signedHeaders,
    sha256(String(request.body)),
  ].join("\n");
  const amzDate = request.headers["x-amz-date"]!;
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  return `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

describe("SigV4 signing", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it("signs a signed operation exactly as the specification says", async () => {
    const handler = describedPoolHandler("eu-west-1:1");
    const client = new CognitoIdentityClient({
      region: "eu-west-1",
      credentials,
      requestHandler: handler,
    });
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "eu-west-1:1" }));

    const [request] = handler.requests;
    expect(request).toBeDefined();
    expect(request!.headers["x-amz-date"]).toBe("20261126T102030Z");
    expect(request!.headers["x-amz-security-token"]).toBeUndefined();
    expect(request!.headers.authorization).toBe(
      expectedAuthorization(request!, credentials.secretAccessKey, "eu-west-1", "cognito-identity"),
    );
    expect(request!.headers.authorization).toContain(
      "SignedHeaders=content-type;host;x-amz-date;x-amz-target,",
    );
  });

  it("adds X-Amz-Security-Token, and signs it, when the credentials carry a session token", async () => {
    const handler = describedPoolHandler("us-east-1:1");
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials: async () => ({ ...credentials, sessionToken: "session-token-value" }),
      requestHandler: handler,
    });
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));

    const [request] = handler.requests;
    expect(request!.headers["x-amz-security-token"]).toBe("session-token-value");
    expect(request!.headers.authorization).toContain(
      "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,",
    );
    expect(request!.headers.authorization).toBe(
      expectedAuthorization(request!, credentials.secretAccessKey, "us-east-1", "cognito-identity"),
    );
  });

  it.each([
    ["GetId", new GetIdCommand({ IdentityPoolId: "us-east-1:1" })],
    [
      "GetCredentialsForIdentity",
      new GetCredentialsForIdentityCommand({ IdentityId: "us-east-1:1" }),
    ],
    ["GetOpenIdToken", new GetOpenIdTokenCommand({ IdentityId: "us-east-1:1" })],
    [
      "UnlinkIdentity",
      new UnlinkIdentityCommand({ IdentityId: "us-east-1:1", Logins: {}, LoginsToRemove: [] }),
    ],
  ])("sends %s unsigned even when credentials are configured", async (_name, command) => {
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials: { ...credentials, sessionToken: "session-token-value" },
      requestHandler: handler,
    });
    await client.send(command as GetIdCommand);
    const headers = Object.keys(handler.requests[0]!.headers).map((h) => h.toLowerCase());
    expect(headers).not.toContain("authorization");
    expect(headers).not.toContain("x-amz-date");
    expect(headers).not.toContain("x-amz-security-token");
  });

  it("calls the unsigned operations with no credentials anywhere", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
    try {
      const handler = captureHandler(json({ IdentityId: "us-east-1:abc" }));
      const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
      const output = await client.send(new GetIdCommand({ IdentityPoolId: "us-east-1:1" }));
      expect(output.IdentityId).toBe("us-east-1:abc");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("reuses one signer per client, region and service", async () => {
    const handler = describedPoolHandler("us-east-1:1");
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials,
      requestHandler: handler,
    });
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    expect(client.config.authCache.size).toBe(1);
    expect(handler.requests[1]!.headers.authorization).toBe(
      handler.requests[0]!.headers.authorization,
    );
  });

  it("hashes and signs with the sha256 option when it is given", async () => {
    const hashed: string[] = [];
    class RecordingSha256 extends Sha256 {
      override update(data: SourceData): void {
        hashed.push(typeof data === "string" ? data : new TextDecoder().decode(data as Uint8Array));
        super.update(data);
      }
    }
    const handler = describedPoolHandler("us-east-1:1");
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials,
      sha256: RecordingSha256,
      requestHandler: handler,
    });
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    const [request] = handler.requests;
    expect(request!.headers.authorization).toBe(
      expectedAuthorization(request!, credentials.secretAccessKey, "us-east-1", "cognito-identity"),
    );
    // The body, the canonical request, and the string to sign went through it.
    expect(hashed).toContain(request!.body);
    expect(hashed.some((data) => data.startsWith("AWS4-HMAC-SHA256\n"))).toBe(true);
  });

  it("fails a signed call before sending when the page has no WebCrypto", async () => {
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials,
      // What a browser build signs with; here on a page without crypto.subtle.
      sha256: WebCryptoSha256,
      requestHandler: handler,
    });
    vi.stubGlobal("crypto", {});
    try {
      const error = await client
        .send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }))
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ option: "sha256" });
      expect(handler.requests).toEqual([]);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
