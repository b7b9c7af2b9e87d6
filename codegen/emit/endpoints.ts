import type { ServiceIR } from "../ir.js";
import { ModelError } from "../load.js";
import { type EmitContext, type GeneratedFile, literal } from "./text.js";

/**
 * Compiles the service's endpoint rule set (Smithy rules engine 1.0) into a function, so a
 * browser bundle carries a few hundred bytes of `if`s instead of the rule set as data plus an
 * interpreter. The runtime supplies the standard functions; the interpreter in
 * test/endpoints/interpreter.ts serves as the reference the compiled code is tested against.
 */
export function emitEndpoints(ir: ServiceIR, ctx: EmitContext): GeneratedFile {
  const ruleSet = ir.endpointRuleSet as RuleSet;
  const compiler = new RuleCompiler();
  const onlyTestedForTrue = testedForTrueOnly(ruleSet.rules);
  const body = [
    ...Object.entries(ruleSet.parameters).map(([name, def]) => {
      // The runtime passes what configuration gives; the rule set's types say what that is.
      const read = `p[${literal(name)}] as ${TYPES[def.type.toLowerCase()] ?? "unknown"} | undefined`;
      // Unset tests as false does against `true`: such a flag needs no default of false.
      const needsDefault =
        def.default !== undefined && !(def.default === false && onlyTestedForTrue.has(name));
      const value = needsDefault ? `(${read}) ?? ${literal(def.default)}` : read;
      const required =
        def.required && def.default === undefined
          ? `\n  if (${compiler.variable(name)} === undefined) throw fail(${literal(`Missing required endpoint parameter "${name}"`)});`
          : "";
      return `  const ${compiler.variable(name)} = ${value};${required}`;
    }),
    compiler.rules(ruleSet.rules, "  ").code,
  ].join("\n");
  const used = [...compiler.functions].sort();
  // Only parameters with a builtIn are bound to configuration; the others take their default.
  const parameters = Object.entries(ruleSet.parameters)
    .filter(([, def]) => def.builtIn)
    .map(([name, def]) => `    ${name}: ${literal(def.builtIn)},\n`)
    .join("");
  const content =
    `import type { CompiledEndpointRules } from "${ctx.runtime}/endpoint.js";\n` +
    (used.length > 0
      ? `import { ${used.join(", ")} } from "${ctx.runtime}/endpoints/functions.js";\n`
      : "") +
    "\n" +
    "/** The service's endpoint rules, compiled from the rule set in its model. */\n" +
    "export const endpointRules: CompiledEndpointRules = {\n" +
    `  parameters: {\n${parameters}  },\n` +
    "  resolve(p, fail) {\n" +
    body.replace(/^/gm, "  ") +
    "\n  },\n};\n";
  return { path: "endpoints.ts", content };
}

interface RuleSet {
  version: string;
  parameters: Record<
    string,
    { type: string; builtIn?: string; required?: boolean; default?: unknown }
  >;
  rules: Rule[];
}

type Expression = string | boolean | number | { ref: string } | Call;
interface Call {
  fn: string;
  argv: Expression[];
  assign?: string;
}
interface Rule {
  type: "endpoint" | "error" | "tree";
  conditions?: Call[];
  endpoint?: {
    url: Expression;
    headers?: Record<string, unknown>;
    properties?: Record<string, unknown>;
  };
  error?: Expression;
  rules?: Rule[];
}

/** Compiled code, and whether it always returns or throws (so nothing after it runs). */
interface Compiled {
  code: string;
  exits: boolean;
}

/** TypeScript types of the parameter types (older rule sets capitalise the first letter). */
const TYPES: Record<string, string> = {
  string: "string",
  boolean: "boolean",
  stringarray: "readonly string[]",
};

/** Functions whose result is always a boolean, so a condition needs no null check. */
const BOOLEAN_FUNCTIONS = new Set([
  "isSet",
  "not",
  "booleanEquals",
  "stringEquals",
  "isValidHostLabel",
]);

/** Functions that always give a value, so a condition that assigns one always holds. */
const ALWAYS_SET = new Set(["aws.partition"]);

/** Standard functions simple enough to write as JavaScript operators. */
const INLINE: Record<string, (args: string[]) => string> = {
  isSet: ([x]) => `${x} != null`,
  not: ([x]) => `!(${x})`,
  booleanEquals: ([a, b]) => `${a} === ${b}`,
  stringEquals: ([a, b]) => `${a} === ${b}`,
};

