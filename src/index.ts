export * from "./generated/index.js";
export type { AuthScheme } from "./runtime/auth/scheme.js";
export type { Clock } from "./runtime/clock.js";
export type { CommandError } from "./runtime/command.js";
export type { ClientConfig } from "./runtime/config.js";
export { ConfigurationError } from "./runtime/errors.js";
export type { Logger, LoggingConfig } from "./runtime/logging.js";
export type { PageInput, PaginationConfiguration } from "./runtime/paginate.js";
export { SENSITIVE_MARKER } from "./runtime/redact.js";
export type { RateLimiterSettings } from "./runtime/retry/adaptive.js";
export type { BackoffSettings } from "./runtime/retry/backoff.js";
export type { QuotaSettings } from "./runtime/retry/quota.js";
export {
  AdaptiveRetryStrategy,
  type AdaptiveRetryStrategyOptions,
  type RetryMode,
  type RetryStrategy,
  StandardRetryStrategy,
  type StandardRetryStrategyOptions,
} from "./runtime/retry/strategy.js";
export {
  AbortError,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
} from "./runtime/transport/errors.js";
export {
  FetchRequestHandler,
  type FetchRequestHandlerOptions,
  type RequestHandlerLike,
} from "./runtime/transport/fetch.js";
export { ValidationError, type Violation } from "./runtime/validate.js";
