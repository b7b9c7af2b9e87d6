import type {
  DeserializeMiddleware,
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
 * Step `initialize`, outermost: one record per call, after any retries, so it sees the final
 * result and the number of attempts.
 */
export function loggingMiddleware(logger: Logger): InitializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const { operation } = context as OperationContext;
    const log = logTo(logger, context);
    const input = redact(args.input, operation.input);
    try {
      const result = await next(args);
      const { $metadata: metadata, ...output } = result.output;
      log("info", { input, output: redact(output, operation.output), metadata });
      return result;
    } catch (error) {
      const summary = summarize(error);
      const metadata = metadataOf(error);
      log(summary.$fault === "client" ? "warn" : "error", {
        input,
        error: summary,
        ...(metadata && { metadata }),
      });
      throw error;
    }
  };
}

/**
 * Step `deserialize`, outermost, so once per HTTP attempt (inside any retry loop): the request
 * as sent, with credential headers hidden, and the status or error name it got.
 */
export function attemptLoggingMiddleware(
  logger: Logger,
): DeserializeMiddleware<object, MetadataBearer> {
  return (next, context) => {
    const log = logTo(logger, context);
    let attempt = 0;
    return async (args) => {
      const request = args.request as HttpRequest;
      const sent = {
        attempt: ++attempt,
        request: {
          method: request.method,
          url: requestUrl(request),
          headers: redactHeaders(request.headers),
        },
      };
      try {
        const result = await next(args);
        log("debug", { ...sent, statusCode: (result.response as HttpResponse).statusCode });
        return result;
      } catch (error) {
        const { name, $fault } = summarize(error);
        const statusCode = metadataOf(error)?.httpStatusCode;
        log("debug", { ...sent, statusCode, error: { name, $fault } });
        throw error;
      }
    };
  };
}

/**
 * Writes records that start with the client and command names. A logger that throws must not
 * turn a successful call into a failed one, so what it throws is ignored.
 */
function logTo(logger: Logger, context: object) {
  const { clientName, commandName } = context as OperationContext;
  return (level: keyof Logger, record: object): void => {
    try {
      logger[level]?.({ clientName, commandName, ...record });
    } catch {
      // Nothing sensible to do: the call's own outcome matters more than its log line.
    }
  };
}

/** What the logs say about a failed call: never the error object, which may carry more. */
function summarize(error: unknown): { name: string; message: string; $fault?: unknown } {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error) };
  const { $fault } = error as { $fault?: unknown };
  return { name: error.name, message: error.message, ...($fault ? { $fault } : {}) };
}

function metadataOf(error: unknown): ResponseMetadata | undefined {
  return (error as { $metadata?: ResponseMetadata } | null)?.$metadata;
}
