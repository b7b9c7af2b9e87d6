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
}
