/**
 * The retry options and the retry middleware as seen through a client, with a request handler
 * that answers from a list (no network; test/faults drives the real transport).
 */
import type { FinalizeRequestMiddleware, RetryStrategyV2 } from "@smithy/types";
import { describe, expect, it } from "vitest";
import {
  AdaptiveRetryStrategy,
  CognitoIdentityClient,
  ConfigurationError,
  DescribeIdentityPoolCommand,
  GetIdCommand,
  StandardRetryStrategy,
} from "../../src/index.js";
import { type CannedResponse, captureHandler, json } from "../helpers/capture.js";

const credentials = { accessKeyId: "AKID", secretAccessKey: "secret" };
const pool = {
  IdentityPoolId: "us-east-1:1",
  IdentityPoolName: "p",
  AllowUnauthenticatedIdentities: false,
};
const internalError = json({ __type: "InternalErrorException", message: "boom" }, 500);
const noWait = { now: () => Date.now(), sleep: async () => {} };

function client(answers: CannedResponse[], options: object = {}) {
  const handler = captureHandler(...answers);
  return {
    handler,
    client: new CognitoIdentityClient({
      region: "us-east-1",
      credentials,
      requestHandler: handler,
      ...options,
    }),
  };
}

describe("retry options", () => {
  it("defaults to the standard strategy with 3 attempts", () => {
    const strategy = client([]).client.config.retrySettings().strategy;
    expect(strategy).toBeInstanceOf(StandardRetryStrategy);
    expect(strategy).not.toBeInstanceOf(AdaptiveRetryStrategy);
    expect((strategy as StandardRetryStrategy).maxAttempts).toBe(3);
    expect(client([]).client.config.retrySettings().requestTimeout).toBe(30_000);
  });

  it("builds the adaptive strategy and honours maxAttempts", () => {
    const { strategy } = client([], {
      retryMode: "adaptive",
      maxAttempts: 5,
    }).client.config.retrySettings();
    expect(strategy).toBeInstanceOf(AdaptiveRetryStrategy);
    expect((strategy as AdaptiveRetryStrategy).maxAttempts).toBe(5);
  });

  it("gives each client its own strategy, so one client's quota does not drain another's", () => {
    const a = client([]).client.config.retrySettings().strategy;
    const b = client([]).client.config.retrySettings().strategy;
    expect(a).not.toBe(b);
  });

  it.each([
    ["maxAttempts", { maxAttempts: 0 }],
    ["retryMode", { retryMode: "fast" }],
    ["requestTimeout", { requestTimeout: -1 }],
    ["systemClockOffset", { systemClockOffset: Number.NaN }],
  ])("rejects a bad %s with a ConfigurationError before sending", async (option, options) => {
    const { client: c, handler } = client([json({})], options);
    const error = await c.send(new GetIdCommand({ IdentityPoolId: "us-east-1:1" })).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.option).toBe(option);
    expect(handler.requests).toHaveLength(0);
  });

  it("rejects a bad per-call requestTimeout", async () => {
    const { client: c, handler } = client([json({})]);
    const error = await c
      .send(new GetIdCommand({ IdentityPoolId: "us-east-1:1" }), { requestTimeout: Number.NaN })
      .catch((e) => e);
    expect(error).toMatchObject({ name: "ConfigurationError", option: "requestTimeout" });
    expect(handler.requests).toHaveLength(0);
  });
});

