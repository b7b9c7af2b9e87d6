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
  if (typeof parsed !== "object" || parsed === null) {
    // A broken response of an operation that returns secrets may hold some: do not quote it.
    const shown = containsSensitive(operation.output)
      ? ` (${body.length} characters)`
      : `: ${bodySnippet(body)}`;
    throw invalidResponse(operation, $metadata, `is not a JSON object${shown}`);
  }
  const output = (fromWire(parsed, operation.output) ?? {}) as Record<string, unknown>;
  // Members may be missing (the service may leave out what it has no value for), but an
  // answer with none of the members the model requires is not this operation's answer: an
  // empty 200 from a proxy, say.
  const required = operation.output.required ?? [];
  if (required.length > 0 && !required.some((name) => Object.hasOwn(output, name))) {
    throw invalidResponse(
      operation,
      $metadata,
      `has none of the members ${operation.name} must return (${required.join(", ")}): ${
        body.trim() ? bodySnippet(body) : "empty body"
      }`,
    );
  }
  output.$metadata = $metadata;
  return output;
}

function invalidResponse(
  operation: OperationDefinition,
  $metadata: ResponseMetadata,
  problem: string,
): Error {
  return new operation.service.baseError({
    name: "InvalidResponseError",
    $fault: "server",
    message: `HTTP ${$metadata.httpStatusCode} response ${problem}`,
    $metadata,
  });
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
  const data = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >;
  const rawCode =
    stringField(data, "__type") ??
    stringField(data, "code") ??
    headerValue(response.headers, "x-amzn-errortype");
  const code = rawCode === undefined ? "" : sanitizeErrorCode(rawCode);
  const status = response.statusCode;
  const message = stringField(data, "message") ?? stringField(data, "Message");
  // Own keys only: a name such as `constructor` is on every object, not in the model.
  const modeled = code && Object.hasOwn(service.errors, code) ? service.errors[code] : undefined;
  if (modeled) {
    const error = new modeled({ message: message ?? `${code} (HTTP ${status})`, $metadata });
    const schema = service.errorSchemas?.[code];
    const members = schema && (fromWire(data, schema) as Record<string, unknown> | undefined);
    for (const [name, value] of Object.entries(members ?? {})) {
      if (name !== "message") (error as unknown as Record<string, unknown>)[name] = value;
    }
    return error;
  }
  return new service.baseError({
    name: code || "UnknownError",
    $fault: status >= 500 ? "server" : "client",
    message:
      message ??
      (code
        ? `${code} (HTTP ${status})`
        : `HTTP ${status} response without an error code${body ? `: ${bodySnippet(body)}` : ""}`),
    $metadata,
  });
}

/** The metadata every output and error carries about the response it came from. */
export function responseMetadata(response: HttpResponse): ResponseMetadata {
  const header = (name: string) => headerValue(response.headers, name);
  const metadata: ResponseMetadata = {
    httpStatusCode: response.statusCode,
    attempts: 1,
    totalRetryDelay: 0,
  };
  const ids = {
    requestId: header("x-amzn-requestid") ?? header("x-amz-request-id"),
    extendedRequestId: header("x-amz-id-2"),
    cfId: header("x-amz-cf-id"),
  };
  for (const [field, value] of Object.entries(ids)) {
    if (value !== undefined) metadata[field as keyof typeof ids] = value;
  }
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

/** Looks a field up by name, ignoring case, as servers differ in how they spell `code`. */
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

/** Looks a header up by name, whatever case the handler used. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  return stringField(headers, name);
}
