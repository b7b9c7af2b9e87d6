import { HttpRequest } from "@smithy/core/transport";
import type { AwsCredentialIdentity } from "@smithy/types";
import { Sha256 } from "#signing";
import type { AuthScheme, SigningContext } from "./scheme.js";

const ALGORITHM = "AWS4-HMAC-SHA256";
/** SHA-256 of the empty string, the payload hash of a request without a body. */
const EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** Headers the signer sets, so any already there (an earlier attempt's) are dropped. */
const GENERATED = new Set(["authorization", "x-amz-date", "date"]);
/** Headers that proxies and browsers may change on the way, never signed (as every AWS SDK). */
const UNSIGNABLE = new Set([
  "authorization",
  "cache-control",
  "connection",
  "expect",
  "from",
  "keep-alive",
  "max-forwards",
  "pragma",
  "referer",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "x-amzn-trace-id",
]);

/** The signing key of one day, region, service and secret: derived once, reused all day. */
interface KeyEntry {
  readonly id: string;
  readonly key: Promise<Uint8Array>;
}

/**
 * AWS Signature Version 4 for requests with a body in memory, as `@smithy/signature-v4`
 * signs them (same canonical form, same unsigned headers), without its generality: the
 * signing key is kept per client, service and region until the day or the secret changes.
 */
export const sigv4: AuthScheme = {
  id: "aws.auth#sigv4",
  async sign(original: HttpRequest, context: SigningContext): Promise<HttpRequest> {
    const credentials = await context.credentials();
    if (
      typeof credentials !== "object" ||
      typeof credentials?.accessKeyId !== "string" ||
      typeof credentials.secretAccessKey !== "string"
    ) {
      throw new Error("Resolved credential object is not valid");
    }
    const request = HttpRequest.clone(original);
    for (const name of Object.keys(request.headers)) {
      if (GENERATED.has(name.toLowerCase())) delete request.headers[name];
    }
    const longDate = amzDate(context.signingDate);
    const shortDate = longDate.slice(0, 8);
    const scope = `${shortDate}/${context.region}/${context.signingName}/aws4_request`;
    request.headers["x-amz-date"] = longDate;
    if (credentials.sessionToken)
      request.headers["x-amz-security-token"] = credentials.sessionToken;

    const headers = canonicalHeaders(request.headers);
    const names = Object.keys(headers).sort();
    const signedHeaders = names.join(";");
    const canonicalRequest = [
      request.method,
      canonicalPath(request.path),
      canonicalQuery(request.query ?? {}),
      names.map((name) => `${name}:${headers[name]}`).join("\n"),
      "",
      signedHeaders,
      await payloadHash(request),
    ].join("\n");
    const stringToSign = `${ALGORITHM}\n${longDate}\n${scope}\n${toHex(await hash(canonicalRequest))}`;
    const key = await signingKey(context, credentials, shortDate);
    const signature = toHex(await hash(stringToSign, key));
    request.headers.authorization =
      `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, ` +
      `SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return request;
  },
};

function signingKey(
  context: SigningContext,
  credentials: AwsCredentialIdentity,
  shortDate: string,
): Promise<Uint8Array> {
  const cacheKey = `sigv4:${context.signingName}:${context.region}`;
  const id = `${shortDate}\n${credentials.accessKeyId}\n${credentials.secretAccessKey}`;
  const cached = context.cache.get(cacheKey) as KeyEntry | undefined;
  if (cached?.id === id) return cached.key;
  const key = (async () => {
    let derived: Uint8Array | string = `AWS4${credentials.secretAccessKey}`;
    for (const part of [shortDate, context.region, context.signingName, "aws4_request"]) {
      derived = await hash(part, derived);
    }
    return derived as Uint8Array;
  })();
  context.cache.set(cacheKey, { id, key } satisfies KeyEntry);
  return key;
}

/** SHA-256 of `data` (a string is hashed as UTF-8), or its HMAC with `secret`. */
async function hash(data: string | Uint8Array, secret?: Uint8Array | string): Promise<Uint8Array> {
  const sha = new Sha256(secret);
  sha.update(data);
  return sha.digest();
}

/** `20260304T050607Z`: the ISO 8601 basic format SigV4 uses. */
function amzDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

async function payloadHash(request: HttpRequest): Promise<string> {
  for (const name of Object.keys(request.headers)) {
    if (name.toLowerCase() === "x-amz-content-sha256") return request.headers[name]!;
  }
  const { body } = request;
  if (body == null) return EMPTY_HASH;
  if (typeof body === "string") return toHex(await hash(body));
  if (ArrayBuffer.isView(body)) {
    return toHex(await hash(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)));
  }
  if (body instanceof ArrayBuffer) return toHex(await hash(new Uint8Array(body)));
  return "UNSIGNED-PAYLOAD";
}

function canonicalHeaders(headers: Record<string, string>): Record<string, string> {
  const canonical: Record<string, string> = Object.create(null);
  for (const name of Object.keys(headers).sort()) {
    const value = headers[name];
    if (value == null) continue;
    const lower = name.toLowerCase();
    if (UNSIGNABLE.has(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-")) continue;
    canonical[lower] = String(value)
      .replace(/[\r\n]/g, " ")
      .replace(/[ \t]+/g, " ")
      .replace(/^ | $/g, "");
  }
  return canonical;
}

/** The path with `.` and `..` resolved, each segment URI-encoded (slashes kept). */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${
    segments.length > 0 && path.endsWith("/") ? "/" : ""
  }`;
  return escapeUri(normalized).replace(/%2F/g, "/");
}

function canonicalQuery(query: Record<string, string | string[] | null>): string {
  const pairs: [string, string][] = [];
  for (const key of Object.keys(query)) {
    if (key.toLowerCase() === "x-amz-signature") continue;
    const value = query[key];
    const encodedKey = escapeUri(key);
    if (typeof value === "string") pairs.push([encodedKey, `${encodedKey}=${escapeUri(value)}`]);
    else if (Array.isArray(value) && value.length > 0) {
      const items = value.map((item) => `${encodedKey}=${escapeUri(item)}`).sort();
      pairs.push([encodedKey, items.join("&")]);
    }
  }
  // Sorted by the encoded name, as the specification says.
  return pairs
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, pair]) => pair)
    .join("&");
}

function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
