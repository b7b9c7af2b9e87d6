import { type HttpRequest, HttpResponse } from "@smithy/protocol-http";
import type { HttpHandlerOptions } from "@smithy/types";

/**
 * The contract of a request handler: the same as `@smithy/types` `RequestHandler`, so
 * handlers from the AWS SDK (for example `NodeHttpHandler`) can be passed in.
 */
export interface RequestHandlerLike {
  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }>;
  destroy?(): void;
}

/** Sends requests with the platform's `fetch` and reads the whole response body. */
export class FetchRequestHandler implements RequestHandlerLike {
  async handle(
    request: HttpRequest,
    options: HttpHandlerOptions = {},
  ): Promise<{ response: HttpResponse }> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      // fetch derives Host from the URL and refuses to let callers set it.
      if (name.toLowerCase() !== "host") headers[name] = value;
    }
    const init: RequestInit = {
      method: request.method,
      headers,
      body: (request.body ?? null) as BodyInit | null,
    };
    if (options.abortSignal) init.signal = options.abortSignal as AbortSignal;
    const res = await fetch(requestUrl(request), init);
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      responseHeaders[name] = value;
    });
    const body = new Uint8Array(await res.arrayBuffer());
    return {
      response: new HttpResponse({
        statusCode: res.status,
        reason: res.statusText,
        headers: responseHeaders,
        body,
      }),
    };
  }

  destroy(): void {}
}

/** Rebuilds the absolute URL of an `HttpRequest`. */
export function requestUrl(request: HttpRequest): string {
  const port = request.port ? `:${request.port}` : "";
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (Array.isArray(value)) for (const item of value) query.append(name, item);
    else if (value != null) query.append(name, value);
  }
  const search = query.size > 0 ? `?${query}` : "";
  return `${request.protocol}//${request.hostname}${port}${request.path}${search}`;
}