/** The other functions, by the name the runtime exports them under. */
const KNOWN_FUNCTIONS: Record<string, string> = {
  substring: "substring",
  uriEncode: "uriEncode",
  isValidHostLabel: "isValidHostLabel",
  parseURL: "parseURL",
  "aws.partition": "awsPartition",
};

class RuleCompiler {
  readonly functions = new Set<string>();
  private readonly names = new Map<string, string>();
  /** Variables bound by a condition's `assign`: only read where the condition held, so set. */
  private readonly assigned = new Set<string>();

  /** The JavaScript name of a rule set variable (parameters and `assign`ed values). */
  variable(name: string): string {
    let js = this.names.get(name);
    if (js === undefined) {
      js = /^[A-Za-z_$][\w$]*$/.test(name) ? `$${name}` : `$v${this.names.size}`;
      this.names.set(name, js);
    }
    return js;
  }

  rules(rules: readonly Rule[], indent: string): Compiled {
    const blocks: string[] = [];
    for (let i = 0; i < rules.length; i++) {
      const run = this.sameEndpoint(rules, i, `${indent}  `);
      if (run) {
        blocks.push(`${indent}if (${run.tests.join(" || ")}) {\n${run.body}\n${indent}}`);
        i += run.tests.length - 1;
        continue;
      }
      const compiled = this.conditions(rules[i]!, 0, indent);
      blocks.push(compiled.code);
      // Rules after one that always exits could never run.
      if (compiled.exits) return { code: blocks.join("\n"), exits: true };
    }
    // Falling off the end is an error of the rule set.
    blocks.push(`${indent}throw fail("No endpoint rule matched the given parameters");`);
    return { code: blocks.join("\n"), exits: true };
  }

  /**
   * Two or more neighbouring endpoint rules from `start` with one condition each and the same
   * body: their tests, which one `if` joins with `||`, and that body.
   */
  private sameEndpoint(rules: readonly Rule[], start: number, indent: string) {
    const tests: string[] = [];
    let body: string | undefined;
    for (const rule of rules.slice(start)) {
      const test = this.single(rule);
      const code = test === undefined ? undefined : this.body(rule, indent).code;
      if (code === undefined || (body !== undefined && code !== body)) break;
      tests.push(test!);
      body = code;
    }
    return tests.length > 1 ? { tests, body: body! } : undefined;
  }

  /** The test of an endpoint rule with one boolean condition that assigns nothing. */
  private single(rule: Rule): string | undefined {
    const [condition, ...more] = rule.conditions ?? [];
    if (rule.type !== "endpoint" || !condition || more.length > 0 || condition.assign) {
      return undefined;
    }
    return BOOLEAN_FUNCTIONS.has(condition.fn) ? this.call(condition) : undefined;
  }

  /** The rule's conditions as nested `if`s around its body; `assign` binds a block-scoped const. */
  private conditions(rule: Rule, index: number, indent: string): Compiled {
    const conditions = rule.conditions ?? [];
    const condition = conditions[index];
    if (!condition) return this.body(rule, indent);
    const call = this.call(condition);
    if (condition.assign !== undefined) {
      const name = this.variable(condition.assign);
      this.assigned.add(name);
      if (ALWAYS_SET.has(condition.fn)) {
        const inner = this.conditions(rule, index + 1, `${indent}  `);
        return {
          code: `${indent}{\n${indent}  const ${name} = ${call};\n${inner.code}\n${indent}}`,
          exits: inner.exits,
        };
      }
      const inner = this.conditions(rule, index + 1, `${indent}    `);
      return {
        code: `${indent}{\n${indent}  const ${name} = ${call};\n${indent}  if (${name} != null && ${name} !== false) {\n${inner.code}\n${indent}  }\n${indent}}`,
        exits: false,
      };
    }
    let test = call;
    if (!BOOLEAN_FUNCTIONS.has(condition.fn)) {
      this.functions.add("ok");
      test = `ok(${call})`;
    }
    const inner = this.conditions(rule, index + 1, `${indent}  `);
    return { code: `${indent}if (${test}) {\n${inner.code}\n${indent}}`, exits: false };
  }

  private body(rule: Rule, indent: string): Compiled {
    switch (rule.type) {
      case "endpoint": {
        const { endpoint } = rule;
        if (
          Object.keys(endpoint?.headers ?? {}).length ||
          Object.keys(endpoint?.properties ?? {}).length
        ) {
          throw new ModelError("endpoint rules with headers or properties are not supported yet");
        }
        return { code: `${indent}return ${this.expression(url(rule))};`, exits: true };
      }
      case "error":
        return { code: `${indent}throw fail(${this.expression(rule.error!)});`, exits: true };
      case "tree":
        return this.rules(rule.rules ?? [], indent);
      default:
        throw new ModelError(`unknown endpoint rule type ${(rule as { type: string }).type}`);
    }
  }

