import type {
  DeserializeMiddleware,
  HttpRequest,
  MetadataBearer,
  MiddlewareStack,
} from "@smithy/types";
import { checkedHeaders } from "./headers.js";
import { attemptLoggingMiddleware, type LoggingConfig, loggingMiddleware } from "./logging.js";
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
  const add = (middleware: any, step: string, priority: "high" | "low", name: string) =>
    stack.add(middleware, { step, priority, name } as never);
  add(
    requestGuardMiddleware(config.allowInsecureEndpoint === true),
    "deserialize",
    "low",
    "requestGuardMiddleware",
  );
  add(scrubErrorsMiddleware(), "deserialize", "high", "scrubErrorsMiddleware");
  const { logger } = config;
  if (logger === undefined) return;
  add(loggingMiddleware(logger), "initialize", "high", "loggingMiddleware");
  // Inside the scrubber (added later, same priority); it logs no error text, so that is fine.
  if (typeof logger.debug === "function") {
    add(attemptLoggingMiddleware(logger), "deserialize", "high", "attemptLoggingMiddleware");
  }
}

/**
 * Step `deserialize`, innermost, so it sees the request exactly as the transport will: signed,
 * and changed by any middleware. Refuses line breaks in header values and unencrypted
 * transport of signatures or secrets.
 */
function requestGuardMiddleware(
  allowInsecureEndpoint: boolean,
): DeserializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const request = args.request as HttpRequest;
    checkedHeaders(request.headers);
    if (!allowInsecureEndpoint)
      assertSecureTransport((context as OperationContext).operation, request);
    return next(args);
  };
}
