import type { CognitoIdentityErrors } from "../generated/errors.js";
import { service } from "../generated/service.js";

/** The name of an error the model defines, such as `ResourceNotFoundException`. */
export type ModeledErrorName = keyof CognitoIdentityErrors;

/**
 * An answer the service gives instead of an output. Handlers throw it; the dispatcher writes
 * it in the awsJson1_1 error form (status, `__type`, `X-Amzn-ErrorType`, `message`).
 */
export class ServiceError extends Error {
  override readonly name = "ServiceError";
  /** The error's shape name, sent as `__type`. */
  readonly code: string;
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

// The model's @httpError codes that are not 400 (facts §8). The generated service data does
// not carry them yet, so they live here, checked against the generated error table below.
const STATUS_OTHER_THAN_400: Readonly<Partial<Record<ModeledErrorName, number>>> = {
  NotAuthorizedException: 403,
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  TooManyRequestsException: 429,
  InternalErrorException: 500,
};

/** The HTTP status of every modelled error, derived from the generated error classes. */
const STATUS_BY_ERROR: ReadonlyMap<string, number> = (() => {
  const statuses = new Map<string, number>();
  for (const [name, error] of Object.entries(service.errors)) {
    const { $fault } = new error({ $metadata: {} });
    const status = STATUS_OTHER_THAN_400[name as ModeledErrorName];
    statuses.set(name, status ?? ($fault === "server" ? 500 : 400));
  }
  for (const name of Object.keys(STATUS_OTHER_THAN_400)) {
    if (!statuses.has(name)) throw new Error(`The model has no error named ${name}`);
  }
  return statuses;
})();

/** A modelled error, with the status the model gives it. */
export function modeledError(code: ModeledErrorName, message: string): ServiceError {
  const status = STATUS_BY_ERROR.get(code);
  if (status === undefined) throw new Error(`The model has no error named ${code}`);
  return new ServiceError(code, message, status);
}

/**
 * An error outside the model that AWS front ends answer before an operation runs (an
 * unknown target, a body that is not JSON). Clients see it as the service's base error.
 */
export function protocolError(
  code: "UnknownOperationException" | "SerializationException",
  message: string,
  status = 400,
): ServiceError {
  return new ServiceError(code, message, status);
}

export const invalidParameter = (message: string) =>
  modeledError("InvalidParameterException", message);
export const notAuthorized = (message: string) => modeledError("NotAuthorizedException", message);
export const notFound = (message: string) => modeledError("ResourceNotFoundException", message);
export const conflict = (message: string) => modeledError("ResourceConflictException", message);
