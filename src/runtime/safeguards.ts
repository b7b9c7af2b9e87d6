import type { MiddlewareStack } from "@smithy/types";
import { attemptLoggingMiddleware, type LoggingConfig, loggingMiddleware } from "./logging.js";
import { scrubErrorsMiddleware } from "./scrub.js";

/** The client options of the safeguards below. */
export interface SafeguardsConfig extends LoggingConfig {}

/**
 * Puts the client's safeguards on its middleware stack: the removal of sent secrets from
 * errors, and (only with a logger) logging.
 */
export function addSafeguards(stack: MiddlewareStack<any, any>, config: SafeguardsConfig): void {
  stack.add(scrubErrorsMiddleware(), {
    step: "deserialize",
    priority: "high",
    name: "scrubErrorsMiddleware",
  });
  const { logger } = config;
  if (logger === undefined) return;
  stack.add(loggingMiddleware(logger), {
    step: "initialize",
    priority: "high",
    name: "loggingMiddleware",
  });
  if (typeof logger.debug === "function") {
    // Inside the scrubber (added later, same priority); it logs no error text, so that is fine.
    stack.add(attemptLoggingMiddleware(logger), {
      step: "deserialize",
      priority: "high",
      name: "attemptLoggingMiddleware",
    });
  }
}
