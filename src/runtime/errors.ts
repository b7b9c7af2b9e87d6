import type { ResponseMetadata } from "@smithy/types";

export type { ResponseMetadata };

/** What every modelled error class of a generated client accepts. */
export interface ModeledErrorOptions {
  message?: string;
  $metadata: ResponseMetadata;
}

export interface ServiceErrorOptions extends ModeledErrorOptions {
  name: string;
  $fault: "client" | "server";
}

/**
 * The base of every error a service returns, with the fields of `@smithy/smithy-client`'s
 * `ServiceException` (whose `instanceof` accepts any error carrying `$fault` and `$metadata`,
 * so `error instanceof ServiceException` holds for these too) but without its bundle cost.
 */
export class ServiceError extends Error {
  // `declare`d: the constructor sets them, so the build emits no empty definitions.
  /** Whether the caller (`client`) or the service (`server`) is at fault. */
  declare readonly $fault: "client" | "server";
  /** The response the error came from: status, request id, attempts. */
  declare readonly $metadata: ResponseMetadata;

  constructor(options: ServiceErrorOptions) {
    super(options.message);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
  }
}

/** The constructor of a service's base exception (used for error names the model lacks). */
export type ServiceErrorClass = new (options: ServiceErrorOptions) => ServiceError;

/** The constructor of one modelled error. */
export type ModeledErrorClass = new (options: ModeledErrorOptions) => ServiceError;

/**
 * A problem with the client's own configuration or with what a call was given, found before
 * anything was sent. `option` names the setting (or environment variable) at fault.
 */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
  readonly $fault = "client";
  declare readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/**
 * No credentials could be found for a signed operation. The message says where the client
 * looked; it never contains a credential.
 */
export class CredentialsError extends Error {
  override readonly name = "CredentialsError";
  readonly $fault = "client";
}

/**
 * Reduces an error code as it appears on the wire to the bare shape name:
 * `aws.protocoltests#Foo:http://internal/...` and `Foo,Bar` both become `Foo`.
 */
export function sanitizeErrorCode(raw: string): string {
  // Up to the first comma or colon, then after the first `#`.
  const code = raw.split(/[,:]/)[0]!;
  return code.slice(code.indexOf("#") + 1).trim();
}

/** A short, single-line excerpt of a response body for error messages. */
export function bodySnippet(body: string, limit = 200): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

/**
 * Tells whether `error` is an error of the service with this SDK id (and, given a name, of
 * that name), by looking at its fields rather than its class.
 */
export function isServiceError(error: unknown, sdkId: string, name?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { name?: unknown; $fault?: unknown; $service?: unknown };
  return (
    candidate.$service === sdkId &&
    (candidate.$fault === "client" || candidate.$fault === "server") &&
    typeof candidate.name === "string" &&
    (name === undefined || candidate.name === name)
  );
}
