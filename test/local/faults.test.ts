/**
 * Injected faults: what the SDK sees when the local service throttles, fails, drops the
 * connection or answers late. The client makes one attempt per call (no retries yet).
 */
import { describe, expect, it, vi } from "vitest";
import { CognitoIdentity, ListIdentityPoolsCommand, NetworkError } from "../../src/index.js";
import { FaultQueue } from "../../src/testing/faults.js";
import { startLocalCognitoIdentity } from "../../src/testing/index.js";
import { credentials, expectError, useLocalService } from "./helpers.js";

const service = useLocalService();
const list = () => new ListIdentityPoolsCommand({ MaxResults: 1 });

describe("faults over HTTP", () => {
  it("throttle(n) answers the next n requests with TooManyRequestsException (429)", async () => {
    service.local.faults.throttle(2);
    await expectError(service.client, list(), "TooManyRequestsException");
    await expectError(service.client, list(), "TooManyRequestsException");
    expect((await service.client.send(list())).$metadata.httpStatusCode).toBe(200);
  });

  it("serverError(n, status) answers InternalErrorException with that status", async () => {
    service.local.faults.serverError(1, 503);
    const error = await service.client.send(list()).catch((e) => e);
    expect(error).toMatchObject({ name: "InternalErrorException", $fault: "server" });
    expect(error.$metadata.httpStatusCode).toBe(503);
    service.local.faults.serverError();
    await expectError(service.client, list(), "InternalErrorException");
  });

  it("uses faults up in the order they were added, one per request", async () => {
    service.local.faults.throttle();
    service.local.faults.serverError();
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(
        await service.client.send(list()).then(
          () => "ok",
          (e: Error) => e.name,
        ),
      );
    }
    expect(outcomes).toEqual(["TooManyRequestsException", "InternalErrorException", "ok"]);
  });

  it("dropConnection(n) closes the connection: the client sees a network error, not a service error", async () => {
    service.local.faults.dropConnection();
    const error = await service.client.send(list()).catch((e) => e);
    // A transport failure, typed as such: no HTTP status, because no response arrived.
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.$metadata.httpStatusCode).toBeUndefined();
    expect((await service.client.send(list())).$metadata.httpStatusCode).toBe(200);
  });

  it("delay(ms, n) holds the answer back while other requests are answered", async () => {
    // The one-shot fault marks the moment the delayed request reaches the server.
    service.local.faults.serverError();
    service.local.faults.delay(60_000, 1);
    const abort = new AbortController();
    let delayedSettled = false;
    const delayed = service.client
      .send(list(), { abortSignal: abort.signal })
      .finally(() => {
        delayedSettled = true;
      })
      .catch((e: Error) => e);
    await vi.waitFor(() => expect(service.local.faults.pending).toBe(0));
    await service.client.send(list());
    expect(delayedSettled).toBe(false);
    abort.abort();
    expect(await delayed).toMatchObject({ name: "AbortError" });
  });

  it("close() does not wait for delayed answers", async () => {
    const local = await startLocalCognitoIdentity();
    const client = new CognitoIdentity({
      region: local.region,
      endpoint: local.endpoint,
      credentials,
      maxAttempts: 1,
    });
    local.faults.throttle();
    local.faults.delay(60_000);
    const pending = client.send(list()).catch((e: Error) => e);
    await vi.waitFor(() => expect(local.faults.pending).toBe(0));
    await local.close();
    expect(await pending).toBeInstanceOf(NetworkError);
  });

  it("clear() forgets faults not used yet", async () => {
    service.local.faults.throttle(5);
    service.local.faults.delay(60_000);
    service.local.faults.clear();
    expect(service.local.faults.pending).toBe(0);
    expect((await service.client.send(list())).$metadata.httpStatusCode).toBe(200);
  });
});

describe("FaultQueue", () => {
  it("applies a delay to the next n requests, or to all until cleared", () => {
    const faults = new FaultQueue();
    faults.delay(25, 2);
    expect([faults.next(), faults.next(), faults.next()].map((d) => d.delayMs)).toEqual([
      25, 25, 0,
    ]);
    faults.delay(10);
    expect(Array.from({ length: 5 }, () => faults.next().delayMs)).toEqual([10, 10, 10, 10, 10]);
    faults.clear();
    expect(faults.next().delayMs).toBe(0);
  });

  it("adds a delay on top of a one-shot fault", () => {
    const faults = new FaultQueue();
    faults.dropConnection();
    faults.delay(5, 1);
    expect(faults.next()).toEqual({ fault: { kind: "dropConnection" }, delayMs: 5 });
    expect(faults.next()).toEqual({ fault: undefined, delayMs: 0 });
  });

  it.each([
    ["a count of 0", (f: FaultQueue) => f.throttle(0)],
    ["a fractional count", (f: FaultQueue) => f.dropConnection(1.5)],
    ["a status that is not 5xx", (f: FaultQueue) => f.serverError(1, 429)],
    ["a negative delay", (f: FaultQueue) => f.delay(-1)],
    ["a delay count of 0", (f: FaultQueue) => f.delay(10, 0)],
  ])("refuses %s", (_, inject) => {
    const faults = new FaultQueue();
    expect(() => inject(faults)).toThrow(RangeError);
    expect(faults.pending).toBe(0);
  });
});
