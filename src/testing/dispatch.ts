import { fromWire, toWire } from "../runtime/json-codec.js";
import type { OperationDefinition } from "../runtime/operation.js";
import { describeViolation, validate } from "../runtime/validate.js";
import {
  invalidParameter,
  modeledError,
  notAuthorized,
  protocolError,
  ServiceError,
} from "./errors.js";
import type { Handler } from "./handlers/handler.js";
import { generatedOperations } from "./operations.js";
import type { ServiceState } from "./state.js";

/** The parts of an HTTP request the protocol reads. */
export interface WireRequest {
  readonly target: string | undefined;
  readonly contentType: string | undefined;
  readonly authorization: string | undefined;
  readonly body: string;
}

/** What to answer: a status and a JSON body, plus the error name for `X-Amzn-ErrorType`. */
export interface WireResponse {
  readonly status: number;
  readonly body: string;
  readonly errorType?: string;
}

/**
 * The awsJson1_1 side of the local service, driven by the generated operation definitions:
 * `X-Amz-Target` picks the operation, its auth decides whether a signature is required, its
 * input schema parses and validates the body, and its output schema writes the answer. Only
 * the handlers, the service's behaviour, are written by hand.
 */
export class Dispatcher {
  private readonly operations: ReadonlyMap<string, OperationDefinition>;
  /** The operations the model lets anyone call, named in the answer to unsigned requests. */
  private readonly anonymous: string;

  constructor(
    private readonly handlers: Readonly<Record<string, Handler<any, unknown>>>,
    operations: ReadonlyMap<string, OperationDefinition> = generatedOperations(),
  ) {
    const missing = [...operations.keys()].filter((name) => !Object.hasOwn(handlers, name));
    const unknown = Object.keys(handlers).filter((name) => !operations.has(name));
    if (missing.length > 0 || unknown.length > 0 || operations.size === 0) {
      throw new Error(
        `The local service and the model disagree: no handler for [${missing.join(", ")}], ` +
          `no operation for [${unknown.join(", ")}].`,
      );
    }
    this.operations = operations;
    const names = [...operations.values()]
      .filter((op) => op.auth === undefined)
      .map((op) => op.name);
    this.anonymous = names.join(", ");
  }

  dispatch(request: WireRequest, state: ServiceState): WireResponse {
    try {
      const operation = this.operationFor(request);
      if (operation.auth !== undefined) {
        checkSigned(request.authorization, operation, state.region, this.anonymous);
      }
      const parsed = parseBody(request.body);
      const violations = validate(operation.input, parsed);
      if (violations.length > 0) {
        const count = `${violations.length} validation error${violations.length === 1 ? "" : "s"}`;
        throw invalidParameter(
          `${count} detected: ${violations.map(describeViolation).join("; ")}`,
        );
      }
      const input = fromWire(parsed, operation.input);
      const output = this.handlers[operation.name]!(input, state);
      return { status: 200, body: JSON.stringify(toWire(output ?? {}, operation.output)) };
    } catch (error) {
      return errorResponse(
        error instanceof ServiceError
          ? error
          : modeledError(
              "InternalErrorException",
              `The local service failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
      );
    }
  }

  private operationFor(request: WireRequest): OperationDefinition {
    const [prefix, name, ...rest] = (request.target ?? "").split(".");
    const operation = name === undefined ? undefined : this.operations.get(name);
    if (!operation || rest.length > 0 || prefix !== operation.service.targetPrefix) {
      throw protocolError(
        "UnknownOperationException",
        `X-Amz-Target ${JSON.stringify(request.target ?? "")} names no operation of this service.`,
      );
    }
    const expected = `application/x-amz-json-${operation.service.jsonVersion}`;
    const mediaType = request.contentType?.split(";")[0]?.trim().toLowerCase();
    if (mediaType !== expected) {
      throw protocolError(
        "UnknownOperationException",
        `Content-Type must be ${expected}, not ${JSON.stringify(request.contentType ?? "")}.`,
      );
    }
    return operation;
  }
}

/** An error as awsJson1_1 sends it: the bare shape name in `__type` and in the header. */
export function errorResponse(error: ServiceError): WireResponse {
  return {
    status: error.status,
    body: JSON.stringify({ __type: error.code, message: error.message }),
    errorType: error.code,
  };
}

const SIGV4_CREDENTIAL =
  /^AWS4-HMAC-SHA256 Credential=[^/\s,]+\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request[,\s]/;

/**
 * Signed operations need a SigV4 `Authorization` header scoped to this service and region.
 * The signature itself is not checked: the local service knows no secret keys.
 */
function checkSigned(
  authorization: string | undefined,
  operation: OperationDefinition,
  region: string,
  anonymous: string,
): void {
  if (!authorization) {
    throw notAuthorized(
      `Missing authentication token: ${operation.name} must be signed with SigV4 ` +
        `(only ${anonymous} may be sent unsigned).`,
    );
  }
  const scope = SIGV4_CREDENTIAL.exec(authorization);
  if (!scope) throw notAuthorized("The Authorization header is not a SigV4 signature.");
  const [, scopeRegion, scopeService] = scope;
  if (scopeService !== operation.service.signingName || scopeRegion !== region) {
    throw notAuthorized(
      `The credential is scoped to ${scopeService} in ${scopeRegion}; this service is ` +
        `${operation.service.signingName} in ${region}.`,
    );
  }
}

/** The request body as a JSON object; an empty body counts as `{}`. */
function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw protocolError("SerializationException", "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw protocolError("SerializationException", "The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}
