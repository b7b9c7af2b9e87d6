/**
 * The fault-injection suite: a real HTTP server on 127.0.0.1 scripts one answer or fault per
 * request, and the client reaches it through its real fetch transport. Each scenario checks
 * the exact number of attempts, the retry decision, the backoff waits (asked of an injected
 * clock that records them and returns at once, so nothing waits for real seconds) and the
 * `$metadata` reported. Prints `faults: N scenarios, N passed` at the end.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AdaptiveRetryStrategy,
  type Clock,
  CognitoIdentityClient,
  CognitoIdentityServiceException,
  CreateIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  FetchRequestHandler,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  InternalErrorException,
  LimitExceededException,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  type RequestHandlerLike,
  SetIdentityPoolRolesCommand,
  StandardRetryStrategy,
  TooManyRequestsException,
  UpdateIdentityPoolCommand,
} from "../../src/index.js";
import { type Action, closedPort, FaultServer, fail, ok } from "./server.js";

// ---------------------------------------------------------------------------------------------
// Scenario bookkeeping: every scenario counts, and counts as passed only if it got to its end.

let scenarios = 0;
let passed = 0;
function scenario(name: string, run: () => Promise<void>, timeout?: number): void {
  scenarios += 1;
  it(
    name,
    async () => {
      await run();
      passed += 1;
    },
    timeout,
  );
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  console.log(`faults: ${scenarios} scenarios, ${passed} passed`);
  // Not one promise of the client was left to reject unobserved, whatever the fault.
  expect(unhandled).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// The rig: a fresh server per scenario, and clients whose waits are recorded, not slept.

const POOL_ID = "us-east-1:11111111-2222-3333-4444-555555555555";
const IDENTITY_ID = "us-east-1:aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const POOL = {
  IdentityPoolId: POOL_ID,
  IdentityPoolName: "pool",
  AllowUnauthenticatedIdentities: false,
};
const credentials = { accessKeyId: "AKIDFAULTS", secretAccessKey: "secret" };

let server: FaultServer;
beforeEach(async () => {
  server = await FaultServer.start();
});
afterEach(async () => {
  await server.close();
});

interface RigOptions {
  endpoint?: string;
  maxAttempts?: number;
  random?: () => number;
  requestTimeout?: number;
  requestHandler?: RequestHandlerLike;
  /** Runs when the client starts a wait, before the wait returns. */
  onSleep?: (ms: number, signal: AbortSignal | undefined) => void | Promise<void>;
  /** The strategy's time; the real clock when absent. */
  now?: () => number;
}

/** A clock whose waits are recorded and return at once (or when `onSleep` lets them). */
function recordingClock(onSleep?: RigOptions["onSleep"], now = () => Date.now()) {
  const sleeps: number[] = [];
  const clock: Clock = {
    now,
    async sleep(ms, signal) {
      sleeps.push(ms);
      await onSleep?.(ms, signal as AbortSignal | undefined);
      if (signal?.aborted) throw signal.reason;
    },
  };
  return { clock, sleeps };
}

function rig(options: RigOptions = {}) {
  const { clock, sleeps } = recordingClock(options.onSleep, options.now);
  const strategy = new StandardRetryStrategy({
    clock,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    endpoint: options.endpoint ?? server.endpoint,
    credentials,
    retryStrategy: strategy,
    ...(options.requestTimeout !== undefined ? { requestTimeout: options.requestTimeout } : {}),
    ...(options.requestHandler ? { requestHandler: options.requestHandler } : {}),
  });
  return { client, sleeps, strategy };
}

/** Resolves to what the promise rejected with; fails if it resolved. */
async function rejection(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const repeat = (action: Action, times: number): Action[] =>
  Array.from({ length: times }, () => action);

const getId = () => new GetIdCommand({ IdentityPoolId: POOL_ID });
const describePool = () => new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID });
const describeIdentity = () => new DescribeIdentityCommand({ IdentityId: IDENTITY_ID });
const createPool = () =>
  new CreateIdentityPoolCommand({
    IdentityPoolName: "pool",
    AllowUnauthenticatedIdentities: false,
  });
const developerToken = () =>
  new GetOpenIdTokenForDeveloperIdentityCommand({
    IdentityPoolId: POOL_ID,
    Logins: { "login.example": "user-1" },
  });

