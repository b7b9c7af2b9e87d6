import { ConfigurationError } from "../errors.js";
import type { Platform } from "./types.js";

/** Browsers and other runtimes without Node: no credential chain, no config files. */
export const platform: Platform = {
  defaultCredentials: () => async () => {
    throw new ConfigurationError(
      "credentials",
      "This operation is signed with SigV4 and no credentials are configured: pass the " +
        "`credentials` option, for example the identity-pool provider of this package's " +
        "`credentials` entry point.",
    );
  },
  userAgent: () => ["x-amz-user-agent", "md/browser"],
};
