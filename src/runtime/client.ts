import { constructStack } from "@smithy/core/client";
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
import type { ServiceDefinition } from "./operation.js";
import { retryMiddleware } from "./retry/middleware.js";
import { addSafeguards } from "./safeguards.js";

type AnyCommand<I extends object, O extends MetadataBearer> = Command<
  any,
  I,
  MetadataBearer,
  O,
  ResolvedClientConfig
>;

/**
 * The base of every generated client: the `@smithy/types` `Client` contract (as the `Client`
 * of `@smithy/smithy-client` fulfils it, without loading that package, whose dependencies
 * are most of the import time) with the protocol, signing and parsing steps on its middleware
 * stack, where users can add their own.
 */
export class ServiceClient implements Client<any, MetadataBearer, ResolvedClientConfig> {
  readonly config: ResolvedClientConfig;
  middlewareStack: MiddlewareStack<any, MetadataBearer> = constructStack<any, MetadataBearer>();
  /** Aborts the calls in flight, and their waits, when the client is destroyed. */
  readonly #lifetime = new AbortController();

  constructor(service: ServiceDefinition, config: ClientConfig) {
    this.config = resolveClientConfig(service, config);
    if (this.config.validateInput) {
      this.middlewareStack.add(validationMiddleware(), {
        step: "initialize",
        name: "validationMiddleware",
      });
    }
    this.middlewareStack.add(serializeMiddleware(this.config), {
      step: "serialize",
      name: "serializerMiddleware",
    });
    this.middlewareStack.add(userAgentMiddleware(this.config), {
      step: "build",
      name: "userAgentMiddleware",
    });
    this.middlewareStack.add(retryMiddleware(this.config, this.#lifetime.signal), {
      step: "finalizeRequest",
      name: "retryMiddleware",
      priority: "high",
    });
    this.middlewareStack.add(signingMiddleware(this.config), {
      step: "finalizeRequest",
      name: "signingMiddleware",
      priority: "low",
    });
    this.middlewareStack.add(deserializeMiddleware(), {
      step: "deserialize",
      name: "deserializerMiddleware",
    });
    addSafeguards(this.middlewareStack, config);
  }

  /** Sends one command and resolves with its output, or with the callback Node-style. */
  send<I extends object, O extends MetadataBearer>(
    command: AnyCommand<I, O>,
    options?: HttpHandlerOptions,
  ): Promise<O>;
  send<I extends object, O extends MetadataBearer>(
    command: AnyCommand<I, O>,
    cb: (err: any, data?: O) => void,
  ): void;
  send<I extends object, O extends MetadataBearer>(
    command: AnyCommand<I, O>,
    options: HttpHandlerOptions,
    cb: (err: any, data?: O) => void,
  ): void;
  send<I extends object, O extends MetadataBearer>(
    command: AnyCommand<I, O>,
    optionsOrCb?: HttpHandlerOptions | ((err: any, data?: O) => void),
    cb?: (err: any, data?: O) => void,
  ): Promise<O> | undefined {
    const options = typeof optionsOrCb === "function" ? undefined : optionsOrCb;
    const callback = typeof optionsOrCb === "function" ? optionsOrCb : cb;
    const handler = command.resolveMiddleware(this.middlewareStack as never, this.config, options);
    const output = handler(command).then((result) => result.output);
    if (callback === undefined) return output;
    output
      .then(
        (data) => callback(null, data),
        (error: unknown) => callback(error),
      )
      // As smithy's Client: what the callback throws is the caller's, not an unhandled rejection.
      .catch(() => {});
    return undefined;
  }

  /** Cancels the calls in flight (they reject with an `AbortError`) and releases the handler. */
  destroy(): void {
    this.#lifetime.abort();
    this.config.requestHandler.destroy?.();
  }
}
