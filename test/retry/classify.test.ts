import { describe, expect, it } from "vitest";
import {
  CognitoIdentityServiceException,
  InternalErrorException,
  InvalidParameterException,
  LimitExceededException,
  TooManyRequestsException,
} from "../../src/index.js";
import {
  classifyFailure,
  type FailureKind,
  mayRetry,
  retryErrorType,
} from "../../src/runtime/retry/classify.js";
import {
  AbortError,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
} from "../../src/runtime/transport/errors.js";

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const serviceError = (name: string, status: number, $fault: "client" | "server") =>
  new CognitoIdentityServiceException({ name, $fault, message: name, ...meta(status) });
/** What fetch in Node throws: a TypeError whose cause carries the socket's code. */
const fetchFailure = (code: string) => new TypeError("fetch failed", { cause: { code } });

const cases: [string, unknown, FailureKind][] = [
  ["TooManyRequestsException (429)", new TooManyRequestsException({ ...meta(429) }), "throttling"],
  ["a throttling name on a 400", serviceError("ThrottlingException", 400, "client"), "throttling"],
  ["any 429", serviceError("SomethingNew", 429, "client"), "throttling"],
  ["InternalErrorException (500)", new InternalErrorException({ ...meta(500) }), "server"],
  ["an HTML 502 from a proxy", serviceError("UnknownError", 502, "server"), "server"],
  ["a 503", serviceError("ServiceUnavailable", 503, "server"), "server"],
  ["a server-fault error on an odd status", new InternalErrorException({ ...meta(400) }), "server"],
  [
    "LimitExceededException (a quota)",
    new LimitExceededException({ ...meta(400) }),
    "not-retryable",
  ],
  ["InvalidParameterException", new InvalidParameterException({ ...meta(400) }), "not-retryable"],
  ["NotAuthorized 403", serviceError("NotAuthorizedException", 403, "client"), "not-retryable"],
  ["an unreadable 200", serviceError("InvalidResponseError", 200, "server"), "sent-unknown"],
  [
    "a refused connection",
    new NetworkError("x", { cause: fetchFailure("ECONNREFUSED") }),
    "transient",
  ],
  ["an unknown host", new NetworkError("x", { code: "ENOTFOUND" }), "transient"],
  ["a reset", new NetworkError("x", { code: "ECONNRESET" }), "sent-unknown"],
  ["a socket closed early", new NetworkError("x", { code: "UND_ERR_SOCKET" }), "sent-unknown"],
  ["a browser's codeless failure", new NetworkError("Failed to fetch", {}), "sent-unknown"],
  [
    "a refusal code on a response that had started",
    new NetworkError("x", { code: "ECONNREFUSED", $metadata: { httpStatusCode: 200 } }),
    "sent-unknown",
  ],
  ["our timeout", new TimeoutError(100), "sent-unknown"],
  [
    "another handler's timeout",
    Object.assign(new Error("t"), { name: "TimeoutError" }),
    "sent-unknown",
  ],
  [
    "a raw ECONNREFUSED (NodeHttpHandler)",
    Object.assign(new Error("x"), { code: "ECONNREFUSED" }),
    "transient",
  ],
  [
    "a raw ECONNRESET (NodeHttpHandler)",
    Object.assign(new Error("x"), { code: "ECONNRESET" }),
    "sent-unknown",
  ],
  ["an abort", new AbortError("stop"), "not-retryable"],
  ["a body over the limit", new ResponseTooLargeError(10), "not-retryable"],
  ["a plain TypeError (a bug)", new TypeError("x is not a function"), "not-retryable"],
  ["a string", "boom", "not-retryable"],
  ["null", null, "not-retryable"],
];

describe("classifyFailure", () => {
  it.each(cases)("%s", (_label, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe("mayRetry: nothing that may have reached the service is repeated unless safe", () => {
  it.each([
    ["throttling", true, true],
    ["transient", true, true],
    ["server", false, true],
    ["sent-unknown", false, true],
    ["not-retryable", false, false],
  ] as const)("%s: unsafe operation %s, safe operation %s", (kind, unsafe, safe) => {
    expect(mayRetry(kind, false)).toBe(unsafe);
    expect(mayRetry(kind, true)).toBe(safe);
  });

  it("names the kinds as @smithy/types retry strategies expect", () => {
    expect(retryErrorType("throttling")).toBe("THROTTLING");
    expect(retryErrorType("server")).toBe("TRANSIENT");
    expect(retryErrorType("transient")).toBe("TRANSIENT");
    expect(retryErrorType("sent-unknown")).toBe("TRANSIENT");
    expect(retryErrorType("not-retryable")).toBe("CLIENT_ERROR");
  });
});

describe("socket codes", () => {
  it("come with the Node platform only: browsers have no sockets to report them", async () => {
    const browser = await import("../../src/runtime/platform/browser.js");
    const node = await import("../../src/runtime/platform/node.js");
    expect(browser.platform.socketCodes).toBeUndefined();
    expect(node.platform.socketCodes?.notSent.has("ECONNREFUSED")).toBe(true);
    expect(node.platform.socketCodes?.sentUnknown.has("ECONNRESET")).toBe(true);
  });
});
