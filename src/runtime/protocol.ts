import type { HttpRequest, HttpResponse, ResponseMetadata } from "@smithy/types";
import { bodySnippet, sanitizeErrorCode } from "./errors.js";
import { checkedHeaders } from "./headers.js";
import { fromWire, toWire } from "./json-codec.js";
import type { OperationDefinition } from "./operation.js";
import { containsSensitive } from "./redact.js";

/**
 * The AWS JSON protocols (awsJson1_0 and awsJson1_1): every operation is a POST to `/` with
 * the operation named in `X-Amz-Target` and the input as one JSON object.
 */
export function serializeRequest(
  operation: OperationDefinition,
  input: object,
  endpoint: URL,
): HttpRequest {
  const { service } = operation;
  // A plain object with the fields of `HttpRequest` (which `HttpRequest.isInstance` accepts):
  // the class would add its code to every bundle for a constructor that copies fields.
  return {
    method: "POST",
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
    path: endpoint.pathname,
    query: {},
    headers: checkedHeaders({
      host: endpoint.host,
      "content-type": `application/x-amz-json-${service.jsonVersion}`,
      "x-amz-target": `${service.targetPrefix}.${operation.name}`,
    }),
    body: JSON.stringify(toWire(input, operation.input) ?? {}),
  };
}

/**
 * A copy of a request with its own headers and query, of the same class as the original (a
 * middleware may have put an `HttpRequest` instance there), for one attempt to change.
 */
export function cloneRequest(request: HttpRequest): HttpRequest {
  // A loop, not structuredClone: this runs for every attempt, and is four times faster.
  const query: HttpRequest["query"] = {};
  for (const [name, value] of Object.entries(request.query ?? {})) {
    query[name] = Array.isArray(value) ? [...value] : value;
  }
  return Object.assign(Object.create(Object.getPrototypeOf(request)), request, {
    headers: { ...request.headers },
    query,
  });
}

/** Reads the parsed output of a successful response. */
export function deserializeOutput(
  operation: OperationDefinition,
  body: string,
  $metadata: ResponseMetadata,
): object {
  const parsed = body.trim() === "" ? {} : parseJson(body);
  if (!(parsed instanceof Object)) {
    // A broken response of an operation that returns secrets may hold some: do not quote it.
    const shown = containsSensitive(operation.output)
      ? ` (${body.length} characters)`
      : `: ${bodySnippet(body)}`;
    throw baseError(
      operation,
      $metadata,
      `HTTP ${$metadata.httpStatusCode} response is not a JSON object${shown}`,
    );
  }
  const output = (fromWire(parsed, operation.output) ?? {}) as Record<string, unknown>;
  // Members may be missing (the service may leave out what it has no value for), but an
  // answer with none of the members the model requires is not this operation's answer: an
  // empty 200 from a proxy, say.
  const required = operation.output.required ?? [];
  if (required.length > 0 && !required.some((name) => Object.hasOwn(output, name))) {
    throw baseError(
      operation,
      $metadata,
      `HTTP ${$metadata.httpStatusCode} response has none of the members ${operation.name} must return (${required.join(", ")}): ${
        bodySnippet(body) || "empty body"
      }`,
    );
  }
  output.$metadata = $metadata;
  return output;
}

/** The service's base exception, by default for a response that is not this operation's. */
function baseError(
  operation: OperationDefinition,
  $metadata: ResponseMetadata,
  message: string,
  name = "InvalidResponseError",
  $fault: "client" | "server" = "server",
): Error {
  return new operation.service.baseError({ name, $fault, message, $metadata });
}

/**
 * Turns an error response into the modelled error class when the name matches one, and into
 * the service's base exception otherwise. The name is read from body `__type`, then body
 * `code`, then the `X-Amzn-ErrorType` header.
 */
export function deserializeError(
  operation: OperationDefinition,
  response: HttpResponse,
  body: string,
  $metadata: ResponseMetadata,
): Error {
  const { service } = operation;
  const parsed = parseJson(body);
  const data = (parsed instanceof Object ? parsed : {}) as Record<string, unknown>;
  const code = sanitizeErrorCode(
    stringField(data, "__type") ??
      stringField(data, "code") ??
      stringField(response.headers, "x-amzn-errortype") ??
      "",
  );
  const status = response.statusCode;
  const message =
    stringField(data, "message") ??
    (code
      ? `${code} (HTTP ${status})`
      : `HTTP ${status} response without an error code${body ? `: ${bodySnippet(body)}` : ""}`);
  // Own entries only: a code such as `constructor` names no modelled error.
  const modeled = Object.hasOwn(service.errors, code) && service.errors[code];
  if (modeled) {
    const error = new modeled({ message, $metadata });
    const schema = service.errorSchemas?.[code];
    // The modelled members become fields; `message` stays the one read above.
    return Object.assign(error, schema && fromWire(data, schema), { message: error.message });
  }
  return baseError(
    operation,
    $metadata,
    message,
    code || "UnknownError",
    status >= 500 ? "server" : "client",
  );
}

/** The metadata every output and error carries about the response it came from. */
export function responseMetadata({ statusCode, headers }: HttpResponse): ResponseMetadata {
  const metadata: ResponseMetadata = {
    httpStatusCode: statusCode,
    attempts: 1,
    totalRetryDelay: 0,
  };
  // Ids the response lacks are left out, not set to undefined; added only when present rather
  // than deleted afterwards, which would slow every later read of this object.
  const requestId =
    stringField(headers, "x-amzn-requestid") ?? stringField(headers, "x-amz-request-id");
  const extendedRequestId = stringField(headers, "x-amz-id-2");
  const cfId = stringField(headers, "x-amz-cf-id");
  if (requestId !== undefined) metadata.requestId = requestId;
  if (extendedRequestId !== undefined) metadata.extendedRequestId = extendedRequestId;
  if (cfId !== undefined) metadata.cfId = cfId;
  return metadata;
}

/**
 * Reads a response body as UTF-8 text. Our fetch handler gives a string; other request
 * handlers give bytes, a Blob, a web ReadableStream or (Node) a readable stream, all of which
 * `Response` reads.
 */
export async function readBody(body: unknown): Promise<string> {
  if (body == null) return "";
  if (typeof body === "string") return body;
  // Bytes are the common case and far cheaper to decode than to wrap in a Response.
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return new Response(body as BodyInit).text();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Looks a string field up by name, ignoring case: servers differ in how they spell `code`, and
 * request handlers in how they spell header names.
 */
function stringField(data: Record<string, unknown>, name: string): string | undefined {
  const exact = data[name];
  if (typeof exact === "string") return exact;
  const lower = name.toLowerCase();
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (key.toLowerCase() === lower && typeof value === "string") return value;
  }
  return undefined;
}

export { stringField as headerValue };