const internalError = fail(500, "InternalErrorException");
const throttled = fail(429, "TooManyRequestsException");

// ---------------------------------------------------------------------------------------------

describe("what is retried, and how often", () => {
  scenario("a read that fails with 500 twice is retried and succeeds on attempt 3", async () => {
    const { client, sleeps } = rig();
    server.script(internalError, internalError, ok(POOL));
    const output = await client.send(describePool());
    expect(output.IdentityPoolName).toBe("pool");
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(0);
    expect(sleeps[0]).toBeLessThan(50);
    expect(sleeps[1]).toBeLessThan(100);
    expect(output.$metadata).toMatchObject({
      httpStatusCode: 200,
      requestId: "req-3",
      attempts: 3,
      totalRetryDelay: sum(sleeps),
    });
  });

  scenario("a read stops after maxAttempts and rejects with the last error", async () => {
    const { client, sleeps } = rig();
    server.script(internalError, internalError, fail(500, "InternalErrorException", "third"));
    const error = await rejection(client.send(describeIdentity()));
    expect(error).toBeInstanceOf(InternalErrorException);
    expect(error.message).toBe("third");
    expect(error.$metadata).toMatchObject({
      httpStatusCode: 500,
      requestId: "req-3",
      attempts: 3,
      totalRetryDelay: sum(sleeps),
    });
    expect(server.requests).toHaveLength(3);
  });

  scenario(
    "an HTML 503 from a proxy is retried for a list, then typed with a snippet",
    async () => {
      const { client } = rig();
      const page = `<html><body><h1>503 Service Temporarily Unavailable</h1>${"<p>nginx</p>".repeat(100)}</body></html>`;
      server.script(
        ...repeat(
          { kind: "respond", status: 503, headers: { "content-type": "text/html" }, body: page },
          3,
        ),
      );
      const error = await rejection(client.send(new ListIdentityPoolsCommand({ MaxResults: 10 })));
      expect(error).toBeInstanceOf(CognitoIdentityServiceException);
      expect(error).toMatchObject({
        $fault: "server",
        $metadata: { httpStatusCode: 503, requestId: "req-3", attempts: 3 },
      });
      expect(error.message).toContain("503 Service Temporarily Unavailable");
      expect(error.message.length).toBeLessThan(400);
      expect(server.requests).toHaveLength(3);
    },
  );

  scenario("throttling (429 TooManyRequestsException) is retried even for GetId", async () => {
    const { client, sleeps } = rig();
    server.script(throttled, ok({ IdentityId: IDENTITY_ID }));
    const output = await client.send(getId());
    expect(output.IdentityId).toBe(IDENTITY_ID);
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeLessThan(1000);
    expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: sleeps[0] });
  });

  scenario("throttling is retried for CreateIdentityPool, which can create a pool", async () => {
    const { client } = rig();
    server.script(throttled, throttled, ok(POOL));
    const output = await client.send(createPool());
    expect(output.$metadata.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  scenario("a throttling name on a 400 (in X-Amzn-ErrorType) is retried", async () => {
    const { client } = rig();
    server.script(
      {
        kind: "respond",
        status: 400,
        headers: { "x-amzn-errortype": "ThrottlingException" },
        body: "{}",
      },
      ok({ IdentityId: IDENTITY_ID }),
    );
    const output = await client.send(getId());
    expect(output.$metadata.attempts).toBe(2);
  });

  scenario("LimitExceededException is a quota, not throttling: never retried", async () => {
    const { client, sleeps } = rig();
    server.script(fail(400, "LimitExceededException"), fail(400, "LimitExceededException"));
    for (const command of [createPool(), getId()]) {
      const error = await rejection(client.send(command as never));
      expect(error).toBeInstanceOf(LimitExceededException);
      expect(error.$metadata).toMatchObject({
        httpStatusCode: 400,
        attempts: 1,
        totalRetryDelay: 0,
      });
    }
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  scenario("other 4xx are not retried, even for a read", async () => {
    const { client } = rig();
    const errors: [number, string][] = [
      [400, "InvalidParameterException"],
      [403, "NotAuthorizedException"],
      [404, "ResourceNotFoundException"],
      [409, "ResourceConflictException"],
    ];
    server.script(...errors.map(([status, type]) => fail(status, type)));
    for (const [status, type] of errors) {
      const error = await rejection(client.send(describePool()));
      expect(error).toMatchObject({
        name: type,
        $metadata: { httpStatusCode: status, attempts: 1 },
      });
    }
    expect(server.requests).toHaveLength(4);
  });

  scenario("invalid input is rejected before anything is sent", async () => {
    const { client } = rig();
    const error = await rejection(
      client.send(new GetIdCommand({ IdentityPoolId: "not a pool id" })),
    );
    expect(error.name).toBe("ValidationError");
    expect(server.requests).toHaveLength(0);
  });

  scenario("a 5xx of an operation that can create something is not sent again", async () => {
    const { client, sleeps } = rig();
    server.script(internalError, fail(503, "ServiceUnavailable"), internalError);
    for (const command of [getId(), createPool(), developerToken()]) {
      const error = await rejection(client.send(command as never));
      expect(error.$metadata).toMatchObject({ attempts: 1, totalRetryDelay: 0 });
    }
    expect(server.requests.map((r) => r.target.split(".")[1])).toEqual([
      "GetId",
      "CreateIdentityPool",
      "GetOpenIdTokenForDeveloperIdentity",
    ]);
    expect(sleeps).toEqual([]);
  });

  scenario("a 5xx of an idempotent write is sent again", async () => {
    const { client } = rig();
    server.script({ kind: "respond", status: 502, body: "Bad Gateway" }, ok(POOL));
    const output = await client.send(new UpdateIdentityPoolCommand(POOL));
    expect(output.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });
});

describe("network failures", () => {
  scenario("a refused connection is retried for every operation, GetId included", async () => {
    const port = await closedPort();
    let late: FaultServer | undefined;
    const { client, sleeps } = rig({
      endpoint: `http://127.0.0.1:${port}`,
      // The service comes up while the client waits to retry.
      onSleep: async () => {
        late ??= (await FaultServer.start(port)).script(ok({ IdentityId: IDENTITY_ID }));
      },
    });
    try {
      const output = await client.send(getId());
      expect(output.IdentityId).toBe(IDENTITY_ID);
      expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: sleeps[0] });
      expect(sleeps).toHaveLength(1);
      expect(late?.requests).toHaveLength(1);
    } finally {
      await late?.close();
    }
  });

  scenario(
    "a connection refused every time: maxAttempts attempts, then a NetworkError",
    async () => {
      const port = await closedPort();
      const { client, sleeps } = rig({ endpoint: `http://127.0.0.1:${port}`, maxAttempts: 4 });
      const error = await rejection(client.send(createPool()));
      expect(error).toMatchObject({ name: "NetworkError", code: "ECONNREFUSED" });
      expect(error.$metadata).toEqual({ attempts: 4, totalRetryDelay: sum(sleeps) });
      expect(sleeps).toHaveLength(3);
    },
  );

  scenario("a reset before any response: a read is retried", async () => {
    const { client } = rig();
    server.script({ kind: "reset" }, ok({ IdentityId: IDENTITY_ID }));
    const output = await client.send(describeIdentity());
    expect(output.$metadata).toMatchObject({ attempts: 2, requestId: "req-2" });
    expect(server.requests).toHaveLength(2);
  });

  scenario("a reset before any response: an idempotent write is retried", async () => {
    const { client } = rig();
    server.script({ kind: "reset" }, { kind: "respond", status: 200, body: "" });
    const output = await client.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: POOL_ID, Roles: {} }),
    );
    expect(output.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  scenario("a reset before any response: operations that can create are not resent", async () => {
    const { client, sleeps } = rig();
    server.script({ kind: "reset" }, { kind: "reset" }, { kind: "reset" });
    for (const command of [getId(), createPool(), developerToken()]) {
      const error = await rejection(client.send(command as never));
      expect(error).toMatchObject({ name: "NetworkError", code: "ECONNRESET" });
      expect(error.$metadata).toEqual({ attempts: 1, totalRetryDelay: 0 });
    }
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([]);
  });

  scenario("an attempt timeout: a read is retried, then rejects with TimeoutError", async () => {
    const { client, sleeps } = rig({ requestTimeout: 100 });
    server.script({ kind: "hang" }, { kind: "hang" }, { kind: "hang" });
    const error = await rejection(
      client.send(new ListIdentitiesCommand({ IdentityPoolId: POOL_ID, MaxResults: 10 })),
    );
    expect(error).toMatchObject({ name: "TimeoutError", timeout: 100 });
    expect(error.$metadata).toEqual({ attempts: 3, totalRetryDelay: sum(sleeps) });
    expect(server.requests).toHaveLength(3);
  });

  scenario("an attempt timeout: GetId is not resent", async () => {
    const { client } = rig({ requestTimeout: 100 });
    server.script({ kind: "hang" });
    const error = await rejection(client.send(getId()));
    expect(error).toMatchObject({ name: "TimeoutError", $metadata: { attempts: 1 } });
    expect(server.requests).toHaveLength(1);
  });

  scenario("a per-call requestTimeout overrides the client's (0: none)", async () => {
    const { client } = rig({ requestTimeout: 0 });
    server.script({ kind: "hang" });
    const error = await rejection(client.send(getId(), { requestTimeout: 80 }));
    expect(error).toMatchObject({ name: "TimeoutError", timeout: 80 });
  });
});

describe("backoff", () => {
  scenario("five retries after 5xx wait within [0, 50 ms * 2^(n-1))", async () => {
    const { client, sleeps } = rig({ maxAttempts: 6 });
    server.script(...repeat(internalError, 6));
    const error = await rejection(client.send(describePool()));
    expect(error.$metadata).toMatchObject({ attempts: 6, totalRetryDelay: sum(sleeps) });
    expect(sleeps).toHaveLength(5);
    sleeps.forEach((ms, i) => {
      expect(Number.isInteger(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(50 * 2 ** i);
    });
  });

  scenario("after throttling the ceiling starts at 1 s, doubles, and stops at 20 s", async () => {
    const { client, sleeps } = rig({ maxAttempts: 8, random: () => 0.9999999 });
    server.script(...repeat(throttled, 8));
    const error = await rejection(client.send(describePool()));
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(sleeps).toEqual([999, 1999, 3999, 7999, 15999, 19999, 19999]);
    expect(error.$metadata).toMatchObject({ attempts: 8, totalRetryDelay: 70_993 });
  });

  scenario("a Retry-After header stretches the wait", async () => {
    const frozen = Date.now();
    const { client, sleeps } = rig({ random: () => 0, now: () => frozen });
    server.script(
      { ...throttled, headers: { "retry-after": "3" } },
      ok({ IdentityId: IDENTITY_ID }),
    );
    const output = await client.send(getId());
    expect(output.$metadata.attempts).toBe(2);
    expect(sleeps).toEqual([3000]);
  });

  scenario(
    "the retry quota: 50 retries of 5xx in a row, then none until calls succeed",
    async () => {
      const { client, strategy } = rig();
      server.script(...repeat(internalError, 75));
      for (let call = 0; call < 25; call++) {
        const error = await rejection(client.send(describeIdentity()));
        expect(error.$metadata.attempts).toBe(3);
      }
      expect(strategy.quota.available).toBe(0);
      server.script(internalError);
      const starved = await rejection(client.send(describeIdentity()));
      expect(starved.$metadata).toMatchObject({ attempts: 1, totalRetryDelay: 0 });
      // Ten first-try successes put back one retry's worth.
      server.script(
        ...repeat(ok({ IdentityId: IDENTITY_ID }), 10),
        internalError,
        ok({ IdentityId: IDENTITY_ID }),
      );
      for (let call = 0; call < 10; call++) await client.send(describeIdentity());
      const output = await client.send(describeIdentity());
      expect(output.$metadata.attempts).toBe(2);
      expect(server.requests).toHaveLength(88);
    },
  );

  scenario("the maxAttempts option, with the real clock", async () => {
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      endpoint: server.endpoint,
      credentials,
      maxAttempts: 2,
    });
    server.script(internalError, internalError);
    const error = await rejection(client.send(describePool()));
    expect(error.$metadata.attempts).toBe(2);
    expect(error.$metadata.totalRetryDelay).toBeLessThan(50);
    expect(server.requests).toHaveLength(2);
  });

  scenario("adaptive mode slows down after throttling and recovers", async () => {
    const sleeps: number[] = [];
    let time = Math.ceil(Date.now() / 1000) * 1000;
    const clock: Clock = {
      now: () => time,
      async sleep(ms) {
        sleeps.push(ms);
        time += ms;
      },
    };
    const strategy = new AdaptiveRetryStrategy({ clock, random: () => 0 });
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      endpoint: server.endpoint,
      credentials,
      retryStrategy: strategy,
    });
    const identity = ok({ IdentityId: IDENTITY_ID });
    server.script(...repeat(identity, 10), throttled, ...repeat(identity, 6));
    for (let call = 0; call < 10; call++) {
      await client.send(describeIdentity());
      time += 100;
    }
    expect(sleeps).toEqual([]);
    const retried = await client.send(describeIdentity());
    expect(retried.$metadata.attempts).toBe(2);
    // 11 sends in the last second (the throttled one too), halved to 5.5 per second: the
    // retry waits 1000 / 5.5 ms for the limiter (the backoff drew 0).
    expect(retried.$metadata.totalRetryDelay).toBe(Math.ceil(1000 / 5.5));
    for (let call = 0; call < 3; call++) await client.send(describeIdentity());
    expect(sleeps.length).toBeGreaterThan(1);
    expect(sleeps.every((ms) => ms > 0 && ms <= 200)).toBe(true);
    time += 10_000;
    const waitsBefore = sleeps.length;
    await client.send(describeIdentity());
    await client.send(describeIdentity());
    expect(strategy.rateLimiter.limiting).toBe(false);
    expect(sleeps.length).toBe(waitsBefore);
    expect(server.requests).toHaveLength(17);
  });
});

