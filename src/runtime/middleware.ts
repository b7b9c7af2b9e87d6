import type {
  BuildMiddleware,
  DeserializeMiddleware,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  HttpRequest,
  HttpResponse,
  InitializeMiddleware,
  MetadataBearer,
  SerializeMiddleware,
} from "@smithy/types";
import type { ResolvedClientConfig } from "./config.js";
import type { OperationDefinition } from "./operation.js";
import {
  deserializeError,
  deserializeOutput,
  readBody,
  responseMetadata,
  serializeRequest,
} from "./protocol.js";
import { ValidationError, validate } from "./validate.js";

/** The execution context of a call, with the operation the command put there. */
export interface OperationContext extends HandlerExecutionContext {
  operation: OperationDefinition;
}

/**
 * Step `initialize`: rejects input that breaks the model's rules before anything is sent.
 * Needs no configuration, so every client shares this one function.
 */
export const validationMiddleware: InitializeMiddleware<object, MetadataBearer> =
  (next, context) => async (args) => {
    const { operation } = context as OperationContext;
    const violations = validate(operation.input, args.input);
    if (violations.length > 0) throw new ValidationError(operation.name, violations);
    return next(args);
  };

/** Step `serialize`: turns the command input into an HTTP request for the endpoint. */
export function serializeMiddleware(
  config: ResolvedClientConfig,
): SerializeMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const { operation } = context as OperationContext;
    const endpoint = await config.endpoint();
    const request = serializeRequest(operation, args.input, endpoint);
    return next({ ...args, request });
  };
}

/** Step `build`: says who sent the request. */
export function userAgentMiddleware(
  config: ResolvedClientConfig,
): BuildMiddleware<object, MetadataBearer> {
  const [name, value] = config.userAgent;
  return (next) => async (args) => {
    const request = args.request as HttpRequest;
    request.headers[name] = value;
    return next(args);
  };
}

/**
 * Step `finalizeRequest`: hands each attempt of an operation that has an auth scheme to the
 * scheme, which signs and sends it.
 */
export function signingMiddleware(
  config: ResolvedClientConfig,
): FinalizeRequestMiddleware<object, MetadataBearer> {
  return (next, context) => async (args) => {
    const { auth } = (context as OperationContext).operation;
    return auth ? auth.send(args, next, context as OperationContext, config) : next(args);
  };
}

/** Step `deserialize`: parses the response into the output, or throws the typed error. */
export const deserializeMiddleware: DeserializeMiddleware<object, MetadataBearer> =
  (next, context) => async (args) => {
    const { operation } = context as OperationContext;
    const result = await next(args);
    const response = result.response as HttpResponse;
    const body = await readBody(response.body);
    const metadata = responseMetadata(response);
    if (response.statusCode >= 200 && response.statusCode < 300) {
      return { response, output: deserializeOutput(operation, body, metadata) as MetadataBearer };
    }
    throw deserializeError(operation, response, body, metadata);
  };
