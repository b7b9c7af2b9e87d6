import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { corsHeaders, preflightHeaders } from "./cors.js";
import { type Dispatcher, errorResponse, type WireResponse } from "./dispatch.js";
import { modeledError, protocolError, ServiceError } from "./errors.js";
import type { FaultQueue } from "./faults.js";
import type { ServiceState } from "./state.js";

/** Large enough for ten login tokens of the model's largest size (50,000 characters each). */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface HttpServiceOptions {
  readonly port: number;
  readonly host: string;
  readonly dispatcher: Dispatcher;
  readonly faults: FaultQueue;
  /** Read per request: `reset()` swaps the state. */
  readonly state: () => ServiceState;
}

export interface HttpService {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Serves the dispatcher over node:http until `close()`. */
export async function listen(options: HttpServiceOptions): Promise<HttpService> {
  const delays = new Delays();
  const server = createServer((req, res) => {
    handle(req, res, options, delays).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${urlHost(options.host)}:${port}`,
    close() {
      closing ??= stop(server, delays);
      return closing;
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpServiceOptions,
  delays: Delays,
): Promise<void> {
  const common = {
    ...corsHeaders(req.headers.origin),
    "x-amzn-requestid": randomUUID(),
  };
  if (req.method === "OPTIONS") {
    res.writeHead(204, { ...common, ...preflightHeaders() }).end();
    return;
  }
  const { fault, delayMs } = options.faults.next();
  if (fault?.kind === "dropConnection") {
    req.socket.destroy();
    return;
  }
  let answer: WireResponse;
  const body = await readBody(req);
  if (delayMs > 0) await delays.wait(delayMs);
  if (fault?.kind === "throttle") {
    answer = errorResponse(modeledError("TooManyRequestsException", "Rate exceeded (injected)."));
  } else if (fault?.kind === "serverError") {
    answer = errorResponse(
      new ServiceError("InternalErrorException", "Internal error (injected).", fault.status),
    );
  } else if (req.method !== "POST" || new URL(req.url ?? "/", "http://local").pathname !== "/") {
    const error = `${req.method} ${req.url} is not an operation: awsJson1_1 requests are POST /.`;
    answer = errorResponse(protocolError("UnknownOperationException", error, 404));
  } else if (body === undefined) {
    const error = `The request body is larger than ${MAX_BODY_BYTES} bytes.`;
    answer = errorResponse(protocolError("SerializationException", error, 413));
  } else {
    answer = options.dispatcher.dispatch(
      {
        target: header(req, "x-amz-target"),
        contentType: header(req, "content-type"),
        authorization: header(req, "authorization"),
        body,
      },
      options.state(),
    );
  }
  if (res.destroyed) return;
  res.writeHead(answer.status, {
    ...common,
    "content-type": "application/x-amz-json-1.1",
    "content-length": String(Buffer.byteLength(answer.body)),
    ...(answer.errorType === undefined ? {} : { "x-amzn-errortype": answer.errorType }),
  });
  res.end(answer.body);
}

/** The whole body as text, or undefined when it is too large (the rest is discarded). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8");
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Injected delays, cut short when the server closes so `close()` never waits on them. */
class Delays {
  private readonly pending = new Set<() => void>();

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pending.add(done);
    });
  }

  cancelAll(): void {
    for (const done of [...this.pending]) done();
  }
}

async function stop(server: Server, delays: Delays): Promise<void> {
  const closed = new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
  server.closeAllConnections();
  delays.cancelAll();
  await closed;
}

/** The host as it goes in a URL: a wildcard address is reached through loopback. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