describe("cancellation", () => {
  scenario("abort while the request is in flight: AbortError at once, no retry", async () => {
    const { client } = rig();
    server.script({ kind: "hang" });
    const controller = new AbortController();
    const call = rejection(client.send(describePool(), { abortSignal: controller.signal }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error = await call;
    expect(error).toMatchObject({
      name: "AbortError",
      message: "The call was aborted through its abortSignal",
      $metadata: { attempts: 1, totalRetryDelay: 0 },
    });
    expect(error.cause).toBe(controller.signal.reason);
    expect(server.requests).toHaveLength(1);
  });

  scenario("abort during the backoff wait: AbortError, and no further attempt", async () => {
    const controller = new AbortController();
    const { client, sleeps } = rig({ onSleep: () => controller.abort() });
    server.script(internalError, ok(POOL));
    const error = await rejection(client.send(describePool(), { abortSignal: controller.signal }));
    expect(error.name).toBe("AbortError");
    expect(error.$metadata.attempts).toBe(1);
    expect(sleeps).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    expect(server.pending).toBe(1);
  });

  scenario("an already-aborted signal: nothing is sent", async () => {
    const { client } = rig();
    const error = await rejection(
      client.send(describePool(), { abortSignal: AbortSignal.abort() }),
    );
    expect(error).toMatchObject({ name: "AbortError", $metadata: { attempts: 0 } });
    expect(server.requests).toHaveLength(0);
  });

  scenario("destroy() while a call is in flight: the call rejects with AbortError", async () => {
    const { client } = rig();
    server.script({ kind: "hang" });
    const call = rejection(client.send(describePool()));
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    client.destroy();
    expect(await call).toMatchObject({ name: "AbortError", message: "The client was destroyed" });
  });

  const child = join(import.meta.dirname, "child.ts");
  const runChild = (how: string) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", child, server.endpoint, how], {
      // Only a bound on failure: a process kept alive by a stray timer is killed and fails.
      timeout: 20_000,
    });

  scenario(
    "nothing keeps Node alive after an abort in flight",
    async () => {
      server.script({ kind: "hang" });
      const { stdout } = await runChild("abort-in-flight");
      expect(JSON.parse(stdout)).toEqual({ name: "AbortError", attempts: 1 });
    },
    30_000,
  );

  scenario(
    "nothing keeps Node alive after an abort during a minute-long backoff",
    async () => {
      server.script(internalError);
      const { stdout } = await runChild("abort-in-backoff");
      expect(JSON.parse(stdout)).toEqual({ name: "AbortError", attempts: 1 });
    },
    30_000,
  );

  scenario(
    "nothing keeps Node alive after destroy()",
    async () => {
      server.script({ kind: "hang" });
      const { stdout } = await runChild("destroy-in-flight");
      expect(JSON.parse(stdout)).toEqual({ name: "AbortError", attempts: 1 });
    },
    30_000,
  );
});

