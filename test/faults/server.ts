/**
 * A real HTTP server on 127.0.0.1 that answers each request with the next scripted action:
 * an ordinary response, or a fault (a reset, a hang, a body that stops halfway or trickles).
 * The client under test reaches it through its real fetch transport.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  readonly target: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export type Action =
  /** An ordinary response. */
  | ({ kind: "respond" } & Answer)
  /** Read the request, then reset the connection (RST) without answering. */
  | { kind: "reset" }
  /** Read the request and never answer (until the client gives up). */
  | { kind: "hang" }
  /** Send the headers and the first `bytes` of the body, then reset the connection. */
  | ({ kind: "reset-mid-body"; bytes: number } & Answer)
  /** Send the headers, then the body `chunk` bytes every `everyMs` milliseconds. */
  | ({ kind: "trickle"; chunk: number; everyMs: number } & Answer)
  /** Decide from the request itself. */
  | ((request: RecordedRequest) => Action);

export const JSON_11 = "application/x-amz-json-1.1";

/** A port on which nothing listens, so connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export class FaultServer {
  readonly requests: RecordedRequest[] = [];
  readonly #queue: Action[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<ReturnType<typeof setInterval>>();
  readonly #server: Server;
  #port = 0;

  private constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const request: RecordedRequest = {
          target: String(req.headers["x-amz-target"] ?? ""),
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        this.requests.push(request);
        this.#act(this.#queue.shift() ?? unscripted, request, res);
      });
    });
    this.#server.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  /** Starts listening on `port` (0: any free port). */
  static async start(port = 0): Promise<FaultServer> {
    const server = new FaultServer();
    await new Promise<void>((resolve) => server.#server.listen(port, "127.0.0.1", resolve));
    server.#port = (server.#server.address() as AddressInfo).port;
    return server;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Queues the answers to the next requests, in order. */
  script(...actions: Action[]): this {
    this.#queue.push(...actions);
    return this;
  }

  /** How many scripted answers are still unused. */
  get pending(): number {
    return this.#queue.length;
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #act(action: Action, request: RecordedRequest, res: ServerResponse): void {
    if (typeof action === "function") {
      this.#act(action(request), request, res);
      return;
    }
    const requestId = `req-${this.requests.length}`;
    const headers = {
      "content-type": JSON_11,
      "x-amzn-requestid": requestId,
      ...(action.kind === "reset" || action.kind === "hang" ? {} : action.headers),
    };
    switch (action.kind) {
      case "respond":
        res.writeHead(action.status ?? 200, headers).end(action.body ?? "{}");
        return;
      case "reset":
        res.socket?.resetAndDestroy();
        return;
      case "hang":
        return;
      case "reset-mid-body": {
        const body = Buffer.from(action.body ?? "");
        res.writeHead(action.status ?? 200, { ...headers, "content-length": body.length });
        res.write(body.subarray(0, action.bytes), () => {
          // Let the bytes go out before the reset, so the client sees headers and a part.
          setTimeout(() => res.socket?.resetAndDestroy(), 50);
        });
        return;
      }
      case "trickle": {
        const body = Buffer.from(action.body ?? "");
        res.writeHead(action.status ?? 200, { ...headers, "content-length": body.length });
        let sent = 0;
        const timer = setInterval(() => {
          if (sent >= body.length || res.destroyed) {
            clearInterval(timer);
            this.#timers.delete(timer);
            if (!res.destroyed) res.end();
            return;
          }
          res.write(body.subarray(sent, sent + action.chunk));
          sent += action.chunk;
        }, action.everyMs);
        this.#timers.add(timer);
        return;
      }
    }
  }
}

/** What an unscripted request gets: an error no retry rule touches, so the test sees it. */
const unscripted: Action = {
  kind: "respond",
  status: 400,
  body: JSON.stringify({ __type: "UnscriptedRequest", message: "no answer was scripted" }),
};

/** A JSON answer. */
export function ok(body: unknown = {}, headers: Record<string, string> = {}): Action {
  return { kind: "respond", status: 200, headers, body: JSON.stringify(body) };
}

/** An awsJson error answer. */
export function fail(status: number, type: string, message = `${type} from the fault server`) {
  return {
    kind: "respond",
    status,
    body: JSON.stringify({ __type: type, message }),
  } satisfies Action;
}
