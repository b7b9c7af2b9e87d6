export * from "./generated/index.js";
export type { AuthScheme, SigningContext } from "./runtime/auth/scheme.js";
export type { CommandError } from "./runtime/command.js";
export type { ClientConfig } from "./runtime/config.js";
export { ConfigurationError } from "./runtime/errors.js";
export type { PageInput, PaginationConfiguration } from "./runtime/paginate.js";
export { FetchRequestHandler, type RequestHandlerLike } from "./runtime/transport/fetch.js";
export { ValidationError, type Violation } from "./runtime/validate.js";
