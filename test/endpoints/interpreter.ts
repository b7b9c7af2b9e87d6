/**
 * A small interpreter for Smithy endpoint rule sets (rules engine version 1.0): it walks
 * the rule tree as data, so any service's rule set can be passed in as plain JSON. The client
 * runs rules the generator compiled into code; this is the independent reference the tests
 * hold the compiled rules against.
 */
import {
  awsPartition,
  booleanEquals,
  getAttr,
  isSet,
  isValidHostLabel,
  not,
  parseURL,
  stringEquals,
  substring,
  uriEncode,
} from "../../src/runtime/endpoints/functions.js";
import {
  createPartitionLookup,
  type PartitionData,
  type PartitionLookup,
} from "./partition-data.js";

export { getAttr };

export type ParameterValue = string | boolean | readonly string[];

export interface ParameterDefinition {
  /** `string`, `boolean` or `stringArray` (older rule sets capitalise the first letter). */
  readonly type: string;
  readonly builtIn?: string;
  readonly required?: boolean;
  readonly default?: ParameterValue;
  readonly documentation?: string;
  readonly deprecated?: { readonly message?: string; readonly since?: string };
}

export interface Reference {
  readonly ref: string;
}

export interface FunctionCall {
  readonly fn: string;
  readonly argv: readonly Expression[];
}

/** Strings are templates; objects other than references and calls only occur in properties. */
export type Expression =
  | string
  | boolean
  | number
  | Reference
  | FunctionCall
  | readonly Expression[]
  | { readonly [key: string]: Expression };

export interface Condition extends FunctionCall {
  readonly assign?: string;
}

interface RuleBase {
  readonly conditions?: readonly Condition[];
  readonly documentation?: string;
}

export interface EndpointRule extends RuleBase {
  readonly type: "endpoint";
  readonly endpoint: {
    readonly url: Expression;
    readonly headers?: { readonly [name: string]: readonly Expression[] };
    readonly properties?: { readonly [name: string]: Expression };
  };
}

export interface ErrorRule extends RuleBase {
  readonly type: "error";
  readonly error: Expression;
}

export interface TreeRule extends RuleBase {
  readonly type: "tree";
  readonly rules: readonly Rule[];
}

export type Rule = EndpointRule | ErrorRule | TreeRule;

export interface EndpointRuleSet {
  readonly version: string;
  readonly serviceId?: string;
  readonly parameters: { readonly [name: string]: ParameterDefinition };
  readonly rules: readonly Rule[];
}

/** What endpoint properties can hold (the same shape as `EndpointObjectProperty` in `@smithy/types`). */
export type EndpointPropertyValue =
  | string
  | boolean
  | EndpointPropertyValue[]
  | { [key: string]: EndpointPropertyValue };

export interface ResolvedEndpoint {
  url: URL;
  headers: Record<string, string[]>;
  properties: Record<string, EndpointPropertyValue>;
}

/** Parameter values keyed by the rule set's parameter names; `undefined` means unset. */
export type EndpointParameters = { readonly [name: string]: ParameterValue | null | undefined };

/**
 * Every failure of endpoint resolution. For an error rule the message is the rule set's
 * own error string, verbatim (after template substitution); other messages come from here.
 */
export class EndpointResolutionError extends Error {
  override name = "EndpointResolutionError";
}

/** Functions receive evaluated arguments; returning null/undefined/false fails a condition. */
export type EndpointFunction = (...args: any[]) => unknown;
export type EndpointFunctions = { readonly [name: string]: EndpointFunction };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The rules engine standard library, plus `aws.partition` over the built-in data. */
export const standardFunctions: EndpointFunctions = {
  isSet,
  not,
  booleanEquals,
  stringEquals,
  getAttr,
  "aws.partition": awsPartition,
  substring,
  uriEncode,
  isValidHostLabel,
  parseURL,
};

export interface ResolverOptions {
  /** Partition data for `aws.partition`; defaults to the built-in data. */
  readonly partitions?: readonly PartitionData[];
  /** Extra or replacement functions, merged over the standard ones. */
  readonly functions?: EndpointFunctions;
  /**
   * Distinct parameter sets whose results are kept (least recently used goes first).
   * `0` turns caching off.
   * @default 50
   */
  readonly cacheSize?: number;
}

