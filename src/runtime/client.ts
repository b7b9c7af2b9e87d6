import type {
  Client,
  Command,
  HttpHandlerOptions,
  MetadataBearer,
  MiddlewareStack,
} from "@smithy/types";
import { type ClientConfig, type ResolvedClientConfig, resolveClientConfig } from "./config.js";
import {
  deserializeMiddleware,
  serializeMiddleware,
  signingMiddleware,
  userAgentMiddleware,
  validationMiddleware,
} from "./middleware.js";
import { createMiddlewareStack } from "./middleware-stack.js";
import type { ServiceDefinition } from "./operation.js";
import { retryMiddleware } from "./retry/middleware.js";
import { addSafeguards } from "./safeguards.js";

type AnyCommand<I extends object, O extends MetadataBearer> = Command<
  any,
  I,
  any,
  O,
  ResolvedClientConfig
>;
type Callback<O> = (error: unknown, output?: O) => void;

/**
 * The base of every generated client: the `@smithy/types` `Client` contract (what
 * `@smithy/smithy-client`'s `Client` class implements: `config`, `middlewareStack`, `send`
 * with promise or callback, `destroy`), with the protocol, signing and parsing steps on a
 * middleware stack where users add their own. Not that class itself: its middleware stack
 * alone would be a quarter of a small page's bundle.
 */
export class ServiceClient implements Client<any, MetadataBearer, ResolvedClientConfig> {
  // Declared, not a class field: the constructor sets it, and a field would repeat that.
  declare readonly config: ResolvedClientConfig;
  readonly middlewareStack: MiddlewareStack<any, MetadataBearer> = createMiddlewareStack();
  /** Aborts the calls in flight, and their waits, when the client is destroyed. */
  readonly #lifetime = new AbortController();

  constructor(service: ServiceDefinition, config: ClientConfig) {
    const resolved = resolveClientConfig(service, config);
    this.config = resolved;
    const add = (middleware: any, step: string, priority: string, name: string) =>
      this.middlewareStack.add(middleware, { step, priority, name } as never);
    if (resolved.validateInput) {
      add(validationMiddleware, "initialize", "normal", "validationMiddleware");
    }
    add(serializeMiddleware(resolved), "serialize", "normal", "serializerMiddleware");
    add(userAgentMiddleware(resolved), "build", "normal", "userAgentMiddleware");
    add(
      retryMiddleware(resolved, this.#lifetime.signal),
      "finalizeRequest",
      "high",
      "retryMiddleware",
    );
    add(signingMiddleware(resolved), "finalizeRequest", "low", "signingMiddleware");
    add(deserializeMiddleware, "deserialize", "normal", "deserializerMiddleware");
    addSafeguards(this.middlewareStack, config);
  }

  /** Sends a command; the output, or the error, comes as a promise or to `callback`. */
  send<I extends object, O extends MetadataBearer>(
    command: AnyCommand<I, O>,
    callback: Callback<O>,
  ): void;
  send<I extends object, O extends MetadataBearer>(
    command: AnyCommand<I, O>,
    options: HttpHandlerOptions | undefined,
    callback: Callback<O>,
  ): void;
  send<I extends object, O extends MetadataBearer>(
    command: AnyCommand<I, O>,
    options?: HttpHandlerOptions,
  ): Promise<O>;
  send<I extends object, O extends MetadataBearer>(
    command: AnyCommand<I, O>,
    optionsOrCallback?: HttpHandlerOptions | Callback<O>,
    callback?: Callback<O>,
  ): Promise<O> | undefined {
    const options = typeof optionsOrCallback === "function" ? undefined : optionsOrCallback;
    const done = typeof optionsOrCallback === "function" ? optionsOrCallback : callback;
    const handler = command.resolveMiddleware(this.middlewareStack as never, this.config, options);
    const output = handler(command).then((result) => result.output);
    if (done === undefined) return output;
    // A callback that throws must not become an unhandled rejection.
    output.then((value) => done(null, value), done).catch(() => {});
    return undefined;
  }

  /** Cancels the calls in flight (they reject with an `AbortError`) and releases the handler. */
  destroy(): void {
    this.#lifetime.abort();
    this.config.requestHandler.destroy?.();
  }
}
