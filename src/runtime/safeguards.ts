import type {
  DeserializeMiddleware,
  HttpRequest,
  MetadataBearer,
  MiddlewareStack,
} from "@smithy/types";
import { checkedHeaders } from "./headers.js";
import { type LoggingConfig, loggingMiddleware } from "./logging.js";
import type { OperationContext } from "./middleware.js";
import { scrubErrorsMiddleware } from "./scrub.js";
import { assertSecureTransport, type TransportSecurityConfig } from "./transport-security.js";

/** The client options of the safeguards below. */
export interface SafeguardsConfig extends LoggingConfig, TransportSecurityConfig {}

/**
 * Puts the client's safeguards on its middleware stack: the last check of each request before
 * it leaves, the removal of sent secrets from errors, and (only with a logger) logging.
 */
export function addSafeguards(stack: MiddlewareStack<any, any>, config: SafeguardsConfig): void {
  const allowInsecureEndpoint = config.allowInsecureEndpoint === true;
  // Step `deserialize`, innermost, so it sees the request exactly as the transport will: signed,
  // and changed by any middleware. Refuses line breaks in header values and unencrypted
  // transport of signatures or secrets.
  const requestGuard: DeserializeMiddleware<object, MetadataBearer> =
    (next, context) => async (args) => {
      const request = args.request as HttpRequest;
      checkedHeaders(request.headers);
      if (!allowInsecureEndpoint) {
        assertSecureTransport((context as OperationContext).operation, request);
      }
      return next(args);
    };
  stack.add(requestGuard, { step: "deserialize", name: "requestGuardMiddleware", priority: "low" });
  stack.add(scrubErrorsMiddleware(), {
    step: "deserialize",
    name: "scrubErrorsMiddleware",
    priority: "high",
  });
  const { logger } = config;
  if (logger === undefined) return;
  stack.add(loggingMiddleware(logger, false), {
    step: "initialize",
    name: "loggingMiddleware",
    priority: "high",
  });
  // Inside the scrubber (added later, same priority); it logs no error text, so that is fine.
  // The same middleware serves both steps; the stack's types want one step each.
  if (typeof logger.debug === "function") {
    stack.add(loggingMiddleware(logger, true) as never, {
      step: "deserialize",
      name: "attemptLoggingMiddleware",
      priority: "high",
    });
  }
}
