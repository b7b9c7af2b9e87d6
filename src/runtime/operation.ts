import type { AuthScheme } from "./auth/scheme.js";
import type { CompiledEndpointRules } from "./endpoint.js";
import type { ModeledErrorClass, ServiceErrorClass } from "./errors.js";
import type { StructureSchema } from "./schema.js";

/** What the runtime knows about a service: emitted once per service by the code generator. */
export interface ServiceDefinition {
  /** The SDK id of the service, such as `Weather Service`. */
  readonly sdkId: string;
  /** The name of the generated client class, reported to middleware as `clientName`. */
  readonly clientName: string;
  /** The API version, such as `2014-06-30`. */
  readonly version: string;
  /** `1.0` or `1.1`: the AWS JSON protocol version. */
  readonly jsonVersion: "1.0" | "1.1";
  /** The prefix of `X-Amz-Target`: the service shape's name. */
  readonly targetPrefix: string;
  /** The SigV4 signing name. */
  readonly signingName: string;
  /** The service's endpoint rules, compiled from the model's rule set by the generator. */
  readonly endpointRules: CompiledEndpointRules;
  /** The first section of the user agent: the package name and version. */
  readonly clientUserAgent: string;
  /** The service's base exception, used for error names the model does not list. */
  readonly baseError: ServiceErrorClass;
  /** Every modelled error of the service, by shape name. */
  readonly errors: Readonly<Record<string, ModeledErrorClass>>;
  /**
   * The schemas of the modelled errors with members besides `message`, by shape name. Most
   * errors carry only the message, which needs no schema: leaving those out keeps bundles small.
   */
  readonly errorSchemas?: Readonly<Record<string, StructureSchema>>;
}

/** What the runtime knows about one operation. */
export interface OperationDefinition {
  readonly service: ServiceDefinition;
  /** The operation's shape name, such as `GetForecast`. */
  readonly name: string;
  readonly input: StructureSchema;
  readonly output: StructureSchema;
  /** The scheme that authenticates the request, or undefined when it is sent anonymously. */
  readonly auth: AuthScheme | undefined;
  /**
   * True for `@readonly` and `@idempotent` operations: a request that may have reached the
   * service (a timeout, a dropped connection, a 5xx) can be sent again without doing twice
   * what was meant once. Absent means false.
   */
  readonly retrySafe?: boolean | undefined;
}