describe("clock skew", () => {
  const AHEAD = 3_600_000;

  /** A service whose clock is an hour ahead and that refuses signatures over 5 minutes off. */
  const skewedService =
    (answer: Extract<Action, { kind: "respond" }>): Action =>
    (request) => {
      const serverNow = Date.now() + AHEAD;
      const date = new Date(serverNow).toUTCString();
      const stamp = String(request.headers["x-amz-date"]);
      const signedAt = Date.parse(
        `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
      );
      if (!(Math.abs(serverNow - signedAt) <= 300_000)) {
        return {
          kind: "respond",
          status: 400,
          headers: { date },
          body: JSON.stringify({
            __type: "InvalidSignatureException",
            message: `Signature expired: ${stamp} is now earlier than the service's time`,
          }),
        };
      }
      return { ...answer, headers: { ...answer.headers, date } };
    };

  scenario(
    "a clock an hour slow: re-signed with the service's time and sent once more",
    async () => {
      const { client, sleeps } = rig();
      const pool = skewedService({ kind: "respond", body: JSON.stringify(POOL) });
      server.script(pool, pool, pool);
      const output = await client.send(describePool());
      expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0 });
      expect(sleeps).toEqual([]);
      expect(Math.abs(client.config.systemClockOffset - AHEAD)).toBeLessThan(5000);
      // The next call is signed right the first time.
      const again = await client.send(describePool());
      expect(again.$metadata.attempts).toBe(1);
      expect(server.requests).toHaveLength(3);
    },
  );

  scenario(
    "the skew retry applies to CreateIdentityPool too: a refused signature did nothing",
    async () => {
      const { client } = rig();
      const pool = skewedService({ kind: "respond", body: JSON.stringify(POOL) });
      server.script(pool, pool);
      const output = await client.send(createPool());
      expect(output.$metadata.attempts).toBe(2);
    },
  );

  scenario("the skew attempt comes on top of maxAttempts, and happens once per call", async () => {
    const { client } = rig({ maxAttempts: 1 });
    const pool = skewedService({ kind: "respond", body: JSON.stringify(POOL) });
    server.script(pool, pool);
    const output = await client.send(describePool());
    expect(output.$metadata.attempts).toBe(2);
    // A service whose clock jumps between answers would correct the clock each time; the
    // client re-signs only once.
    const refusedAt = (offset: number): Action => ({
      ...fail(400, "InvalidSignatureException"),
      headers: { date: new Date(Date.now() + offset).toUTCString() },
    });
    server.script(refusedAt(-AHEAD), refusedAt(AHEAD), ok(POOL));
    const error = await rejection(client.send(describePool()));
    expect(error).toMatchObject({ name: "InvalidSignatureException", $metadata: { attempts: 2 } });
    expect(server.requests).toHaveLength(4);
  });

  scenario("the resent request is an attempt with a timeout of its own", async () => {
    const { client } = rig({ requestTimeout: 1300 });
    // Each answer takes 750 to 900 ms: the two together would overrun one timeout, while one
    // leaves room for a loaded machine.
    const slowly =
      (action: Action): Action =>
      (request) => {
        const answer = (typeof action === "function" ? action(request) : action) as Extract<
          Action,
          { kind: "respond" }
        >;
        const chunk = Math.ceil((answer.body ?? "").length / 5);
        return { ...answer, kind: "trickle", chunk, everyMs: 150 };
      };
    const pool = slowly(skewedService({ kind: "respond", body: JSON.stringify(POOL) }));
    server.script(pool, pool);
    const output = await client.send(describePool());
    expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0 });
  });

  scenario("an abort while the resent request is in flight", async () => {
    const { client } = rig();
    const refused = skewedService({ kind: "respond", body: JSON.stringify(POOL) });
    server.script(refused, { kind: "hang" });
    const controller = new AbortController();
    const call = rejection(client.send(describePool(), { abortSignal: controller.signal }));
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    controller.abort();
    expect(await call).toMatchObject({ name: "AbortError", $metadata: { attempts: 2 } });
  });

  scenario("a signature error with a clock that is right is not retried", async () => {
    const { client } = rig();
    server.script(fail(400, "InvalidSignatureException", "The signature does not match"));
    const error = await rejection(client.send(describePool()));
    expect(error).toMatchObject({ name: "InvalidSignatureException", $metadata: { attempts: 1 } });
    expect(client.config.systemClockOffset).toBe(0);
  });

  scenario("systemClockOffset seeds the clock: the first attempt is accepted", async () => {
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      endpoint: server.endpoint,
      credentials,
      systemClockOffset: AHEAD,
    });
    server.script(skewedService({ kind: "respond", body: JSON.stringify(POOL) }));
    const output = await client.send(describePool());
    expect(output.$metadata.attempts).toBe(1);
  });
});

