import { ConfigurationError } from "../errors.js";
import type { Environment } from "./types.js";

/** The variables behind the flag options. */
const FLAG_VARIABLES = {
  useFipsEndpoint: "AWS_USE_FIPS_ENDPOINT",
  useDualstackEndpoint: "AWS_USE_DUALSTACK_ENDPOINT",
};

/**
 * The AWS environment variables a client reads, for runtimes that have them (Node, and Deno
 * and Bun, which resolve the `node` condition). Browser bundles never carry this module.
 */
export const environment: Environment = {
  flag: (option) => readFlag(FLAG_VARIABLES[option]),

  endpointUrl(sdkId) {
    if (readFlag("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) return undefined;
    // The service-specific variable is named after the SDK id: `Foo Bar` reads AWS_ENDPOINT_URL_FOO_BAR.
    const serviceVariable = `AWS_ENDPOINT_URL_${sdkId.toUpperCase().replace(/[\s-]+/g, "_")}`;
    for (const variable of [serviceVariable, "AWS_ENDPOINT_URL"]) {
      const value = readEnv(variable);
      if (value !== undefined) return { variable, value };
    }
    return undefined;
  },
};

/** AWS_REGION, then AWS_DEFAULT_REGION. */
export function environmentRegion(): string | undefined {
  return readEnv("AWS_REGION") || readEnv("AWS_DEFAULT_REGION");
}

/** A `true`/`false` variable; any other value is a `ConfigurationError`. */
function readFlag(name: string): boolean | undefined {
  const value = readEnv(name);
  const lower = value?.toLowerCase();
  if (lower !== undefined && lower !== "true" && lower !== "false") {
    throw new ConfigurationError(name, `${name} must be "true" or "false", not "${value}".`);
  }
  return lower === undefined ? undefined : lower === "true";
}

/** An environment variable, read at call time; an empty one counts as unset. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  return env?.[name] || undefined;
}
