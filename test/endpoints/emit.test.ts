/**
 * The endpoint rules compiler (codegen/emit/endpoints.ts) on small rule sets: the code it
 * writes, and that code run against the interpreter, the reference.
 */
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { emitEndpoints } from "../../codegen/emit/endpoints.js";
import type { ServiceIR } from "../../codegen/ir.js";
import { ModelError } from "../../codegen/load.js";
import * as functions from "../../src/runtime/endpoints/functions.js";
import { type EndpointRuleSet, type Rule, resolveEndpoint } from "./interpreter.js";

const ref = (name: string) => ({ ref: name });

const ruleSet = (rules: Rule[]): EndpointRuleSet => ({
  version: "1.0",
  parameters: {
    Region: { type: "string", builtIn: "AWS::Region" },
    Flag: { type: "boolean", default: false },
  },
  rules,
});

const emit = (rules: EndpointRuleSet) =>
  emitEndpoints({ endpointRuleSet: rules } as unknown as ServiceIR, {
    runtime: "../rt",
    clientUserAgent: "test/0",
  }).content;

type Params = Record<string, string | boolean | undefined>;

/** Compiles the emitted TypeScript and returns its `resolve`, wired to the real functions. */
function compile(rules: EndpointRuleSet): (params: Params) => string {
  const { code } = transformSync(emit(rules), { loader: "ts", format: "cjs" });
  const module = { exports: {} as Record<string, any> };
  const require = (path: string) => {
    if (path === "../rt/endpoints/functions.js") return functions;
    throw new Error(`unexpected import ${path}`);
  };
  new Function("module", "exports", "require", code)(module, module.exports, require);
  return (params) =>
    module.exports.endpointRules.resolve(params, (message: string) => new Error(message));
}

/** The compiled and the interpreted rules give the same URL or the same error. */
function expectSame(rules: EndpointRuleSet, params: Params[]) {
  const compiled = compile(rules);
  const outcome = (run: () => string) => {
    try {
      return { url: new URL(run()).href };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  for (const p of params) {
    expect(outcome(() => compiled(p))).toEqual(outcome(() => resolveEndpoint(rules, p).url.href));
  }
}

const regions = ["us-east-1", "us-west-2", "eu-west-1", "cn-north-1", "aws-global", undefined];

describe("the endpoint rules compiler", () => {
  it("lists only the parameters with a builtIn, by builtIn name", () => {
    expect(emit(ruleSet([{ type: "error", error: "no" }]))).toContain(
      'parameters: {\n    Region: "AWS::Region",\n  },',
    );
  });

  it("merges neighbouring rules that give the same URL once the condition's value is a variable", () => {
    const rules = ruleSet([
      {
        type: "endpoint",
        conditions: [{ fn: "stringEquals", argv: [ref("Region"), "us-east-1"] }],
        endpoint: { url: "https://svc-fips.us-east-1.example.com" },
      },
      {
        type: "endpoint",
        conditions: [{ fn: "stringEquals", argv: ["us-west-2", ref("Region")] }],
        endpoint: { url: "https://svc-fips.us-west-2.example.com" },
      },
      { type: "endpoint", endpoint: { url: "https://svc.example.com" } },
    ]);
    const code = emit(rules);
    expect(code).toContain('if ($Region === "us-east-1" || "us-west-2" === $Region) {');
    expect(code).toContain(`return \`https://svc-fips.\${$Region}.example.com\`;`);
    expectSame(
      rules,
      regions.map((Region) => ({ Region })),
    );
  });

  it("keeps rules apart whose URLs differ", () => {
    const rules = ruleSet([
      {
        type: "endpoint",
        conditions: [{ fn: "stringEquals", argv: [ref("Region"), "us-east-1"] }],
        endpoint: { url: "https://a.example.com" },
      },
      {
        type: "endpoint",
        conditions: [{ fn: "stringEquals", argv: [ref("Region"), "us-west-2"] }],
        endpoint: { url: "https://b.example.com" },
      },
    ]);
    expect(emit(rules)).not.toContain("||");
    expectSame(
      rules,
      regions.map((Region) => ({ Region })),
    );
  });

  it("reads getAttr paths as properties, and ends a rule list that can fall through with an error", () => {
    const rules = ruleSet([
      {
        type: "tree",
        conditions: [
          { fn: "isSet", argv: [ref("Region")] },
          { fn: "parseURL", argv: ["https://host.example/a/b"], assign: "Url" },
        ],
        rules: [
          {
            type: "endpoint",
            conditions: [
              { fn: "booleanEquals", argv: [ref("Flag"), true] },
              { fn: "aws.partition", argv: [ref("Region")], assign: "Part" },
            ],
            endpoint: { url: "https://{Part#name}.{Url#authority}{Url#normalizedPath}" },
          },
          {
            type: "endpoint",
            conditions: [{ fn: "stringEquals", argv: [ref("Region"), "eu-west-1"] }],
            endpoint: { url: "https://eu.{Url#authority}" },
          },
        ],
      },
      { type: "error", error: "Missing Region" },
    ]);
    const code = emit(rules);
    expect(code).toContain(`\${$Part.name}.\${$Url.authority}\${$Url.normalizedPath}`);
    expect(code).not.toContain("getAttr");
    expect(code).toContain('throw fail("No endpoint rule matched the given parameters");');
    expectSame(
      rules,
      regions.flatMap((Region) => [
        { Region, Flag: true },
        { Region, Flag: false },
      ]),
    );
  });

  it("gives a flag only tested against true no default of false, and keeps it otherwise", () => {
    const tested = (value: boolean): Rule => ({
      type: "endpoint",
      conditions: [{ fn: "booleanEquals", argv: [true, ref("Flag")] }],
      endpoint: { url: `https://${value}.example.com` },
    });
    const onlyTrue = ruleSet([
      tested(true),
      { type: "endpoint", endpoint: { url: "https://x.example.com" } },
    ]);
    expect(emit(onlyTrue)).toContain('const $Flag = p["Flag"] as boolean | undefined;');
    const againstFalse = ruleSet([
      tested(true),
      {
        type: "endpoint",
        conditions: [{ fn: "booleanEquals", argv: [ref("Flag"), false] }],
        endpoint: { url: "https://off.example.com" },
      },
    ]);
    expect(emit(againstFalse)).toContain("?? false;");
    const inUrl = ruleSet([
      tested(true),
      { type: "endpoint", endpoint: { url: "https://{Flag}.example.com" } },
    ]);
    expect(emit(inUrl)).toContain("?? false;");
    for (const rules of [onlyTrue, againstFalse, inUrl]) {
      expectSame(rules, [{}, { Flag: true }, { Flag: false }]);
    }
  });

  it("needs no fall-through error after aws.partition, which always gives a partition", () => {
    const rules = ruleSet([
      {
        type: "tree",
        conditions: [{ fn: "aws.partition", argv: ["eu-west-1"], assign: "Part" }],
        rules: [{ type: "endpoint", endpoint: { url: "https://x.{Part#dnsSuffix}" } }],
      },
    ]);
    expect(emit(rules)).not.toContain("No endpoint rule matched");
    expectSame(rules, [{}]);
  });

  it("refuses getAttr keys that would read Object.prototype", () => {
    const rules = ruleSet([
      {
        type: "tree",
        conditions: [{ fn: "aws.partition", argv: [ref("Region")], assign: "Part" }],
        rules: [{ type: "endpoint", endpoint: { url: "https://{Part#constructor}" } }],
      },
    ]);
    expect(() => emit(rules)).toThrow(ModelError);
    expect(() => emit(rules)).toThrow('unsupported key "constructor"');
  });
});
