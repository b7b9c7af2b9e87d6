import { ServiceException } from "@smithy/smithy-client";
import type { FinalizeRequestMiddleware } from "@smithy/types";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CognitoIdentityClient,
  ConfigurationError,
  DescribeIdentityPoolCommand,
  GetIdCommand,
} from "../src/index.js";
import { platform as browserPlatform } from "../src/runtime/platform/browser.js";
import { captureHandler, json } from "./helpers/capture.js";

const pool = {
  IdentityPoolId: "us-east-1:1",
  IdentityPoolName: "p",
  AllowUnauthenticatedIdentities: false,
};
const credentials = { accessKeyId: "AKID", secretAccessKey: "secret" };

function clearAwsEnv() {
  for (const name of [
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
  ]) {
    vi.stubEnv(name, "");
  }
}

afterEach(() => vi.unstubAllEnvs());

describe("region", () => {
  it("sends to the regional endpoint of the region option", async () => {
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({ region: "eu-west-1", requestHandler: handler });
    await client.send(new GetIdCommand({ IdentityPoolId: "eu-west-1:1" }));
    expect(handler.requests[0]!.hostname).toBe("cognito-identity.eu-west-1.amazonaws.com");
    expect(handler.requests[0]!.protocol).toBe("https:");
    expect(handler.requests[0]!.path).toBe("/");
  });

  it("falls back to AWS_REGION, then AWS_DEFAULT_REGION", async () => {
    clearAwsEnv();
    vi.stubEnv("AWS_DEFAULT_REGION", "ap-south-1");
    const handler = captureHandler(json({}));
    await new CognitoIdentityClient({ requestHandler: handler }).send(
      new GetIdCommand({ IdentityPoolId: "x:1" }),
    );
    vi.stubEnv("AWS_REGION", "sa-east-1");
    await new CognitoIdentityClient({ requestHandler: handler }).send(
      new GetIdCommand({ IdentityPoolId: "x:1" }),
    );
    expect(handler.requests.map((r) => r.hostname)).toEqual([
      "cognito-identity.ap-south-1.amazonaws.com",
      "cognito-identity.sa-east-1.amazonaws.com",
    ]);
  });

  it("accepts a region provider", async () => {
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({
      region: async () => "ca-central-1",
      requestHandler: handler,
    });
    await client.send(new GetIdCommand({ IdentityPoolId: "x:1" }));
    expect(handler.requests[0]!.hostname).toBe("cognito-identity.ca-central-1.amazonaws.com");
  });

  it("rejects with the rule set's own ConfigurationError before sending anything", async () => {
    clearAwsEnv();
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({ requestHandler: handler });
    const error = await client.send(new GetIdCommand({ IdentityPoolId: "x:1" })).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({
      name: "ConfigurationError",
      $fault: "client",
      option: "endpoint",
      message: "Invalid Configuration: Missing Region",
    });
    expect(handler.requests).toHaveLength(0);
  });

  it("rejects a signed call to a custom endpoint without a region, naming `region`", async () => {
    clearAwsEnv();
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({
      endpoint: "http://127.0.0.1:4566",
      credentials,
      requestHandler: handler,
    });
    const error = await client
      .send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }))
      .catch((e) => e);
    expect(error).toMatchObject({ name: "ConfigurationError", option: "region" });
    expect(error.message).toContain("`region`");
    expect(handler.requests).toHaveLength(0);
  });
});

describe("credentials", () => {
  it("reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN when none are given", async () => {
    clearAwsEnv();
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-from-env");
    vi.stubEnv("AWS_SESSION_TOKEN", "token-from-env");
    const handler = captureHandler(json(pool));
    const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    expect(handler.requests[0]!.headers.authorization).toContain("Credential=AKIDFROMENV/");
    expect(handler.requests[0]!.headers["x-amz-security-token"]).toBe("token-from-env");
  });

  it("outside Node, rejects a signed call without credentials, naming `credentials`", async () => {
    // What the browser build of `#platform` gives a client that has no credentials option.
    const error = await browserPlatform
      .defaultCredentials()()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option: "credentials" });
    expect((error as Error).message).toMatch(/`credentials`/);
    expect(browserPlatform.defaultRegion).toBeUndefined();
  });

  it("prefers the credentials option over the environment", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "secret-from-env");
    const handler = captureHandler(json(pool));
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials,
      requestHandler: handler,
    });
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    expect(handler.requests[0]!.headers.authorization).toContain("Credential=AKID/");
  });
});

describe("endpoint", () => {
  it.each([
    ["a string", "http://127.0.0.1:4566"],
    ["a URL", new URL("http://127.0.0.1:4566")],
    ["an Endpoint object", { protocol: "http:", hostname: "127.0.0.1", port: 4566, path: "/" }],
    ["a provider", async () => "http://127.0.0.1:4566/"],
  ])("accepts %s and needs no region for unsigned calls", async (_label, endpoint) => {
    clearAwsEnv();
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({ endpoint, requestHandler: handler });
    await client.send(new GetIdCommand({ IdentityPoolId: "x:1" }));
    const request = handler.requests[0]!;
    expect([request.protocol, request.hostname, request.port, request.path]).toEqual([
      "http:",
      "127.0.0.1",
      4566,
      "/",
    ]);
    expect(request.headers.host).toBe("127.0.0.1:4566");
  });

  it("rejects an endpoint that is not a URL with a ConfigurationError naming it", async () => {
    const client = new CognitoIdentityClient({ region: "us-east-1", endpoint: "not a url" });
    await expect(client.send(new GetIdCommand({ IdentityPoolId: "x:1" }))).rejects.toMatchObject({
      name: "ConfigurationError",
      option: "endpoint",
      message: 'endpoint "not a url" is not a valid URL.',
    });
  });
});

