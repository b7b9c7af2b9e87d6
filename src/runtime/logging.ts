import type {
  HttpRequest,
  HttpResponse,
  InitializeMiddleware,
  MetadataBearer,
  ResponseMetadata,
} from "@smithy/types";
import type { OperationContext } from "./middleware.js";
import { redact, redactHeaders } from "./redact.js";
import { requestUrl } from "./transport/fetch.js";

/** Anything shaped like `console`: each method is optional, and a missing one is not called. */
export interface Logger {
  debug?(...content: unknown[]): void;
  info?(...content: unknown[]): void;
  warn?(...content: unknown[]): void;
  error?(...content: unknown[]): void;
}

export interface LoggingConfig {
  /**
   * Receives one record per call: `info` on success (the input and output, with every
   * sensitive value replaced by `***SensitiveInformation***`, and `$metadata`), `warn` when
   * the call failed through the caller's fault and `error` otherwise; and, if it has `debug`,
   * one record per HTTP attempt with the credential headers hidden.
   * @default no logging, and no cost
   */
  logger?: Logger | undefined;
}

/**
 * One middleware for both kinds of record. For a call (step `initialize`, outermost): one record
 * after any retries, so it sees the final result and the number of attempts. For an attempt
 * (step `deserialize`, outermost, so inside any retry loop): the request as sent, with
 * credential headers hidden, and the status or error name it got.
 */
export function loggingMiddleware(
  logger: Logger,
  perAttempt: boolean,
): InitializeMiddleware<object, MetadataBearer> {
  return (next, context) => {
    const { clientName, commandName, operation } = context as OperationContext;
    // A logger that throws must not turn a successful call into a failed one.
    const log = (level: keyof Logger, record: object) => {
      try {
        logger[level]?.({ clientName, commandName, ...record });
      } catch {
        // Nothing sensible to do: the call's own outcome matters more than its log line.
      }
    };
    let attempt = 0;
    return async (args) => {
      // Only an attempt has a request.
      const { input, request } = args as { input: object; request: HttpRequest };
      const start = perAttempt
        ? {
            attempt: ++attempt,
            request: {
              method: request.method,
              url: requestUrl(request),
              headers: redactHeaders(request.headers),
            },
          }
        : { input: redact(input, operation.input) };
      try {
        const result = await next(args);
        if (perAttempt) {
          log("debug", { ...start, statusCode: (result.response as HttpResponse).statusCode });
        } else {
          const { $metadata: metadata, ...output } = result.output;
          log("info", { ...start, output: redact(output, operation.output), metadata });
        }
        return result;
      } catch (error) {
        // Never the error object, which may carry more.
        const { $fault, $metadata: metadata } = Object(error) as {
          $fault?: unknown;
          $metadata?: ResponseMetadata;
        };
        const summary: { name: string; message: string; $fault?: unknown } =
          error instanceof Error
            ? { name: error.name, message: error.message, ...($fault ? { $fault } : {}) }
            : { name: typeof error, message: String(error) };
        if (perAttempt) {
          // The summary's fault, not the thrown value's: a non-Error's `$fault` is not reported.
          const { name, $fault: fault } = summary;
          log("debug", {
            ...start,
            statusCode: metadata?.httpStatusCode,
            error: { name, $fault: fault },
          });
        } else {
          log(summary.$fault === "client" ? "warn" : "error", {
            ...start,
            error: summary,
            ...(metadata && { metadata }),
          });
        }
        throw error;
      }
    };
  };
}
