/**
 * The local service on the wire: SigV4 required where the model says so, the awsJson1_1
 * request and error format, CORS, and the server's own life cycle. Plain fetch is used
 * wherever the SDK would never send the request.
 */
import { describe, expect, it } from "vitest";
import { CognitoIdentity, NetworkError } from "../../src/index.js";
import { Dispatcher } from "../../src/testing/dispatch.js";
import { handlers } from "../../src/testing/handlers/index.js";
import { startLocalCognitoIdentity } from "../../src/testing/index.js";
import { generatedOperations } from "../../src/testing/operations.js";
import { createPool, credentials, post, sigv4Header, useLocalService } from "./helpers.js";

const service = useLocalService();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every operation (facts §5), and the four the model lets anyone call (facts §4). */
const OPERATIONS = [
  "CreateIdentityPool",
  "DeleteIdentities",
  "DeleteIdentityPool",
  "DescribeIdentity",
  "DescribeIdentityPool",
  "GetCredentialsForIdentity",
  "GetId",
  "GetIdentityPoolRoles",
  "GetOpenIdToken",
  "GetOpenIdTokenForDeveloperIdentity",
  "GetPrincipalTagAttributeMap",
  "ListIdentities",
  "ListIdentityPools",
  "ListTagsForResource",
  "LookupDeveloperIdentity",
  "MergeDeveloperIdentities",
  "SetIdentityPoolRoles",
  "SetPrincipalTagAttributeMap",
  "TagResource",
  "UnlinkDeveloperIdentity",
  "UnlinkIdentity",
  "UntagResource",
  "UpdateIdentityPool",
];
const PUBLIC = ["GetCredentialsForIdentity", "GetId", "GetOpenIdToken", "UnlinkIdentity"];
const SIGNED = OPERATIONS.filter((name) => !PUBLIC.includes(name));

async function errorOf(response: Response) {
  return {
    status: response.status,
    errorType: response.headers.get("x-amzn-errortype"),
    body: (await response.json()) as { __type: string; message: string },
  };
}