describe("the client as a @smithy/smithy-client Client", () => {
  it("runs middleware that users add to its stack", async () => {
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
    const addHeader: FinalizeRequestMiddleware<any, any> = (next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers["x-trace"] = "abc";
      return next(args);
    };
    client.middlewareStack.add(addHeader, { step: "finalizeRequest", name: "trace" });
    await client.send(new GetIdCommand({ IdentityPoolId: "x:1" }));
    expect(handler.requests[0]!.headers["x-trace"]).toBe("abc");
  });

  it("runs middleware added to one command's own stack", async () => {
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
    const command = new GetIdCommand({ IdentityPoolId: "x:1" });
    command.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers["x-only-this-call"] = "1";
        return next(args);
      },
      { step: "build", name: "onlyThisCall" },
    );
    await client.send(command);
    await client.send(new GetIdCommand({ IdentityPoolId: "x:1" }));
    expect(handler.requests.map((r) => r.headers["x-only-this-call"])).toEqual(["1", undefined]);
  });

  it("throws errors that @smithy/smithy-client's ServiceException recognises", async () => {
    const handler = captureHandler({ status: 400, body: '{"__type":"NotAuthorizedException"}' });
    const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
    const error = await client.send(new GetIdCommand({ IdentityPoolId: "x:1" })).catch((e) => e);
    expect(error).toBeInstanceOf(ServiceException);
    expect(ServiceException.isInstance(error)).toBe(true);
  });

  it("delivers the output or the error to a callback, with or without options", async () => {
    const handler = captureHandler(json({ IdentityId: "us-east-1:id" }), {
      status: 400,
      body: '{"__type":"NotAuthorizedException","message":"no"}',
    });
    const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
    const command = new GetIdCommand({ IdentityPoolId: "x:1" });
    const first = await new Promise((resolve) =>
      client.send(command, (error, output) => resolve({ error, output: output?.IdentityId })),
    );
    expect(first).toEqual({ error: null, output: "us-east-1:id" });
    const second = await new Promise<unknown>((resolve) =>
      client.send(command, {}, (error) => resolve(error)),
    );
    expect(second).toMatchObject({ name: "NotAuthorizedException", message: "no" });
  });

  it("keeps a callback that throws from becoming an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const client = new CognitoIdentityClient({
        region: "us-east-1",
        requestHandler: captureHandler(json({})),
      });
      const called = new Promise<void>((resolve) =>
        client.send(new GetIdCommand({ IdentityPoolId: "x:1" }), () => {
          resolve();
          throw new Error("thrown by the callback");
        }),
      );
      await called;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });

  it("releases the request handler on destroy", () => {
    const handler = { ...captureHandler(json({})), destroy: vi.fn() };
    new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler }).destroy();
    expect(handler.destroy).toHaveBeenCalledOnce();
  });

  it("lets tools replace send, as mocking libraries do", async () => {
    const client = new CognitoIdentityClient({ region: "us-east-1" });
    const send = vi.spyOn(client, "send").mockResolvedValue({ IdentityId: "mocked" } as never);
    const output = await client.send(new GetIdCommand({ IdentityPoolId: "x:1" }));
    expect(output.IdentityId).toBe("mocked");
    expect(send).toHaveBeenCalledOnce();
  });

  it("passes the handler a signal that aborts when the call's abort signal does", async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      requestHandler: {
        async handle(request, options) {
          seen.push(options?.abortSignal as AbortSignal | undefined);
          return captureHandler(json({})).handle(request);
        },
      },
    });
    const controller = new AbortController();
    await client.send(new GetIdCommand({ IdentityPoolId: "x:1" }), {
      abortSignal: controller.signal,
    });
    // Each attempt gets its own signal, which also carries the attempt's timeout.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.aborted).toBe(false);
    controller.abort();
    expect(seen[0]?.aborted).toBe(false); // detached once the call was over
    const inFlight = new AbortController();
    let during: AbortSignal | undefined;
    const hanging = new CognitoIdentityClient({
      region: "us-east-1",
      requestHandler: {
        handle(_request, options) {
          during = options?.abortSignal as AbortSignal;
          return new Promise((_resolve, reject) =>
            during!.addEventListener("abort", () => reject(new Error("aborted"))),
          );
        },
      },
    });
    const call = hanging
      .send(new GetIdCommand({ IdentityPoolId: "x:1" }), { abortSignal: inFlight.signal })
      .catch((e) => e);
    await vi.waitFor(() => expect(during).toBeDefined());
    inFlight.abort();
    expect(during?.aborted).toBe(true);
    expect(await call).toMatchObject({ name: "AbortError" });
  });

  it("destroys its request handler", () => {
    const destroy = vi.fn();
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      requestHandler: { handle: async () => ({ response: undefined as never }), destroy },
    });
    client.destroy();
    expect(destroy).toHaveBeenCalledOnce();
  });

  it("describes each command: operation name and authentication", () => {
    expect(new GetIdCommand({ IdentityPoolId: "x:1" }).operation).toMatchObject({
      name: "GetId",
      auth: undefined,
    });
    expect(new DescribeIdentityPoolCommand({ IdentityPoolId: "x:1" }).operation).toMatchObject({
      name: "DescribeIdentityPool",
      auth: { id: "aws.auth#sigv4" },
    });
  });
});
