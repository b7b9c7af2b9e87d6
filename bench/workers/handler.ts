import { HttpResponse } from "@smithy/protocol-http";
import { responseHeaders } from "./canned.js";

/** The request handler contract both clients accept (see `@smithy/types` RequestHandler). */
export interface InMemoryHandler {
  handle(request: { headers: Record<string, string> }): Promise<{ response: HttpResponse }>;
  /** Headers of the last request, to check that it was (or was not) signed. */
  lastHeaders?: Record<string, string>;
}

/**
 * Answers every request at once, with no I/O, with status 200 and the body `body(n)` for the
 * n-th request (from 1). The body is a fresh Uint8Array each time, as a transport would hand
 * over: the official client's body collector accepts it, and adopts it in place.
 */
export function inMemoryHandler(body: (n: number) => string): InMemoryHandler {
  const encoder = new TextEncoder();
  let n = 0;
  const handler: InMemoryHandler = {
    handle(request) {
      handler.lastHeaders = request.headers;
      n++;
      return Promise.resolve({
        response: new HttpResponse({
          statusCode: 200,
          headers: { ...responseHeaders },
          body: encoder.encode(body(n)),
        }),
      });
    },
  };
  return handler;
}

/** Whether the request carried a SigV4 Authorization header. */
export function isSigned(headers: Record<string, string> | undefined): boolean {
  return Object.entries(headers ?? {}).some(
    ([name, value]) =>
      name.toLowerCase() === "authorization" && value.startsWith("AWS4-HMAC-SHA256"),
  );
}
