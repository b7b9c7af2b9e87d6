/**
 * CORS, so pages served from another origin (a browser test on another localhost port)
 * can call the local service, with the headers browser SDKs send and read.
 */

const ALLOWED_HEADERS = [
  "content-type",
  "x-amz-target",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-content-sha256",
  "authorization",
  "x-amz-user-agent",
  "amz-sdk-invocation-id",
  "amz-sdk-request",
].join(", ");

const EXPOSED_HEADERS = "x-amzn-requestid, x-amzn-errortype, date";

/** The headers every response carries. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    // Echoing the origin (rather than `*`) keeps working if a page sends credentials.
    "access-control-allow-origin": origin ?? "*",
    "access-control-expose-headers": EXPOSED_HEADERS,
    vary: "Origin",
  };
}

/** The extra headers of the answer to a preflight (`OPTIONS`) request. */
export function preflightHeaders(): Record<string, string> {
  return {
    "access-control-allow-methods": "POST, OPTIONS",
    "access-control-allow-headers": ALLOWED_HEADERS,
    "access-control-max-age": "600",
  };
}
