import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  ChecksumConstructor,
  HashConstructor,
  Provider,
} from "@smithy/types";
import { platform } from "#platform";
import { type EndpointConfig, resolveEndpointConfig } from "./endpoint.js";
import { ConfigurationError } from "./errors.js";
import { once } from "./once.js";
import type { ServiceDefinition } from "./operation.js";
import {
  type ResolvedRetryConfig,
  type RetryClientConfig,
  resolveRetryConfig,
} from "./retry/config.js";
import type { SafeguardsConfig } from "./safeguards.js";
import { FetchRequestHandler, type RequestHandlerLike } from "./transport/fetch.js";
import { type CustomUserAgent, userAgentHeader } from "./user-agent.js";

/** The options every generated client accepts. */
export interface ClientConfig extends EndpointConfig, SafeguardsConfig, RetryClientConfig {
  /**
   * The AWS Region to send requests to and sign them for, such as `eu-west-1`.
   * @default `AWS_REGION`, then `AWS_DEFAULT_REGION`, then (Node) the profile's `region` in
   * the shared config file
   */
  region?: string | Provider<string> | undefined;
  /**
   * Credentials for the operations that are signed with SigV4: an object, or an async
   * function returning one (any `@smithy/types` `AwsCredentialIdentityProvider`).
   * Operations that the service allows anonymously never use them.
   * @default Node: the standard AWS credential chain (environment, shared files and profiles,
   * SSO, process, web identity, container, instance metadata), loaded on first use;
   * elsewhere none
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  /**
   * The SHA-256 that signed operations hash and sign with: a `@smithy/types`
   * `ChecksumConstructor` or `HashConstructor`, such as `Sha256` of `@aws-crypto/sha256-js`.
   * Needed only where the runtime has none: a browser page served over plain http:// (not
   * localhost) has no WebCrypto.
   * @default Node: `node:crypto`; browsers: WebCrypto; other runtimes: `@aws-crypto/sha256-js`
   */
  sha256?: ChecksumConstructor | HashConstructor | undefined;
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
  /**
   * Sections appended to the user agent, such as `"my-app/1.2"` or `[["my-app", "1.2"]]`.
   */
  customUserAgent?: CustomUserAgent | undefined;
}

/** The configuration as the runtime uses it: every option turned into something callable. */
export interface ResolvedClientConfig extends ResolvedRetryConfig {
  readonly apiVersion: string;
  readonly requestHandler: RequestHandlerLike;
  /** The region for signing: rejects with a ConfigurationError when there is none. */
  readonly region: () => Promise<string>;
  readonly credentials: () => Promise<AwsCredentialIdentity>;
  /** The `sha256` option; signing uses the platform's own when it is not given. */
  readonly sha256: ChecksumConstructor | HashConstructor | undefined;
  readonly endpoint: () => Promise<URL>;
  readonly validateInput: boolean;
  /** The user agent header's name and value. */
  readonly userAgent: readonly [string, string];
  /** Per-client state that auth schemes reuse between requests (signers, keys). */
  readonly authCache: Map<string, unknown>;
}

export function resolveClientConfig(
  service: ServiceDefinition,
  config: ClientConfig,
): ResolvedClientConfig {
  const { region: regionOption, credentials } = config;
  // Read once per client and only when needed: in Node, the environment or the config file.
  const region =
    typeof regionOption === "function"
      ? regionOption
      : once(async () => regionOption || platform.defaultRegion?.());
  return {
    apiVersion: service.version,
    requestHandler: config.requestHandler ?? new FetchRequestHandler(),
    region: async () => {
      const value = await region();
      if (value) return value;
      throw new ConfigurationError(
        "region",
        "No region is configured: pass the `region` option (such as `us-east-1`) or set AWS_REGION.",
      );
    },
    credentials:
      typeof credentials === "function"
        ? credentials
        : credentials
          ? async () => credentials
          : platform.defaultCredentials(),
    sha256: config.sha256,
    endpoint: resolveEndpointConfig(service, config, region),
    validateInput: config.validateInput ?? true,
    userAgent: userAgentHeader(service, config.customUserAgent),
    authCache: new Map(),
    ...resolveRetryConfig(config),
  };
}