type Scope = Map<string, unknown>;

function buildFunctions(options: ResolverOptions): EndpointFunctions {
  if (!options.partitions && !options.functions) return standardFunctions;
  const extra: Record<string, EndpointFunction> = {};
  if (options.partitions) {
    const lookup: PartitionLookup = createPartitionLookup(options.partitions);
    extra["aws.partition"] = (region: string) => lookup(region);
  }
  return { ...standardFunctions, ...extra, ...options.functions };
}

function lookup(scope: Scope, name: string): unknown {
  if (!scope.has(name)) {
    throw new EndpointResolutionError(`Rule set references unknown name "${name}"`);
  }
  return scope.get(name);
}

function template(text: string, scope: Scope): string {
  // `{{` and `}}` are literal braces; `{Name}` / `{Name#path}` substitute a value.
  return text.replace(/\{\{|\}\}|\{([^{}]+)\}/g, (match, inner: string | undefined) => {
    if (inner === undefined) return match[0]!;
    const hash = inner.indexOf("#");
    const value =
      hash < 0
        ? lookup(scope, inner)
        : getAttr(lookup(scope, inner.slice(0, hash)), inner.slice(hash + 1));
    if (value === undefined || value === null) {
      throw new EndpointResolutionError(`Template "${text}" refers to unset value "${inner}"`);
    }
    return String(value);
  });
}

/**
 * `inProperties`: endpoint properties hold only literals and templates (the spec forbids
 * references and calls there), so objects in them are copied key by key.
 */
function evaluate(
  expr: Expression,
  scope: Scope,
  fns: EndpointFunctions,
  inProperties = false,
): unknown {
  if (typeof expr === "string") return template(expr, scope);
  if (typeof expr !== "object") return expr;
  if (Array.isArray(expr))
    return expr.map((e: Expression) => evaluate(e, scope, fns, inProperties));
  const obj = expr as { readonly [key: string]: Expression };
  if (!inProperties) {
    if (typeof obj.ref === "string") return lookup(scope, obj.ref);
    if (typeof obj.fn === "string") return call(expr as FunctionCall, scope, fns);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = evaluate(v, scope, fns, inProperties);
  return out;
}

function call(c: FunctionCall, scope: Scope, fns: EndpointFunctions): unknown {
  const fn = Object.hasOwn(fns, c.fn) ? fns[c.fn] : undefined;
  if (!fn) throw new EndpointResolutionError(`Unknown endpoint rule function "${c.fn}"`);
  return fn(...c.argv.map((a) => evaluate(a, scope, fns)));
}

/** Returns the scope the rule body sees, or undefined when a condition fails. */
function matchConditions(
  conditions: readonly Condition[],
  outer: Scope,
  fns: EndpointFunctions,
): Scope | undefined {
  let scope = outer;
  for (const c of conditions) {
    const value = call(c, scope, fns);
    if (value === undefined || value === null || value === false) return undefined;
    if (c.assign !== undefined) {
      if (scope.has(c.assign)) {
        throw new EndpointResolutionError(`Rule set assigns "${c.assign}", which is already bound`);
      }
      // Copy on first assignment so a failed rule leaves nothing behind for its siblings.
      if (scope === outer) scope = new Map(outer);
      scope.set(c.assign, value);
    }
  }
  return scope;
}

interface Endpoint {
  url: string;
  headers: Record<string, string[]>;
  properties: Record<string, EndpointPropertyValue>;
}

function evaluateRules(rules: readonly Rule[], outer: Scope, fns: EndpointFunctions): Endpoint {
  for (const rule of rules) {
    const scope = matchConditions(rule.conditions ?? [], outer, fns);
    if (!scope) continue;
    switch (rule.type) {
      case "endpoint":
        return buildEndpoint(rule, scope, fns);
      case "error":
        throw new EndpointResolutionError(String(evaluate(rule.error, scope, fns)));
      case "tree":
        // A matched tree is terminal: when none of its rules match, resolution fails.
        return evaluateRules(rule.rules, scope, fns);
      default:
        throw new EndpointResolutionError(
          `Unknown rule type "${(rule as { type: unknown }).type}"`,
        );
    }
  }
  throw new EndpointResolutionError("No endpoint rule matched the given parameters");
}

function buildEndpoint(rule: EndpointRule, scope: Scope, fns: EndpointFunctions): Endpoint {
  const url = evaluate(rule.endpoint.url, scope, fns);
  let href: string;
  try {
    href = new URL(url as string).href;
  } catch {
    throw new EndpointResolutionError(`Endpoint rule produced an invalid URL: ${String(url)}`);
  }
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(rule.endpoint.headers ?? {})) {
    headers[name] = values.map((v) => String(evaluate(v, scope, fns)));
  }
  const properties = evaluate(rule.endpoint.properties ?? {}, scope, fns, true) as Record<
    string,
    EndpointPropertyValue
  >;
  return { url: href, headers, properties };
}

