import type { AwsCredentialIdentityProvider } from "@smithy/types";

/**
 * What differs between runtimes. `#platform` resolves to the Node module under the `node`
 * condition and to the browser module everywhere else, so browser bundles never see the Node
 * credential chain or the shared config files.
 */
export interface Platform {
  /** Credentials when the `credentials` option is not given. */
  defaultCredentials(): AwsCredentialIdentityProvider;
  /** The region when the option gives none; browsers have no default. */
  defaultRegion?(): Promise<string | undefined>;
  /** Where the runtime has environment variables, the settings they give. */
  readonly environment?: Environment;
  /**
   * The error codes of sockets, which only Node gives: those of connections that failed before
   * any of the request was sent, and those of connections that may have carried it. Elsewhere
   * a failure without a response counts as one that may have reached the service.
   */
  readonly socketCodes?: {
    readonly notSent: ReadonlySet<string>;
    readonly sentUnknown: ReadonlySet<string>;
  };
  /**
   * The user agent header to send and the runtime's section of it, such as `md/nodejs#20.1.0`.
   * Browsers get `x-amz-user-agent`, since scripts cannot replace a browser's User-Agent.
   */
  userAgent(): readonly [header: string, runtime: string];
}

/** Settings read from environment variables; each is undefined when its variables are unset. */
export interface Environment {
  /**
   * The variable behind a flag option: AWS_USE_FIPS_ENDPOINT or AWS_USE_DUALSTACK_ENDPOINT,
   * `true` or `false`; any other value is a `ConfigurationError`.
   */
  flag(option: "useFipsEndpoint" | "useDualstackEndpoint"): boolean | undefined;
  /** AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS. */
  endpointUrl(sdkId: string): { readonly variable: string; readonly value: string } | undefined;
}
