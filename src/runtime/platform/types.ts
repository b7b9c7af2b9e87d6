import type { AwsCredentialIdentityProvider } from "@smithy/types";

/**
 * What differs between runtimes. `#platform` resolves to the Node module under the `node`
 * condition and to the browser module everywhere else, so browser bundles never see the Node
 * credential chain or the shared config files.
 */
export interface Platform {
  /** Credentials when the `credentials` option is not given. */
  defaultCredentials(): AwsCredentialIdentityProvider;
  /** The region when neither the option nor AWS_REGION/AWS_DEFAULT_REGION gives one. */
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