  private call(call: Call): string {
    if (call.fn === "getAttr") return this.attribute(call.argv[0]!, call.argv[1]);
    const args = call.argv.map((arg) => this.expression(arg));
    const inline = INLINE[call.fn];
    if (inline) return inline(args);
    const name = KNOWN_FUNCTIONS[call.fn];
    if (!name) throw new ModelError(`endpoint rule function ${call.fn} is not supported yet`);
    this.functions.add(name);
    return `${name}(${args.join(", ")})`;
  }

  /**
   * `getAttr` as property access: the path is a constant of the model, so it is checked here
   * once. An assigned variable is known to be set; anything else may not be.
   */
  private attribute(target: Expression, path: Expression | undefined): string {
    if (typeof path !== "string") throw new ModelError("getAttr needs a constant path");
    let out = this.expression(target);
    let set = this.assigned.has(out);
    for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
      if (key === undefined) out += `${set ? "" : "?."}[${index}]`;
      // Only plain own keys: one of Object.prototype would read the prototype, which getAttr must not.
      else if (/^[A-Za-z_$][\w$]*$/.test(key) && !(key in Object.prototype)) {
        out += `${set ? "" : "?"}.${key}`;
      } else {
        throw new ModelError(
          `getAttr path ${literal(path)} has an unsupported key ${literal(key)}`,
        );
      }
      set = false;
    }
    return out;
  }

  private expression(expr: Expression): string {
    if (typeof expr === "string") return this.template(expr);
    if (typeof expr !== "object") return literal(expr);
    if ("ref" in expr) return this.variable(expr.ref);
    return this.call(expr);
  }

  /** `https://{Region}.{PartitionResult#dnsSuffix}` as a template literal. */
  private template(text: string): string {
    if (!/[{}]/.test(text)) return literal(text);
    const escapeLiteral = (s: string) => s.replace(/[`\\$]/g, (c) => `\\${c}`);
    let out = "";
    let last = 0;
    for (const match of text.matchAll(/\{\{|\}\}|\{([^{}]+)\}/g)) {
      out += escapeLiteral(text.slice(last, match.index));
      last = match.index + match[0].length;
      const inner = match[1];
      if (inner === undefined) {
        out += match[0][0];
        continue;
      }
      const hash = inner.indexOf("#");
      out +=
        hash < 0
          ? `\${${this.variable(inner)}}`
          : `\${${this.attribute({ ref: inner.slice(0, hash) }, inner.slice(hash + 1))}}`;
    }
    return `\`${out}${escapeLiteral(text.slice(last))}\``;
  }
}

/** The variables whose every use is `booleanEquals` with `true`. */
function testedForTrueOnly(rules: readonly Rule[]): Set<string> {
  const tested = new Set<string>();
  const otherUse = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      // Templates such as `{Region}` or `{PartitionResult#name}` read variables too.
      for (const [, name] of value.matchAll(/\{([^{}#]+)[^{}]*\}/g)) otherUse.add(name!);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === "object" && value !== null) {
      const { fn, argv, ref } = value as Partial<Call & { ref: string }>;
      if (typeof ref === "string") otherUse.add(ref);
      else if (fn === "booleanEquals" && argv?.includes(true)) {
        const other = argv.find((arg) => arg !== true);
        if (typeof other === "object" && "ref" in other) tested.add(other.ref);
        else visit(argv);
      } else Object.values(value).forEach(visit);
    }
  };
  visit(rules);
  return new Set([...tested].filter((name) => !otherUse.has(name)));
}

/**
 * The rule's URL, with a literal URL's copies of a string that a condition of the rule has
 * proved equal to a variable written as that variable: `https://x.us-east-1.com` under
 * `stringEquals(Region, "us-east-1")` reads `https://x.{Region}.com`. The same URL then, so
 * neighbouring rules that only differ in the region can share one `return`.
 */
function url(rule: Rule): Expression {
  let text = rule.endpoint!.url;
  if (typeof text !== "string" || /[{}]/.test(text)) return text;
  for (const condition of rule.conditions ?? []) {
    if (condition.fn !== "stringEquals" || condition.assign) continue;
    const [a, b] = condition.argv;
    const [ref, value] = typeof a === "string" ? [b, a] : [a, b];
    if (typeof value !== "string" || value === "" || /[{}]/.test(value)) continue;
    if (typeof ref !== "object" || !("ref" in ref)) continue;
    text = text.split(value).join(`{${ref.ref}}`);
  }
  return text;
}
