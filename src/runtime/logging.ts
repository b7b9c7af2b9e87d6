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

/** What the logs say about a failed call: never the error object, which may carry more. */
interface ErrorSummary {
  name: string;
  message: string;
  $fault?: unknown;
}

/**
 * Step `initialize`, outermost: one record per call, after any retries, so it sees the final
 * result and the number of attempts.
 */
export function loggingMiddleware(logger: Logger): InitializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const { operation, clientName, commandName } = context as OperationContext;
    const input = redact(args.input, operation.input);
    try {
      const result = await next(args);
      const { $metadata: metadata, ...output } = result.output;
      emit(logger, "info", {
        clientName,
        commandName,
        input,
        output: redact(output, operation.output),
        metadata,
      });
      return result;
    } catch (error) {
      const summary = summarize(error);
      const level = summary.$fault === "client" ? "warn" : "error";
      const metadata = (error as { $metadata?: ResponseMetadata } | null)?.$metadata;
      const record = { clientName, commandName, input, error: summary };
      emit(logger, level, metadata ? { ...record, metadata } : record);
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
    const { clientName, commandName } = context as OperationContext;
    let attempt = 0;
    return async (args) => {
      attempt++;
      const request = args.request as HttpRequest;
      const sent = {
        method: request.method,
        url: requestUrl(request),
        headers: redactHeaders(request.headers),
      };
      try {
        const result = await next(args);
        const { statusCode } = result.response as HttpResponse;
        emit(logger, "debug", { clientName, commandName, attempt, request: sent, statusCode });
        return result;
      } catch (error) {
        const { name, $fault } = summarize(error);
        const statusCode = (error as { $metadata?: ResponseMetadata } | null)?.$metadata
          ?.httpStatusCode;
        emit(logger, "debug", {
          clientName,
          commandName,
          attempt,
          request: sent,
          statusCode,
          error: { name, $fault },
        });
        throw error;
      }
    };
  };
}

function summarize(error: unknown): ErrorSummary {
  if (error instanceof Error) {
    const { $fault } = error as { $fault?: unknown };
    return { name: error.name, message: error.message, ...($fault ? { $fault } : {}) };
  }
  return { name: typeof error, message: String(error) };
}

/** A logger that throws must not turn a successful call into a failed one. */
function emit(logger: Logger, level: keyof Logger, record: object): void {
  try {
    logger[level]?.(record);
  } catch {
    // Nothing sensible to do: the call's own outcome matters more than its log line.
  }
}