describe("hostile responses", () => {
  scenario(
    "an HTML 502 from a proxy: a typed error with status, request id and snippet",
    async () => {
      const { client } = rig();
      const html = `<html><head><title>502 Bad Gateway</title></head><body>${"<!-- pad -->".repeat(300)}</body></html>`;
      server.script({
        kind: "respond",
        status: 502,
        headers: { "content-type": "text/html" },
        body: html,
      });
      const error = await rejection(client.send(getId()));
      expect(error).toBeInstanceOf(CognitoIdentityServiceException);
      expect(error).toMatchObject({
        $fault: "server",
        $metadata: { httpStatusCode: 502, requestId: "req-1", attempts: 1 },
      });
      expect(error.message).toContain("<title>502 Bad Gateway</title>");
      expect(error.message.length).toBeLessThan(400);
    },
  );

  scenario(
    "truncated JSON on a 200: InvalidResponseError with status, request id, snippet",
    async () => {
      const { client } = rig();
      server.script({ kind: "respond", body: '{"IdentityId":"us-east-1:aaaa' });
      const error = await rejection(client.send(getId()));
      expect(error).toBeInstanceOf(CognitoIdentityServiceException);
      expect(error).toMatchObject({
        name: "InvalidResponseError",
        $metadata: { httpStatusCode: 200, requestId: "req-1", attempts: 1 },
      });
      expect(error.message).toContain('{"IdentityId":"us-east-1:aaaa');
    },
  );

  scenario("truncated JSON on a 200 of a read: retried, then the full answer", async () => {
    const { client } = rig();
    server.script({ kind: "respond", body: '{"IdentityPoolId":' }, ok(POOL));
    const output = await client.send(describePool());
    expect(output).toMatchObject({ ...POOL, $metadata: { attempts: 2 } });
  });

  scenario("an empty 200 for GetId: an output with no members", async () => {
    const { client } = rig();
    server.script({ kind: "respond", body: "" });
    const output = await client.send(getId());
    expect(output).toStrictEqual({
      $metadata: { httpStatusCode: 200, requestId: "req-1", attempts: 1, totalRetryDelay: 0 },
    });
  });

  scenario("an empty 200 for DescribeIdentityPool, whose output has required members", async () => {
    const { client } = rig();
    server.script(...repeat({ kind: "respond", body: "" }, 3));
    const error = await rejection(client.send(describePool()));
    expect(error).toMatchObject({
      name: "InvalidResponseError",
      $metadata: { httpStatusCode: 200, requestId: "req-3", attempts: 3 },
    });
    expect(error.message).toContain("empty body");
  });

  scenario("JSON labelled text/html is read as JSON", async () => {
    const { client } = rig();
    server.script({
      kind: "respond",
      headers: { "content-type": "text/html" },
      body: JSON.stringify(POOL),
    });
    const output = await client.send(describePool());
    expect(output).toMatchObject(POOL);
  });

  scenario("explicit nulls become absent members", async () => {
    const { client } = rig();
    server.script(
      ok({
        ...POOL,
        DeveloperProviderName: null,
        SupportedLoginProviders: null,
        IdentityPoolTags: { a: null, b: "x" },
      }),
    );
    const output = await client.send(describePool());
    expect(output).not.toHaveProperty("DeveloperProviderName");
    expect(output).not.toHaveProperty("SupportedLoginProviders");
    expect(output.IdentityPoolTags).toStrictEqual({ b: "x" });
  });

  scenario("unknown members are dropped, unknown enum values kept as strings", async () => {
    const { client } = rig();
    server.script(
      ok({
        IdentityPoolId: POOL_ID,
        NewTopLevel: { deep: true },
        RoleMappings: {
          "login.example": { Type: "SomethingNew", AmbiguousRoleResolution: "AlsoNew", Extra: 1 },
        },
      }),
    );
    const output = await client.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: POOL_ID }));
    expect(output).not.toHaveProperty("NewTopLevel");
    expect(output.RoleMappings).toStrictEqual({
      "login.example": { Type: "SomethingNew", AmbiguousRoleResolution: "AlsoNew" },
    });
  });

  scenario(
    "__proto__ and constructor map keys stay own data; no prototype is touched",
    async () => {
      const { client } = rig();
      server.script({
        kind: "respond",
        body: '{"__proto__":{"polluted":1},"Tags":{"__proto__":"p","constructor":"c","team":"t"}}',
      });
      const output = await client.send(
        new ListTagsForResourceCommand({
          ResourceArn: "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/x",
        }),
      );
      const tags = output.Tags!;
      expect(Object.keys(tags)).toEqual(["__proto__", "constructor", "team"]);
      expect(Object.getOwnPropertyDescriptor(tags, "__proto__")?.value).toBe("p");
      expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    },
  );

  scenario("a 10 MB body is read in full", async () => {
    const { client } = rig();
    const pools = Array.from({ length: 110_000 }, (_, i) => ({
      IdentityPoolId: `us-east-1:${String(i).padStart(8, "0")}-0000-0000-0000-000000000000`,
      IdentityPoolName: `pool-${i}`,
    }));
    const body = JSON.stringify({ IdentityPools: pools });
    expect(body.length).toBeGreaterThan(10_000_000);
    server.script({ kind: "respond", body });
    const output = await client.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect(output.IdentityPools).toHaveLength(110_000);
    expect(output.IdentityPools![109_999]!.IdentityPoolName).toBe("pool-109999");
  });

  scenario("a body over maxResponseBytes: ResponseTooLargeError, not retried", async () => {
    const { client } = rig({
      requestHandler: new FetchRequestHandler({ maxResponseBytes: 64 * 1024 }),
    });
    const body = JSON.stringify({ Tags: { big: "x".repeat(100_000) } });
    server.script(
      { kind: "respond", body },
      // Without Content-Length the limit is found while reading, with the start of the body.
      { kind: "respond", headers: { "transfer-encoding": "chunked" }, body },
    );
    for (const requestId of ["req-1", "req-2"]) {
      const error = await rejection(client.send(describePool()));
      expect(error).toMatchObject({
        name: "ResponseTooLargeError",
        limit: 65536,
        $metadata: { httpStatusCode: 200, requestId, attempts: 1 },
      });
    }
    expect(server.requests).toHaveLength(2);
  });

  scenario(
    "a body that trickles past the timeout: TimeoutError with what had arrived",
    async () => {
      const { client } = rig({ requestTimeout: 200 });
      server.script({
        kind: "trickle",
        chunk: 4,
        everyMs: 40,
        // About 3 s to send in full, far past the timeout.
        body: JSON.stringify({ IdentityId: IDENTITY_ID, Padding: "x".repeat(250) }),
      });
      const error = await rejection(client.send(getId()));
      expect(error).toMatchObject({
        name: "TimeoutError",
        $metadata: { httpStatusCode: 200, requestId: "req-1", attempts: 1 },
      });
      expect(error.bodySnippet).toMatch(/^\{"Id/);
      expect(server.requests).toHaveLength(1);
    },
  );

  scenario(
    "a reset in the middle of the body: NetworkError with status, request id, snippet",
    async () => {
      const { client } = rig();
      server.script({
        kind: "reset-mid-body",
        bytes: 15,
        body: JSON.stringify({ IdentityId: IDENTITY_ID }),
      });
      const error = await rejection(client.send(getId()));
      expect(error).toMatchObject({
        name: "NetworkError",
        bodySnippet: '{"IdentityId":"',
        $metadata: { httpStatusCode: 200, requestId: "req-1", attempts: 1 },
      });
      expect(error.message).toContain('(HTTP 200, request id req-1): {"IdentityId":"');
    },
  );

  scenario(
    "a reset in the middle of the body of a read: retried, then the full answer",
    async () => {
      const { client } = rig();
      server.script({ kind: "reset-mid-body", bytes: 10, body: JSON.stringify(POOL) }, ok(POOL));
      const output = await client.send(describePool());
      expect(output).toMatchObject({ ...POOL, $metadata: { attempts: 2, requestId: "req-2" } });
    },
  );
});
