import { ConfigurationError } from "../errors.js";
import type { Platform } from "./types.js";

/** Browsers and other runtimes without Node: no credential chain, no config files. */
export const platform: Platform = {
  defaultCredentials: () => async () => {
    throw new ConfigurationError(
      "credentials",
      "No credentials for this signed operation: pass the `credentials` option, such as the " +
        "identity-pool provider of this package's `credentials` entry point.",
    );
  },
  userAgent: () => ["x-amz-user-agent", "md/browser"],
};
