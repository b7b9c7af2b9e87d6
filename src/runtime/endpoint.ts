import type { Endpoint, Provider } from "@smithy/types";
import { platform } from "#platform";
import { ConfigurationError } from "./errors.js";
import { once } from "./once.js";
import type { ServiceDefinition } from "./operation.js";
import { requestUrl } from "./transport/fetch.js";

/** Endpoint rules as the generator compiles them. */
export interface CompiledEndpointRules {
  /** The parameters bound to configuration, each to the name of its `builtIn`. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Returns the endpoint URL, or throws what `fail` makes of the rule set's error. */
  resolve(params: Readonly<Record<string, unknown>>, fail: (message: string) => Error): string;
}

/** Different parameter sets a client remembers endpoints for; beyond it the oldest go. */
const CACHE_SIZE = 50;

/** The options that choose the endpoint. */
export interface EndpointConfig {
  /**
   * Use the FIPS 140 validated endpoint of the region.
   * @default the `AWS_USE_FIPS_ENDPOINT` environment variable (Node), else false
   */
  useFipsEndpoint?: boolean | Provider<boolean> | undefined;
  /**
   * Use the endpoint that answers over IPv6 as well as IPv4.
   * @default the `AWS_USE_DUALSTACK_ENDPOINT` environment variable (Node), else false
   */
  useDualstackEndpoint?: boolean | Provider<boolean> | undefined;
  /**
   * A custom endpoint URL that replaces the service's regional endpoint, for example a
   * local test server.
   * @default `AWS_ENDPOINT_URL_<SERVICE>` then `AWS_ENDPOINT_URL` (Node; both ignored when
   * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true), else the endpoint the service's rules give
   */
  endpoint?: string | URL | Endpoint | Provider<string | URL | Endpoint> | undefined;
}

/**
 * Builds the function that gives the endpoint of a request: the service's endpoint rules
 * evaluated with the region, the flags and the custom endpoint, each taken from the option,
 * then (Node) the environment, then the default. Results are cached per distinct set of
 * parameters.
 */
export function resolveEndpointConfig(
  service: ServiceDefinition,
  config: EndpointConfig & { readonly region?: unknown },
  region: () => Promise<string | undefined>,
): () => Promise<URL> {
  const { parameters, resolve } = service.endpointRules;
  const { endpoint: custom } = config;
  const flag = (name: "useFipsEndpoint" | "useDualstackEndpoint") => {
    const option = config[name];
    return typeof option === "function"
      ? option
      : once(async () => option ?? platform.environment?.flag(name) ?? false);
  };
  // Rule set parameters are bound to configuration through their builtIn names.
  const builtIns: Record<string, () => Promise<string | boolean | undefined>> = {
    "AWS::Region": region,
    "AWS::UseFIPS": flag("useFipsEndpoint"),
    "AWS::UseDualStack": flag("useDualstackEndpoint"),
    // The option, else (Node, read once) `AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL`.
    "SDK::Endpoint":
      custom === undefined
        ? once(async () => {
            const configured = platform.environment?.endpointUrl(service.sdkId);
            return configured && endpointString(configured.value, configured.variable);
          })
        : async () =>
            endpointString(await (typeof custom === "function" ? custom() : custom), "endpoint"),
  };
  const cache = new Map<string, URL>();
  const lookup = async () => {
    const params: Record<string, string | boolean | undefined> = {};
    for (const [name, builtIn] of Object.entries(parameters)) {
      params[name] = await builtIns[builtIn]?.();
    }
    // Parameters come in the same order every time, so equal sets give equal keys.
    const key = JSON.stringify(params);
    let url = cache.get(key);
    if (!url) {
      // The rule set's own words, such as "Invalid Configuration: Missing Region".
      url = new URL(resolve(params, (message) => new ConfigurationError("endpoint", message)));
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, url);
    }
    return url;
  };
  // With no provider function among the options, the parameters never change: look up once.
  const options = [config.region, config.useFipsEndpoint, config.useDualstackEndpoint, custom];
  const endpoint = options.some((option) => typeof option === "function") ? lookup : once(lookup);
  // A copy, so a caller that changes the URL cannot change the cache.
  return async () => new URL(await endpoint());
}

/** The endpoint as the URL string the rules take, checked so a typo fails clearly. */
function endpointString(value: string | URL | Endpoint, source: string): string {
  const text =
    typeof value === "string" || value instanceof URL ? String(value) : requestUrl(value);
  try {
    new URL(text);
  } catch {
    throw new ConfigurationError(source, `${source} "${text}" is not a valid URL.`);
  }
  return text;
}
