import type {
  HttpHandlerOptions,
  HttpRequest,
  HttpResponse,
  ResponseMetadata,
} from "@smithy/types";
import { bodySnippet } from "../errors.js";
import { responseMetadata } from "../protocol.js";
import { AbortError, errorCode, NetworkError, ResponseTooLargeError } from "./errors.js";

/**
 * The contract of a request handler: the same as `@smithy/types` `RequestHandler`, so
 * handlers from the AWS SDK (for example `NodeHttpHandler`) can be passed in. A handler must
 * settle soon after `abortSignal` aborts: that is how timeouts and cancellation reach it.
 */
export interface RequestHandlerLike {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
  destroy?(): void;
}

export interface FetchRequestHandlerOptions {
  /**
   * The largest response body to read, in bytes; a larger one fails with a
   * `ResponseTooLargeError` instead of filling memory.
   * @default 16 MiB (16777216)
   */
  maxResponseBytes?: number | undefined;
}

/**
 * Far above any response of the services this runtime targets (their largest pages are well
 * under 1 MiB), yet small enough that a runaway or hostile body cannot exhaust a browser tab.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Sends requests with the platform's `fetch` and reads the whole response body. */
export class FetchRequestHandler implements RequestHandlerLike {
  declare readonly maxResponseBytes: number;

  constructor(options: FetchRequestHandlerOptions = {}) {
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  async handle(
    request: HttpRequest,
    options: HttpHandlerOptions = {},
  ): Promise<{ response: HttpResponse }> {
    const signal = options.abortSignal as AbortSignal | undefined;
    const headers = { ...request.headers };
    // fetch derives Host from the URL and refuses to let callers set it.
    for (const name in headers) if (name.toLowerCase() === "host") delete headers[name];
    const limit = this.maxResponseBytes;
    // Known once the response has started: a failure after that keeps its status and the text
    // read so far for the error.
    let $metadata: ResponseMetadata | undefined;
    let text = "";
    try {
      const res = await fetch(requestUrl(request), {
        method: request.method,
        headers,
        body: request.body ?? null,
        signal: signal ?? null,
      });
      // A plain object with the fields of `HttpResponse`, which `HttpResponse.isInstance` accepts.
      const response: HttpResponse = {
        statusCode: res.status,
        reason: res.statusText,
        headers: Object.fromEntries(res.headers),
      };
      $metadata = responseMetadata(response);
      const reader = res.body?.getReader();
      const decoder = new TextDecoder();
      let size = 0;
      // A body whose declared length is over the limit is refused before any of it is read.
      let tooLarge = Number(res.headers.get("content-length")) > limit;
      while (reader && !tooLarge) {
        const next = await reader.read();
        if (next.done) break;
        size += next.value.byteLength;
        tooLarge = size > limit;
        if (!tooLarge) text += decoder.decode(next.value, { stream: true });
      }
      if (!tooLarge) {
        response.body = text + decoder.decode();
        return { response };
      }
      reader?.cancel().catch(() => {});
    } catch (error) {
      // What fetch or the body's reader threw, as an error that says what happened.
      const aborted = signal?.aborted;
      const code = errorCode(error);
      const failure = {
        cause: aborted ? signal!.reason : error,
        $metadata,
        bodySnippet: snippetOf(text),
        code,
      };
      if (aborted) throw new AbortError("The request was aborted", failure);
      const during = $metadata ? " while reading the response" : "";
      throw new NetworkError(`The connection failed${during}${code ? ` (${code})` : ""}`, failure);
    }
    throw new ResponseTooLargeError(limit, { $metadata, bodySnippet: snippetOf(text) });
  }

  destroy(): void {}
}

function snippetOf(text: string): string | undefined {
  return bodySnippet(text.slice(0, 1024)) || undefined;
}

/**
 * Rebuilds the absolute URL of an `HttpRequest`, or of an `Endpoint` (whose protocol may lack
 * its colon, and whose path may be missing).
 */
export function requestUrl({
  protocol,
  hostname,
  port,
  path = "/",
  query = {},
}: Pick<HttpRequest, "protocol" | "hostname" | "port" | "path" | "query">): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of [value ?? []].flat()) search.append(name, item);
  }
  return `${protocol.replace(/:?$/, ":")}//${hostname}${port ? `:${port}` : ""}${path}${
    search.size > 0 ? `?${search}` : ""
  }`;
}
