import type { AwsCredentialIdentityProvider } from "@smithy/types";

/**
 * What differs between runtimes. `#platform` resolves to the Node module under the `node`
 * condition and to the browser module everywhere else, so browser bundles never see the Node
 * credential chain or the shared config files.
 */
export interface Platform {
  /** Credentials when the `credentials` option is not given. */
  defaultCredentials(): AwsCredentialIdentityProvider;
  /** Where the runtime has environment variables, the settings they give. */
  readonly environment?: Environment;
  /** The region when neither the option nor the environment gives one. */
  defaultRegion(): Promise<string | undefined>;
  /**
   * The error codes of sockets, which only Node gives: those of connections that failed before
   * any of the request was sent, and those of connections that may have carried it. Elsewhere
   * a failure without a response counts as one that may have reached the service.
   */
  readonly socketCodes?: {
    readonly notSent: ReadonlySet<string>;
    readonly sentUnknown: ReadonlySet<string>;
  };
}

/** Settings read from environment variables; each is undefined when its variables are unset. */
export interface Environment {
  /** AWS_REGION, then AWS_DEFAULT_REGION. */
  region(): string | undefined;
  /** A `true`/`false` variable; any other value is a `ConfigurationError`. */
  flag(name: string): boolean | undefined;
  /** AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS. */
  endpointUrl(sdkId: string): { readonly variable: string; readonly value: string } | undefined;
}
