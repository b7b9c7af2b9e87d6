import type { Endpoint, Provider } from "@smithy/types";
import { once, readBooleanEnv, readEnv } from "./env.js";
import { ConfigurationError } from "./errors.js";
import type { ServiceDefinition } from "./operation.js";

type Flag = boolean | Provider<boolean> | undefined;

type ParameterValues = Readonly<Record<string, string | boolean | undefined>>;

/** Endpoint rules as the generator compiles them: parameters plus a function over them. */
export interface CompiledEndpointRules<F extends Record<string, (...args: any[]) => any>> {
  readonly parameters: Readonly<
    Record<string, { readonly builtIn?: string; readonly required?: boolean }>
  >;
  /** The standard functions the compiled rules call; tests may pass others. */
  readonly functions: F;
  /** Returns the endpoint URL, or throws what `fail` makes of the rule set's error. */
  resolve(
    params: ParameterValues,
    functions: { readonly [K in keyof F]: (...args: any[]) => any },
    fail: (message: string) => Error,
  ): unknown;
}

/** Different parameter sets a client remembers endpoints for; beyond it the oldest go. */
const CACHE_SIZE = 50;

/** The options that choose the endpoint. */
export interface EndpointConfig {
  /**
   * Use the FIPS 140 validated endpoint of the region.
   * @default the `AWS_USE_FIPS_ENDPOINT` environment variable (Node), else false
   */
  useFipsEndpoint?: Flag;
  /**
   * Use the endpoint that answers over IPv6 as well as IPv4.
   * @default the `AWS_USE_DUALSTACK_ENDPOINT` environment variable (Node), else false
   */
  useDualstackEndpoint?: Flag;
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
 * parameters by the rules resolver.
 */
export function resolveEndpointConfig(
  service: ServiceDefinition,
  config: EndpointConfig & { readonly region?: unknown },
  region: () => Promise<string | undefined>,
): () => Promise<URL> {
  const rules = service.endpointRules;
  const cache = new Map<string, URL>();
  const useFips = flag(config.useFipsEndpoint, "AWS_USE_FIPS_ENDPOINT");
  const useDualstack = flag(config.useDualstackEndpoint, "AWS_USE_DUALSTACK_ENDPOINT");
  const custom = customEndpoint(service, config.endpoint);
  // Rule set parameters are bound to configuration through their builtIn names.
  const builtIns: Record<string, () => Promise<string | boolean | undefined>> = {
    "AWS::Region": region,
    "AWS::UseFIPS": useFips,
    "AWS::UseDualStack": useDualstack,
    "SDK::Endpoint": custom,
  };
  const bindings = Object.entries(rules.parameters).flatMap(([name, def]) => {
    const read = def.builtIn ? builtIns[def.builtIn] : undefined;
    return read ? [[name, read] as const] : [];
  });
  const resolve = async () => {
    const params: Record<string, string | boolean | undefined> = {};
    for (const [name, read] of bindings) params[name] = await read();
    const key = JSON.stringify(params, Object.keys(params).sort());
    let url = cache.get(key);
    if (url === undefined) {
      // The rule set's own words, such as "Invalid Configuration: Missing Region".
      const href = rules.resolve(
        params,
        rules.functions,
        (m) => new ConfigurationError("endpoint", m),
      );
      url = new URL(String(href));
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, url);
    }
    return url;
  };
  // With no provider function among the options, the parameters never change: resolve once.
  const fixed = [
    config.region,
    config.useFipsEndpoint,
    config.useDualstackEndpoint,
    config.endpoint,
  ];
  const endpoint = fixed.some((option) => typeof option === "function") ? resolve : once(resolve);
  // A copy, so a caller that changes the URL cannot change the cache.
  return async () => new URL(await endpoint());
}

function flag(option: Flag, variable: string): () => Promise<boolean> {
  if (typeof option === "function") return option;
  return once(async () => option ?? readBooleanEnv(variable) ?? false);
}

function customEndpoint(
  service: ServiceDefinition,
  option: EndpointConfig["endpoint"],
): () => Promise<string | undefined> {
  if (option !== undefined) {
    const read = typeof option === "function" ? option : async () => option;
    return async () => endpointString(await read(), "endpoint");
  }
  // The service-specific variable is named after the SDK id: `Foo Bar` reads AWS_ENDPOINT_URL_FOO_BAR.
  const serviceVariable = `AWS_ENDPOINT_URL_${service.sdkId.toUpperCase().replace(/[\s-]+/g, "_")}`;
  return once(async () => {
    if (readBooleanEnv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) return undefined;
    for (const variable of [serviceVariable, "AWS_ENDPOINT_URL"]) {
      const value = readEnv(variable);
      if (value !== undefined) return endpointString(value, variable);
    }
    return undefined;
  });
}

/** The endpoint as the URL string the rules take, checked so a typo fails clearly. */
function endpointString(value: string | URL | Endpoint, source: string): string {
  if (value instanceof URL) return value.href;
  if (typeof value === "string") {
    try {
      new URL(value);
    } catch {
      throw new ConfigurationError(source, `${source} "${value}" is not a valid URL.`);
    }
    return value;
  }
  const port = value.port ? `:${value.port}` : "";
  const protocol = value.protocol.endsWith(":") ? value.protocol : `${value.protocol}:`;
  return endpointString(`${protocol}//${value.hostname}${port}${value.path ?? "/"}`, source);
}
