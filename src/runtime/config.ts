import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  Endpoint,
  Provider,
} from "@smithy/types";
import { readEnv } from "./env.js";
import { ConfigurationError } from "./errors.js";
import type { ServiceDefinition } from "./operation.js";
import {
  type ResolvedRetryConfig,
  type RetryClientConfig,
  resolveRetryConfig,
} from "./retry/config.js";
import { FetchRequestHandler, type RequestHandlerLike } from "./transport/fetch.js";

/** The options every generated client accepts. */
export interface ClientConfig extends RetryClientConfig {
  /**
   * The AWS Region to send requests to and sign them for, such as `eu-west-1`.
   * @default the `AWS_REGION` or `AWS_DEFAULT_REGION` environment variable (Node only)
   */
  region?: string | Provider<string> | undefined;
  /**
   * Credentials for the operations that are signed with SigV4: an object, or an async
   * function returning one (any `@smithy/types` `AwsCredentialIdentityProvider`).
   * Operations that the service allows anonymously never use them.
   * @default `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` (Node only)
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  /**
   * A custom endpoint URL that replaces the service's regional endpoint, for example a
   * local test server.
   */
  endpoint?: string | URL | Endpoint | Provider<string | URL | Endpoint> | undefined;
  /**
   * Sends the HTTP requests. Anything with the `handle(request, { abortSignal })` contract of
   * `@smithy/types` `RequestHandler` works, such as `NodeHttpHandler` from the AWS SDK.
   * @default a handler built on the global `fetch`
   */
  requestHandler?: RequestHandlerLike | undefined;
  /**
   * Checks every input against the model (required members, lengths, ranges, patterns, list
   * and map sizes) before anything is sent, and rejects with a `ValidationError` listing every
   * problem. Turn it off only to let the service be the judge.
   * @default true
   */
  validateInput?: boolean | undefined;
}

/** The configuration as the runtime uses it: every option turned into something callable. */
export interface ResolvedClientConfig extends ResolvedRetryConfig {
  readonly apiVersion: string;
  readonly requestHandler: RequestHandlerLike;
  readonly region: () => Promise<string>;
  readonly credentials: () => Promise<AwsCredentialIdentity>;
  readonly endpoint: () => Promise<URL>;
  readonly validateInput: boolean;
  /** Per-client state that auth schemes reuse between requests (signers, keys). */
  readonly authCache: Map<string, unknown>;
}

export function resolveClientConfig(
  service: ServiceDefinition,
  config: ClientConfig,
): ResolvedClientConfig {
  const region = resolveRegion(config.region);
  return {
    apiVersion: service.version,
    requestHandler: config.requestHandler ?? new FetchRequestHandler(),
    region,
    credentials: resolveCredentials(config.credentials),
    endpoint: resolveEndpoint(service, config.endpoint, region),
    validateInput: config.validateInput ?? true,
    authCache: new Map(),
    ...resolveRetryConfig(config),
  };
}

function resolveRegion(option: ClientConfig["region"]): () => Promise<string> {
  if (typeof option === "function") return option;
  return async () => {
    const region = option ?? readEnv("AWS_REGION") ?? readEnv("AWS_DEFAULT_REGION");
    if (!region) {
      throw new ConfigurationError(
        "region",
        "No region is configured: pass the `region` option (such as `us-east-1`) or set AWS_REGION.",
      );
    }
    return region;
  };
}

function resolveCredentials(
  option: ClientConfig["credentials"],
): () => Promise<AwsCredentialIdentity> {
  if (typeof option === "function") return option;
  if (option) return async () => option;
  return async () => {
    const accessKeyId = readEnv("AWS_ACCESS_KEY_ID");
    const secretAccessKey = readEnv("AWS_SECRET_ACCESS_KEY");
    if (!accessKeyId || !secretAccessKey) {
      throw new ConfigurationError(
        "credentials",
        "This operation is signed with SigV4 and no credentials are configured: pass the " +
          "`credentials` option or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
      );
    }
    const sessionToken = readEnv("AWS_SESSION_TOKEN");
    return sessionToken
      ? { accessKeyId, secretAccessKey, sessionToken }
      : { accessKeyId, secretAccessKey };
  };
}

function resolveEndpoint(
  service: ServiceDefinition,
  option: ClientConfig["endpoint"],
  region: () => Promise<string>,
): () => Promise<URL> {
  if (option === undefined) {
    return async () =>
      new URL(`https://${service.endpointPrefix}.${await region()}.amazonaws.com/`);
  }
  const read = typeof option === "function" ? option : async () => option;
  return async () => toUrl(await read());
}

function toUrl(value: string | URL | Endpoint): URL {
  if (value instanceof URL) return value;
  if (typeof value === "string") {
    try {
      return new URL(value);
    } catch {
      throw new ConfigurationError("endpoint", `The endpoint "${value}" is not a valid URL.`);
    }
  }
  const port = value.port ? `:${value.port}` : "";
  const protocol = value.protocol.endsWith(":") ? value.protocol : `${value.protocol}:`;
  return toUrl(`${protocol}//${value.hostname}${port}${value.path ?? "/"}`);
}