describe("SigV4", () => {
  it.each(SIGNED)("rejects %s without an Authorization header", async (operation) => {
    const { status, errorType, body } = await errorOf(await post(service.local, operation, {}));
    expect({ status, errorType, type: body.__type }).toEqual({
      status: 403,
      errorType: "NotAuthorizedException",
      type: "NotAuthorizedException",
    });
    expect(body.message).toMatch(
      new RegExp(`^Missing authentication token: ${operation} must be signed`),
    );
  });

  it.each(PUBLIC)("accepts %s unsigned (and goes on to check its input)", async (operation) => {
    const { status, body } = await errorOf(await post(service.local, operation, {}));
    expect(status).toBe(400);
    expect(body.__type).toBe("InvalidParameterException");
    expect(body.message).toMatch(/: required/);
  });

  it("accepts a signed request to a public operation", async () => {
    const pool = await createPool(service.client);
    const response = await post(
      service.local,
      "GetId",
      { IdentityPoolId: pool.IdentityPoolId },
      { authorization: sigv4Header() },
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ["another Region", sigv4Header("eu-west-1"), /scoped to cognito-identity in eu-west-1/],
    [
      "another service",
      sigv4Header("us-east-1", "cognito-idp"),
      /scoped to cognito-idp in us-east-1/,
    ],
    ["another scheme", "Bearer abc", /not a SigV4 signature/],
  ])("rejects a credential for %s", async (_, authorization, message) => {
    const { status, body } = await errorOf(
      await post(service.local, "ListIdentityPools", { MaxResults: 1 }, { authorization }),
    );
    expect(status).toBe(403);
    expect(body.message).toMatch(message);
  });

  it("takes any credentials the SDK signs with (signatures are not verified)", async () => {
    const client = new CognitoIdentity({
      region: "us-east-1",
      endpoint: service.local.endpoint,
      credentials: { accessKeyId: "ANYTHING", secretAccessKey: "at-all", sessionToken: "token" },
    });
    expect((await client.listIdentityPools({ MaxResults: 1 })).IdentityPools).toEqual([]);
  });
});

describe("awsJson1_1 wire format", () => {
  const signed = { authorization: sigv4Header() };

  it("answers with the protocol's headers and epoch-second timestamps", async () => {
    const pool = await createPool(service.client);
    const { IdentityId } = await service.client.getId({ IdentityPoolId: pool.IdentityPoolId });
    const response = await post(service.local, "DescribeIdentity", { IdentityId }, signed);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(Date.parse(response.headers.get("date") ?? "")).not.toBeNaN();
    const body = (await response.json()) as Record<string, unknown>;
    expect(typeof body.CreationDate).toBe("number");
    expect(Math.abs((body.CreationDate as number) - Date.now() / 1000)).toBeLessThan(60);
  });

  it("answers {} for an operation without output", async () => {
    const pool = await createPool(service.client);
    const response = await post(
      service.local,
      "DeleteIdentityPool",
      { IdentityPoolId: pool.IdentityPoolId },
      signed,
    );
    expect(await response.text()).toBe("{}");
  });

  it("ignores members the model does not have, as a newer client might send", async () => {
    const response = await post(
      service.local,
      "ListIdentityPools",
      { MaxResults: 5, FutureMember: true },
      signed,
    );
    expect(response.status).toBe(200);
  });

  it("sends errors with the bare shape name in __type and X-Amzn-ErrorType, and a request id", async () => {
    const response = await post(
      service.local,
      "DescribeIdentityPool",
      { IdentityPoolId: "us-east-1:0" },
      signed,
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
    expect(response.headers.get("x-amzn-requestid")).toMatch(UUID);
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(await response.json()).toEqual({
      __type: "ResourceNotFoundException",
      message: "Identity pool us-east-1:0 was not found.",
    });
  });

  it("answers input of the wrong JSON type with InvalidParameterException", async () => {
    const { status, body } = await errorOf(
      await post(service.local, "ListIdentityPools", { MaxResults: "ten", NextToken: 5 }, signed),
    );
    expect(status).toBe(400);
    expect(body).toEqual({
      __type: "InvalidParameterException",
      message:
        "2 validation errors detected: MaxResults: string, must be a finite number; NextToken: number, must be a string",
    });
  });

  it("counts an empty body as {}", async () => {
    const { body } = await errorOf(await post(service.local, "ListIdentityPools", "", signed));
    expect(body.message).toBe("1 validation error detected: MaxResults: required");
  });

  it.each([
    ["a body that is not JSON", "{", /not valid JSON/],
    ["a body that is not an object", "[1]", /must be a JSON object/],
  ])("answers %s with SerializationException", async (_, text, message) => {
    const { status, errorType, body } = await errorOf(
      await post(service.local, "ListIdentityPools", text, signed),
    );
    expect({ status, errorType }).toEqual({ status: 400, errorType: "SerializationException" });
    expect(body.message).toMatch(message);
  });

  it.each([
    [
      "an operation the service lacks",
      { "x-amz-target": "AWSCognitoIdentityService.CreateUserPool" },
    ],
    ["another service's prefix", { "x-amz-target": "DynamoDB_20120810.ListIdentityPools" }],
    ["no target at all", { "x-amz-target": "" }],
    ["another content type", { "content-type": "application/json" }],
  ])("answers %s with UnknownOperationException", async (_, headers) => {
    const { status, errorType } = await errorOf(
      await post(service.local, "ListIdentityPools", {}, { ...signed, ...headers }),
    );
    expect({ status, errorType }).toEqual({ status: 400, errorType: "UnknownOperationException" });
  });

  it("answers other methods and paths with 404", async () => {
    const get = await fetch(service.local.endpoint);
    expect(get.status).toBe(404);
    expect(get.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    const elsewhere = await fetch(`${service.local.endpoint}/v1`, { method: "POST", body: "{}" });
    expect(elsewhere.status).toBe(404);
  });
});

describe("CORS", () => {
  const origin = "http://localhost:5173";

  it("answers a preflight from another origin with what browsers need", async () => {
    const response = await fetch(service.local.endpoint, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-amz-target,x-amz-date,authorization",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
    const allowed = response.headers.get("access-control-allow-headers")?.split(", ");
    expect(allowed).toEqual(
      expect.arrayContaining([
        "content-type",
        "x-amz-target",
        "x-amz-date",
        "x-amz-security-token",
        "authorization",
        "x-amz-user-agent",
        "amz-sdk-invocation-id",
        "amz-sdk-request",
      ]),
    );
  });

  it("lets the page read the request id and error type of every answer", async () => {
    const response = await post(service.local, "ListIdentityPools", {}, { origin });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-expose-headers")).toBe(
      "x-amzn-requestid, x-amzn-errortype, date",
    );
  });

  it("allows any origin when the request names none", async () => {
    const response = await post(service.local, "GetId", {});
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("never spends an injected fault on a preflight", async () => {
    service.local.faults.throttle(1);
    const preflight = await fetch(service.local.endpoint, {
      method: "OPTIONS",
      headers: { origin },
    });
    expect(preflight.status).toBe(204);
    expect(service.local.faults.pending).toBe(1);
    expect((await post(service.local, "GetId", {})).status).toBe(429);
  });
});

describe("startLocalCognitoIdentity", () => {
  it("puts its Region in every ID and ARN, in the Region's partition", async () => {
    const local = await startLocalCognitoIdentity({
      region: "cn-north-1",
      accountId: "210987654321",
    });
    try {
      const client = new CognitoIdentity({
        region: local.region,
        endpoint: local.endpoint,
        credentials,
      });
      const pool = await createPool(client, { CognitoIdentityProviders: undefined });
      expect(pool.IdentityPoolId).toMatch(/^cn-north-1:/);
      const arn = `arn:aws-cn:cognito-identity:cn-north-1:210987654321:identitypool/${pool.IdentityPoolId}`;
      await client.tagResource({ ResourceArn: arn, Tags: { a: "b" } });
      expect((await client.listTagsForResource({ ResourceArn: arn })).Tags).toEqual({ a: "b" });
    } finally {
      await local.close();
    }
  });

  it("reports its endpoint, Region and account", () => {
    expect(service.local.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(service.local.region).toBe("us-east-1");
    expect(service.local.accountId).toBe("123456789012");
  });

  it.each([
    [{ region: "US East" }, /cannot start identity pool IDs/],
    [{ region: "a-region-name-that-is-far-too-long-1" }, /cannot start identity pool IDs/],
    [{ accountId: "1234" }, /12 digits/],
  ])("refuses %j", async (options, message) => {
    await expect(startLocalCognitoIdentity(options)).rejects.toThrow(message);
  });

  it("reset() forgets pools, identities and faults", async () => {
    const pool = await createPool(service.client);
    service.local.faults.throttle(3);
    service.local.reset();
    expect(service.local.faults.pending).toBe(0);
    await expect(
      service.client.describeIdentityPool({ IdentityPoolId: pool.IdentityPoolId }),
    ).rejects.toMatchObject({
      name: "ResourceNotFoundException",
    });
  });

  it("close() stops the server and can be called again", async () => {
    const local = await startLocalCognitoIdentity();
    const client = new CognitoIdentity({
      region: local.region,
      endpoint: local.endpoint,
      credentials,
      maxAttempts: 1,
    });
    await client.listIdentityPools({ MaxResults: 1 });
    await local.close();
    await local.close();
    await expect(client.listIdentityPools({ MaxResults: 1 })).rejects.toThrow(NetworkError);
  });
});

describe("the operation table", () => {
  it("has exactly the generated client's operations", () => {
    expect([...generatedOperations().keys()].sort()).toEqual(OPERATIONS);
    expect(Object.keys(handlers).sort()).toEqual(OPERATIONS);
  });

  it("refuses to start with an operation that has no handler, or a handler for none", () => {
    const { GetId: _, ...missing } = handlers;
    expect(() => new Dispatcher(missing)).toThrow(/no handler for \[GetId\]/);
    expect(() => new Dispatcher({ ...handlers, CreateUserPool: () => ({}) })).toThrow(
      /no operation for \[CreateUserPool\]/,
    );
  });
});
