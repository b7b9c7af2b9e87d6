import { Client } from "@smithy/core/client";
import type { HttpHandlerOptions, MetadataBearer } from "@smithy/types";
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

/**
 * The base of every generated client: the `Client` of `@smithy/smithy-client` (imported from
 * `@smithy/core/client`, where that package takes it from: the same class, without loading the
 * rest of `@smithy/core` at import) with the protocol, signing and parsing steps on its
 * middleware stack, where users can add their own.
 */
export class ServiceClient extends Client<
  HttpHandlerOptions,
  any,
  MetadataBearer,
  ResolvedClientConfig
> {
  /** Aborts the calls in flight, and their waits, when the client is destroyed. */
  readonly #lifetime = new AbortController();

  constructor(service: ServiceDefinition, config: ClientConfig) {
    super(resolveClientConfig(service, config));
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

  /** Cancels the calls in flight (they reject with an `AbortError`) and releases the handler. */
  override destroy(): void {
    this.#lifetime.abort();
    super.destroy();
  }
}