describe("the retry middleware", () => {
  it("signs each attempt afresh and runs user middleware on a fresh copy of the request", async () => {
    const { client: c, handler } = client([internalError, json(pool)], {
      retryStrategy: new StandardRetryStrategy({ clock: noWait }),
    });
    const append: FinalizeRequestMiddleware<any, any> = (next) => (args) => {
      const headers = (args.request as { headers: Record<string, string> }).headers;
      headers["x-seen"] = `${headers["x-seen"] ?? ""}once`;
      return next(args);
    };
    c.middlewareStack.add(append, { step: "finalizeRequest", name: "append" });
    const output = await c.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    expect(output.$metadata).toMatchObject({ attempts: 2 });
    expect(handler.requests).toHaveLength(2);
    for (const request of handler.requests) {
      expect(request.headers["x-seen"]).toBe("once");
      expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
      // x-seen was added before signing, so it is covered by the signature of each attempt.
      expect(request.headers.authorization).toContain("x-seen");
    }
  });

  it("uses any @smithy/types RetryStrategyV2 and reports the waits it asked for", async () => {
    const seen: string[] = [];
    const strategy: RetryStrategyV2 = {
      acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
      refreshRetryTokenForRetry: async (token, info) => {
        seen.push(info.errorType);
        const count = token.getRetryCount() + 1;
        if (count > 2) throw new Error("enough");
        return { getRetryCount: () => count, getRetryDelay: () => 3 };
      },
      recordSuccess: () => seen.push("success"),
    };
    const { client: c, handler } = client([internalError, internalError, json(pool)], {
      retryStrategy: strategy,
    });
    const output = await c.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    expect(handler.requests).toHaveLength(3);
    expect(output.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 6 });
    expect(seen).toEqual(["TRANSIENT", "TRANSIENT", "success"]);
  });

  it("counts the waits a strategy did itself, as those of the AWS SDK log them", async () => {
    // @smithy/core strategies sleep inside refreshRetryTokenForRetry, return a token with no
    // delay, and note what they waited in $retryLog.
    const strategy: RetryStrategyV2 = {
      acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
      refreshRetryTokenForRetry: async () => ({
        getRetryCount: () => 1,
        getRetryDelay: () => 0,
        $retryLog: { acquisitionDelay: 25 },
      }),
      recordSuccess: () => {},
    };
    const { client: c } = client([internalError, json(pool)], { retryStrategy: strategy });
    const output = await c.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 25 });
  });

  it("keeps the safety rule whatever the strategy: a 5xx of GetId is not sent again", async () => {
    let asked = 0;
    const eager: RetryStrategyV2 = {
      acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
      refreshRetryTokenForRetry: async () => {
        asked += 1;
        return { getRetryCount: () => 1, getRetryDelay: () => 0 };
      },
      recordSuccess: () => {},
    };
    const { client: c, handler } = client([internalError, json({ IdentityId: "x" })], {
      retryStrategy: eager,
    });
    const error = await c.send(new GetIdCommand({ IdentityPoolId: "us-east-1:1" })).catch((e) => e);
    expect(error).toMatchObject({ name: "InternalErrorException", $metadata: { attempts: 1 } });
    expect(handler.requests).toHaveLength(1);
    expect(asked).toBe(0);
  });

  it("waits until a Retry-After time, given in seconds or as an HTTP date", async () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    const sleeps: number[] = [];
    const clock = { now: () => now, sleep: async (ms: number) => void sleeps.push(ms) };
    const throttled = (retryAfter: string) => ({
      ...json({ __type: "TooManyRequestsException" }, 429),
      headers: { "retry-after": retryAfter },
    });
    const { client: c } = client(
      [
        throttled("2"),
        throttled("Tue, 01 Jan 2030 00:00:03 GMT"),
        throttled("soon"),
        json({ IdentityId: "x" }),
      ],
      { retryStrategy: new StandardRetryStrategy({ clock, maxAttempts: 4, random: () => 0 }) },
    );
    await c.send(new GetIdCommand({ IdentityPoolId: "us-east-1:1" }));
    expect(sleeps).toEqual([2000, 3000, 0]);
  });

  it("signs with the systemClockOffset option", async () => {
    const { client: c, handler } = client([json(pool)], { systemClockOffset: 2 * 86_400_000 });
    await c.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:1" }));
    const amzDate = handler.requests[0]!.headers["x-amz-date"]!;
    const signedAt = Date.parse(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    // Two days ahead of the local clock (give or take the test's own run time).
    expect(signedAt - Date.now()).toBeGreaterThan(86_400_000);
    expect(c.config.systemClockOffset).toBe(2 * 86_400_000);
  });

  it("rejects at once with an AbortError when the signal is already aborted", async () => {
    const { client: c, handler } = client([json({})]);
    const controller = new AbortController();
    controller.abort();
    const error = await c
      .send(new GetIdCommand({ IdentityPoolId: "us-east-1:1" }), { abortSignal: controller.signal })
      .catch((e) => e);
    expect(error).toMatchObject({ name: "AbortError", $metadata: { attempts: 0 } });
    expect(handler.requests).toHaveLength(0);
  });

  it("rejects calls of a destroyed client with an AbortError", async () => {
    const { client: c, handler } = client([json({})]);
    c.destroy();
    const error = await c.send(new GetIdCommand({ IdentityPoolId: "us-east-1:1" })).catch((e) => e);
    expect(error).toMatchObject({ name: "AbortError", message: "The client was destroyed" });
    expect(handler.requests).toHaveLength(0);
  });
});
