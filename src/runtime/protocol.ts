import { HttpRequest, type HttpResponse } from "@smithy/core/transport";
import type { ResponseMetadata } from "@smithy/types";
import { bodySnippet, sanitizeErrorCode } from "./errors.js";
import { checkedHeaders } from "./headers.js";
import { fromWire, toWire } from "./json-codec.js";
import type { OperationDefinition } from "./operation.js";
import { containsSensitive } from "./redact.js";

/**
 * The AWS JSON protocols (awsJson1_0 and awsJson1_1): every operation is a POST to `/` with
 * the operation named in `X-Amz-Target` and the input as one JSON object.
 */
export function serializeRequest(operation: OperationDefinition, input: object, endpoint: URL) {
  const { service } = operation;
  return new HttpRequest({
    method: "POST",
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
    path: endpoint.pathname,
    headers: checkedHeaders({
      host: endpoint.host,
      "content-type": `application/x-amz-json-${service.jsonVersion}`,
      "x-amz-target": `${service.targetPrefix}.${operation.name}`,
    }),
    body: JSON.stringify(toWire(input, operation.input) ?? {}),
  });
}

/** Reads the parsed output of a successful response. */
export function deserializeOutput(
  operation: OperationDefinition,
  body: string,
  $metadata: ResponseMetadata,
): object {
  const parsed = body.trim() === "" ? {} : parseJson(body);
  if (parsed === undefined || typeof parsed !== "object" || parsed === null) {
    throw new operation.service.baseError({
      name: "InvalidResponseError",
      $fault: "server",
      message: `HTTP ${$metadata.httpStatusCode} response is not a JSON object${
        // A broken response of an operation that returns secrets may hold some: do not quote it.
        containsSensitive(operation.output)
          ? ` (${body.length} characters)`
          : `: ${bodySnippet(body)}`
      }`,
      $metadata,
    });
  }
  const output = (fromWire(parsed, operation.output) ?? {}) as Record<string, unknown>;
  // Members may be missing (the service may leave out what it has no value for), but an
  // answer with none of the members the model requires is not this operation's answer: an
  // empty 200 from a proxy, say.
  const required = operation.output.required ?? [];
  if (required.length > 0 && !required.some((name) => Object.hasOwn(output, name))) {
    throw new operation.service.baseError({
      name: "InvalidResponseError",
      $fault: "server",
      message:
        `HTTP ${$metadata.httpStatusCode} response has none of the members ${operation.name} ` +
        `must return (${required.join(", ")}): ${body.trim() ? bodySnippet(body) : "empty body"}`,
      $metadata,
    });
  }
  output.$metadata = $metadata;
  return output;
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
  const modeled = code ? service.errors[code] : undefined;
  if (modeled) {
    const error = new modeled.error({ message: message ?? `${code} (HTTP ${status})`, $metadata });
    const members = fromWire(data, modeled.schema) as Record<string, unknown> | undefined;
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
  const metadata: ResponseMetadata = {
    httpStatusCode: response.statusCode,
    attempts: 1,
    totalRetryDelay: 0,
  };
  const requestId =
    headerValue(response.headers, "x-amzn-requestid") ??
    headerValue(response.headers, "x-amz-request-id");
  if (requestId !== undefined) metadata.requestId = requestId;
  const extendedRequestId = headerValue(response.headers, "x-amz-id-2");
  if (extendedRequestId !== undefined) metadata.extendedRequestId = extendedRequestId;
  const cfId = headerValue(response.headers, "x-amz-cf-id");
  if (cfId !== undefined) metadata.cfId = cfId;
  return metadata;
}

/** Reads a response body of any of the forms request handlers return, as UTF-8 text. */
export async function readBody(body: unknown): Promise<string> {
  if (body == null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  if (body instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(body));
  if (typeof (body as Blob).text === "function") return (body as Blob).text();
  const chunks: Uint8Array[] = [];
  if (typeof (body as ReadableStream<Uint8Array>).getReader === "function") {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      chunks.push(next.value);
    }
  } else if (Symbol.asyncIterator in (body as object)) {
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
    }
  } else {
    throw new TypeError("Unsupported response body type");
  }
  const decoder = new TextDecoder();
  let text = "";
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
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