function bindParameters(ruleSet: EndpointRuleSet, params: EndpointParameters): Scope {
  const scope: Scope = new Map();
  for (const [name, def] of Object.entries(ruleSet.parameters)) {
    const given = Object.hasOwn(params, name) ? params[name] : undefined;
    const value = given ?? def.default;
    if (value === undefined) {
      if (def.required) {
        throw new EndpointResolutionError(`Missing required endpoint parameter "${name}"`);
      }
    } else {
      const type = def.type.toLowerCase();
      const ok =
        type === "stringarray"
          ? Array.isArray(value) && value.every((v) => typeof v === "string")
          : typeof value === type;
      if (!ok) {
        throw new EndpointResolutionError(`Endpoint parameter "${name}" must be a ${def.type}`);
      }
    }
    // Unset parameters are bound too, so references to them are known names.
    scope.set(name, value);
  }
  return scope;
}

function resolveWith(
  ruleSet: EndpointRuleSet,
  params: EndpointParameters,
  fns: EndpointFunctions,
): Endpoint {
  return evaluateRules(ruleSet.rules, bindParameters(ruleSet, params), fns);
}

function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copy(v);
    return out as T;
  }
  return value;
}

// Each caller gets its own URL, headers and properties, so mutating one result cannot
// change what the cache hands out next.
const toResolved = (e: Endpoint): ResolvedEndpoint => ({
  url: new URL(e.url),
  headers: copy(e.headers),
  properties: copy(e.properties),
});

/**
 * Evaluates `ruleSet` once, without caching. Custom `partitions` are indexed on every call,
 * so repeated use should go through `createEndpointResolver`.
 */
export function resolveEndpoint(
  ruleSet: EndpointRuleSet,
  params: EndpointParameters,
  options: ResolverOptions = {},
): ResolvedEndpoint {
  return toResolved(resolveWith(ruleSet, params, buildFunctions(options)));
}

export type EndpointResolver = (params: EndpointParameters) => ResolvedEndpoint;

/**
 * A resolver for one rule set that remembers results per distinct parameter set. The cache
 * key lists the declared parameters' values in sorted-name order; undeclared parameters do
 * not affect the result and are left out. Errors are not cached.
 */
export function createEndpointResolver(
  ruleSet: EndpointRuleSet,
  options: ResolverOptions = {},
): EndpointResolver {
  const fns = buildFunctions(options);
  const names = Object.keys(ruleSet.parameters).sort();
  const max = options.cacheSize ?? 50;
  const cache = new Map<string, Endpoint>();
  return (params) => {
    // JSON keeps "true" and true apart and cannot be confused by separators in values.
    const key = JSON.stringify(names.map((n) => (Object.hasOwn(params, n) ? params[n] : null)));
    let hit = cache.get(key);
    if (hit) {
      // Re-insert so Map order tracks recency and eviction drops the least recently used.
      cache.delete(key);
    } else {
      hit = resolveWith(ruleSet, params, fns);
      if (max <= 0) return toResolved(hit);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(key, hit);
    return toResolved(hit);
  };
}
