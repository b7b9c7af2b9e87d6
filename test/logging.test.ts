/**
 * The `logger` option: one record per call (info, warn or error), one debug record per HTTP
 * attempt, secrets hidden, and nothing at all on the stack without a logger.
 */
import { describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  type Logger,
  SENSITIVE_MARKER,
} from "../src/index.js";
import { type CannedResponse, captureHandler, json } from "./helpers/capture.js";

const POOL_ID = "us-east-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const IDENTITY_ID = "us-east-1:11111111-2222-3333-4444-555555555555";

function setup(logger: Logger | undefined, ...answers: CannedResponse[]) {
  const handler = captureHandler(...answers);
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" },
    requestHandler: handler,
    // One attempt per call: these tests are about what one attempt logs.
    maxAttempts: 1,
    ...(logger ? { logger } : {}),
  });
  return { client, handler };
}

function recorder() {
  const calls: [keyof Logger, any][] = [];
  const logger: Required<Logger> = {
    debug: (record) => calls.push(["debug", record]),
    info: (record) => calls.push(["info", record]),
    warn: (record) => calls.push(["warn", record]),
    error: (record) => calls.push(["error", record]),
  };
  return { calls, logger };
}

const names = (client: CognitoIdentityClient) => client.middlewareStack.identify().join("\n");

describe("without a logger", () => {
  it("adds no logging middleware at all", () => {
    const { client } = setup(undefined);
    expect(names(client)).not.toContain("loggingMiddleware");
    expect(names(client)).not.toContain("attemptLoggingMiddleware");
  });

  it("and without debug, no per-attempt middleware", () => {
    const { client } = setup({ info() {} });
    expect(names(client)).toContain("loggingMiddleware - initialize");
    expect(names(client)).not.toContain("attemptLoggingMiddleware");
  });
});

describe("a successful call", () => {
  it("is logged at info with the redacted input and output and the metadata", async () => {
    const { calls, logger } = recorder();
    const { client } = setup(
      logger,
      json({
        IdentityId: IDENTITY_ID,
        Credentials: { AccessKeyId: "ASIA", SecretKey: "s", SessionToken: "t", Expiration: 1 },
      }),
    );
    await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: IDENTITY_ID, Logins: { p: "id-token" } }),
    );
    expect(calls.map(([level]) => level)).toEqual(["debug", "info"]);
    expect(calls[1]![1]).toEqual({
      clientName: "CognitoIdentityClient",
      commandName: "GetCredentialsForIdentityCommand",
      input: { IdentityId: IDENTITY_ID, Logins: { p: SENSITIVE_MARKER } },
      output: {
        IdentityId: IDENTITY_ID,
        Credentials: {
          AccessKeyId: SENSITIVE_MARKER,
          SecretKey: SENSITIVE_MARKER,
          SessionToken: SENSITIVE_MARKER,
          Expiration: new Date(1000),
        },
      },
      metadata: {
        httpStatusCode: 200,
        requestId: "test-request-id",
        attempts: 1,
        totalRetryDelay: 0,
      },
    });
  });

  it("logs each attempt at debug with the credential headers hidden", async () => {
    const { calls, logger } = recorder();
    const { client } = setup(
      logger,
      json({
        IdentityPoolId: POOL_ID,
        IdentityPoolName: "p",
        AllowUnauthenticatedIdentities: false,
      }),
    );
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID }));
    const [level, record] = calls[0]!;
    expect(level).toBe("debug");
    expect(record).toMatchObject({
      clientName: "CognitoIdentityClient",
      commandName: "DescribeIdentityPoolCommand",
      attempt: 1,
      statusCode: 200,
      request: {
        method: "POST",
        url: "https://cognito-identity.us-east-1.amazonaws.com/",
        headers: expect.objectContaining({
          authorization: SENSITIVE_MARKER,
          "x-amz-security-token": SENSITIVE_MARKER,
          "x-amz-target": "AWSCognitoIdentityService.DescribeIdentityPool",
        }),
      },
    });
    expect(JSON.stringify(record)).not.toContain("AKIDEXAMPLE");
  });
});

describe("a failed call", () => {
  it.each([
    ["a client fault", 400, "InvalidParameterException", "warn"],
    ["a throttle", 429, "TooManyRequestsException", "warn"],
    ["a server fault", 500, "InternalErrorException", "error"],
  ])("is logged at the level of %s", async (_kind, status, type, expected) => {
    const { calls, logger } = recorder();
    const { client } = setup(logger, json({ __type: type, message: "nope" }, status));
    await expect(
      client.send(new GetIdCommand({ IdentityPoolId: POOL_ID, Logins: { p: "id-token" } })),
    ).rejects.toThrow("nope");
    expect(calls.map(([level]) => level)).toEqual(["debug", expected]);
    expect(calls[0]![1]).toMatchObject({ statusCode: status, error: { name: type } });
    expect(calls[1]![1]).toEqual({
      clientName: "CognitoIdentityClient",
      commandName: "GetIdCommand",
      input: { IdentityPoolId: POOL_ID, Logins: { p: SENSITIVE_MARKER } },
      error: { name: type, message: "nope", $fault: expected === "warn" ? "client" : "server" },
      metadata: expect.objectContaining({ httpStatusCode: status, attempts: 1 }),
    });
  });

  it("logs a validation error, which sends nothing, at warn", async () => {
    const { calls, logger } = recorder();
    const { client, handler } = setup(logger, json({}));
    await expect(client.send(new GetIdCommand({ IdentityPoolId: "bad" }))).rejects.toThrow();
    expect(handler.requests).toHaveLength(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe("warn");
    expect(calls[0]![1]).toEqual({
      clientName: "CognitoIdentityClient",
      commandName: "GetIdCommand",
      input: { IdentityPoolId: "bad" },
      error: expect.objectContaining({ name: "ValidationError", $fault: "client" }),
    });
  });

  it("logs a transport failure at error", async () => {
    const { calls, logger } = recorder();
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      logger,
      requestHandler: {
        handle: () => Promise.reject(new TypeError("fetch failed")),
      },
    });
    await expect(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }))).rejects.toThrow(
      "fetch failed",
    );
    expect(calls.map(([level, record]) => [level, record.error])).toEqual([
      ["debug", { name: "TypeError" }],
      ["error", { name: "TypeError", message: "fetch failed" }],
    ]);
  });
});

describe("loggers", () => {
  it("are called as methods, so class-based loggers keep their `this`", async () => {
    class Collector {
      readonly seen: unknown[] = [];
      info(record: unknown) {
        this.seen.push(record);
      }
    }
    const collector = new Collector();
    const { client } = setup(collector, json({}));
    await client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }));
    expect(collector.seen).toHaveLength(1);
  });

  it("that throw do not change the outcome of the call", async () => {
    const throwing: Logger = {
      debug() {
        throw new Error("disk full");
      },
      info() {
        throw new Error("disk full");
      },
    };
    const { client } = setup(throwing, json({ IdentityId: IDENTITY_ID }));
    await expect(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID }))).resolves.toMatchObject(
      { IdentityId: IDENTITY_ID },
    );
  });
});
