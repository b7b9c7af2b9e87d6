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
  const body = [
    ...Object.entries(ruleSet.parameters).map(([name, def]) => {
      const value = `p[${literal(name)}]${def.default !== undefined ? ` ?? ${literal(def.default)}` : ""}`;
      const required =
        def.required && def.default === undefined
          ? `\n  if (${compiler.variable(name)} === undefined) throw fail(${literal(`Missing required endpoint parameter "${name}"`)});`
          : "";
      return `  const ${compiler.variable(name)} = ${value};${required}`;
    }),
    compiler.rules(ruleSet.rules, "  "),
  ].join("\n");
  const used = [...compiler.functions].sort();
  const destructure = used.length > 0 ? `  const { ${used.join(", ")} } = f;\n` : "";
  const code = destructure + body;
  const parameters = Object.entries(ruleSet.parameters)
    .map(([name, def]) => {
      const fields = [
        ...(def.builtIn ? [`builtIn: ${literal(def.builtIn)}`] : []),
        ...(def.required ? ["required: true"] : []),
      ];
      return `    ${name}: { ${fields.join(", ")} },\n`;
    })
    .join("");
  const content =
    `import type { CompiledEndpointRules } from "${ctx.runtime}/endpoint.js";\n` +
    (used.length > 0
      ? `import { ${used.join(", ")} } from "${ctx.runtime}/endpoints/functions.js";\n`
      : "") +
    "\n" +
    `const functions = { ${used.join(", ")} };\n\n` +
    "/** The service's endpoint rules, compiled from the rule set in its model. */\n" +
    "export const endpointRules: CompiledEndpointRules<typeof functions> = {\n" +
    `  parameters: {\n${parameters}  },\n` +
    "  functions,\n" +
    "  resolve(p, f, fail) {\n" +
    code.replace(/^/gm, "  ") +
    "\n  },\n};\n";
  return { path: "endpoints.ts", content };
}

interface RuleSet {
  version: string;
  parameters: Record<string, { builtIn?: string; required?: boolean; default?: unknown }>;
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

/** Functions whose result is always a boolean, so a condition needs no null check. */
const BOOLEAN_FUNCTIONS = new Set([
  "isSet",
  "not",
  "booleanEquals",
  "stringEquals",
  "isValidHostLabel",
]);

/** Standard functions simple enough to write as JavaScript operators. */
const INLINE: Record<string, (args: string[]) => string> = {
  isSet: ([x]) => `${x} != null`,
  not: ([x]) => `!(${x})`,
  booleanEquals: ([a, b]) => `${a} === ${b}`,
  stringEquals: ([a, b]) => `${a} === ${b}`,
};

/** The other functions, by the name the runtime exports them under. */
const KNOWN_FUNCTIONS: Record<string, string> = {
  getAttr: "getAttr",
  substring: "substring",
  uriEncode: "uriEncode",
  isValidHostLabel: "isValidHostLabel",
  parseURL: "parseURL",
  "aws.partition": "awsPartition",
};

class RuleCompiler {
  readonly functions = new Set<string>();
  private readonly names = new Map<string, string>();

  /** The JavaScript name of a rule set variable (parameters and `assign`ed values). */
  variable(name: string): string {
    let js = this.names.get(name);
    if (js === undefined) {
      js = /^[A-Za-z_$][\w$]*$/.test(name) ? `$${name}` : `$v${this.names.size}`;
      this.names.set(name, js);
    }
    return js;
  }

  rules(rules: readonly Rule[], indent: string): string {
    const blocks = rules.map((rule) => this.conditions(rule, 0, indent));
    // Without a catch-all last rule, falling off the end is an error of the rule set.
    const last = rules[rules.length - 1];
    if (!last || (last.conditions ?? []).length > 0 || last.type === "tree") {
      blocks.push(`${indent}throw fail("No endpoint rule matched the given parameters");`);
    }
    return blocks.join("\n");
  }

  /** The rule's conditions as nested `if`s around its body; `assign` binds a block-scoped const. */
  private conditions(rule: Rule, index: number, indent: string): string {
    const conditions = rule.conditions ?? [];
    const condition = conditions[index];
    if (!condition) return this.body(rule, indent);
    const call = this.call(condition);
    if (condition.assign !== undefined) {
      const name = this.variable(condition.assign);
      const inner = this.conditions(rule, index + 1, `${indent}    `);
      return `${indent}{\n${indent}  const ${name} = ${call};\n${indent}  if (${name} != null && ${name} !== false) {\n${inner}\n${indent}  }\n${indent}}`;
    }
    let test = call;
    if (!BOOLEAN_FUNCTIONS.has(condition.fn)) {
      this.functions.add("ok");
      test = `ok(${call})`;
    }
    return `${indent}if (${test}) {\n${this.conditions(rule, index + 1, `${indent}  `)}\n${indent}}`;
  }

  private body(rule: Rule, indent: string): string {
    switch (rule.type) {
      case "endpoint": {
        const { endpoint } = rule;
        if (
          Object.keys(endpoint?.headers ?? {}).length ||
          Object.keys(endpoint?.properties ?? {}).length
        ) {
          throw new ModelError("endpoint rules with headers or properties are not supported yet");
        }
        return `${indent}return ${this.expression(endpoint!.url)};`;
      }
      case "error":
        return `${indent}throw fail(${this.expression(rule.error!)});`;
      case "tree":
        return this.rules(rule.rules ?? [], indent);
      default:
        throw new ModelError(`unknown endpoint rule type ${(rule as { type: string }).type}`);
    }
  }

  private call(call: Call): string {
    const args = call.argv.map((arg) => this.expression(arg));
    const inline = INLINE[call.fn];
    if (inline) return inline(args);
    const name = KNOWN_FUNCTIONS[call.fn];
    if (!name) throw new ModelError(`endpoint rule function ${call.fn} is not supported yet`);
    this.functions.add(name);
    return `${name}(${args.join(", ")})`;
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
      if (hash < 0) out += `\${${this.variable(inner)}}`;
      else {
        this.functions.add("getAttr");
        out += `\${getAttr(${this.variable(inner.slice(0, hash))}, ${literal(inner.slice(hash + 1))})}`;
      }
    }
    return `\`${out}${escapeLiteral(text.slice(last))}\``;
  }
}
