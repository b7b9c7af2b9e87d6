import { describe, expect, it } from "vitest";
import {
  createEndpointResolver,
  EndpointResolutionError,
  type EndpointRuleSet,
  getAttr,
  type Rule,
  resolveEndpoint,
  standardFunctions,
} from "./interpreter.js";

const ref = (name: string) => ({ ref: name });

/** A rule set with one string parameter `P` (and optional extra parameters) over `rules`. */
const withRules = (
  rules: Rule[],
  parameters: EndpointRuleSet["parameters"] = {},
): EndpointRuleSet => ({
  version: "1.0",
  parameters: { P: { type: "string" }, ...parameters },
  rules,
});

const urlOf = (
  ruleSet: EndpointRuleSet,
  params: Record<string, string | boolean | undefined> = {},
) => resolveEndpoint(ruleSet, params).url.href;

const fn = standardFunctions;

describe("standard functions", () => {
  it("isSet considers only presence, not truthiness", () => {
    expect(fn.isSet!(undefined)).toBe(false);
    expect(fn.isSet!(null)).toBe(false);
    expect(fn.isSet!(false)).toBe(true);
    expect(fn.isSet!("")).toBe(true);
  });

  it("not, booleanEquals, stringEquals", () => {
    expect(fn.not!(true)).toBe(false);
    expect(fn.not!(false)).toBe(true);
    expect(fn.booleanEquals!(true, true)).toBe(true);
    expect(fn.booleanEquals!(false, true)).toBe(false);
    expect(fn.stringEquals!("a", "a")).toBe(true);
    expect(fn.stringEquals!("a", "A")).toBe(false);
  });

  it("getAttr follows dotted keys and [n] indexes", () => {
    const doc = { a: { b: [{ c: "x" }, { c: "y" }] }, list: ["p", "q"] };
    expect(getAttr(doc, "a.b[1].c")).toBe("y");
    expect(getAttr(doc, "list[0]")).toBe("p");
    expect(getAttr(doc, "list[5]")).toBeUndefined();
    expect(getAttr(doc, "a.missing.c")).toBeUndefined();
    expect(getAttr(doc, "a[0]")).toBeUndefined();
    expect(getAttr(doc, "constructor")).toBeUndefined();
    expect(getAttr("text", "length")).toBeUndefined();
  });

  it("aws.partition uses the built-in data", () => {
    expect(getAttr(fn["aws.partition"]!("cn-north-1"), "dnsSuffix")).toBe("amazonaws.com.cn");
  });

  it("substring, forwards and reversed", () => {
    expect(fn.substring!("abcdef", 0, 4, false)).toBe("abcd");
    expect(fn.substring!("abcdef", 1, 3, true)).toBe("de");
    expect(fn.substring!("abc", 0, 4, false)).toBeUndefined();
    expect(fn.substring!("abc", 2, 2, false)).toBeUndefined();
    expect(fn.substring!("abcdé", 0, 2, false)).toBeUndefined();
  });

  it("uriEncode encodes everything but unreserved characters, in upper-case hex", () => {
    expect(fn.uriEncode!("a b/c?d=e&f!'()*~._-")).toBe("a%20b%2Fc%3Fd%3De%26f%21%27%28%29%2A~._-");
    expect(fn.uriEncode!("é")).toBe("%C3%A9");
  });

  it("isValidHostLabel, with and without sub-domains", () => {
    expect(fn.isValidHostLabel!("abc-123", false)).toBe(true);
    expect(fn.isValidHostLabel!("-abc", false)).toBe(false);
    expect(fn.isValidHostLabel!("a.b", false)).toBe(false);
    expect(fn.isValidHostLabel!("a.b", true)).toBe(true);
    expect(fn.isValidHostLabel!("a..b", true)).toBe(false);
    expect(fn.isValidHostLabel!("", false)).toBe(false);
    expect(fn.isValidHostLabel!("x".repeat(63), false)).toBe(true);
    expect(fn.isValidHostLabel!("x".repeat(64), false)).toBe(false);
  });

  it("parseURL follows the examples of the rules-engine standard library", () => {
    const parse = fn.parseURL!;
    expect(parse("https://example.com")).toEqual({
      scheme: "https",
      authority: "example.com",
      path: "/",
      normalizedPath: "/",
      isIp: false,
    });
    expect(parse("https://example.com:8443?foo=bar&faz=baz")).toBeUndefined();
    expect(parse("http://example.com:80/foo/bar")).toEqual({
      scheme: "http",
      authority: "example.com:80",
      path: "/foo/bar",
      normalizedPath: "/foo/bar/",
      isIp: false,
    });
    expect(parse("https://127.0.0.1")).toMatchObject({ authority: "127.0.0.1", isIp: true });
    expect(parse("https://[fe80::1]")).toMatchObject({ authority: "[fe80::1]", isIp: true });
    expect(parse("not a url")).toBeUndefined();
    expect(parse("ftp://example.com")).toBeUndefined();
  });
});

describe("resolveEndpoint()", () => {
  it("substitutes {Name} and {Name#path}, and keeps {{ }} as literal braces", () => {
    const rs = withRules([
      {
        type: "endpoint",
        conditions: [{ fn: "aws.partition", argv: [ref("P")], assign: "Part" }],
        endpoint: {
          url: "https://svc.{P}.{Part#dnsSuffix}",
          headers: { "x-region": ["{P}", "literal {{braces}}"] },
          properties: {
            authSchemes: [{ name: "sigv4", signingRegion: "{P}", disableDoubleEncoding: true }],
          },
        },
      },
    ]);
    const r = resolveEndpoint(rs, { P: "cn-north-1" });
    expect(r.url.href).toBe("https://svc.cn-north-1.amazonaws.com.cn/");
    expect(r.headers).toEqual({ "x-region": ["cn-north-1", "literal {braces}"] });
    expect(r.properties).toEqual({
      authSchemes: [{ name: "sigv4", signingRegion: "cn-north-1", disableDoubleEncoding: true }],
    });
  });

  it("returns empty headers and properties when the rule has none", () => {
    const r = resolveEndpoint(
      withRules([{ type: "endpoint", endpoint: { url: "https://a.example" } }]),
      {},
    );
    expect(r).toEqual({ url: new URL("https://a.example/"), headers: {}, properties: {} });
  });

  it("lets a reference or a function call produce the URL", () => {
    const byRef = withRules([{ type: "endpoint", conditions: [], endpoint: { url: ref("P") } }]);
    expect(urlOf(byRef, { P: "http://localhost:1234/x" })).toBe("http://localhost:1234/x");
    const byCall = withRules([
      {
        type: "endpoint",
        endpoint: {
          url: { fn: "getAttr", argv: [{ fn: "parseURL", argv: [ref("P")] }, "scheme"] },
        },
      },
    ]);
    expect(() => urlOf(byCall, { P: "https://x" })).toThrow(/invalid URL: https/);
  });

  it("takes the first matching rule, in order", () => {
    const rs = withRules([
      {
        type: "endpoint",
        conditions: [{ fn: "stringEquals", argv: [ref("P"), "a"] }],
        endpoint: { url: "https://first" },
      },
      {
        type: "endpoint",
        conditions: [{ fn: "isSet", argv: [ref("P")] }],
        endpoint: { url: "https://second" },
      },
      { type: "endpoint", conditions: [], endpoint: { url: "https://third" } },
    ]);
    expect(urlOf(rs, { P: "a" })).toBe("https://first/");
    expect(urlOf(rs, { P: "b" })).toBe("https://second/");
    expect(urlOf(rs, {})).toBe("https://third/");
  });

  it("fails a condition whose function returns false, null or undefined", () => {
    const rs = withRules([
      {
        type: "endpoint",
        conditions: [{ fn: "not", argv: [true] }],
        endpoint: { url: "https://false" },
      },
      {
        type: "endpoint",
        conditions: [{ fn: "substring", argv: ["ab", 0, 5, false] }],
        endpoint: { url: "https://undef" },
      },
      {
        type: "endpoint",
        conditions: [{ fn: "getAttr", argv: [{ fn: "parseURL", argv: ["x"] }, "a"] }],
        endpoint: { url: "https://null" },
      },
      // An empty string is a value, so it passes.
      {
        type: "endpoint",
        conditions: [{ fn: "uriEncode", argv: [""] }],
        endpoint: { url: "https://empty-string" },
      },
    ]);
    expect(urlOf(rs)).toBe("https://empty-string/");
  });

  it("binds assign results for later conditions and templates, scoped to the rule", () => {
    const rs = withRules([
      {
        type: "endpoint",
        conditions: [
          { fn: "substring", argv: [ref("P"), 0, 3, false], assign: "Prefix" },
          { fn: "stringEquals", argv: [ref("Prefix"), "xyz"] },
        ],
        endpoint: { url: "https://never.{Prefix}" },
      },
      // Prefix was bound by the failed rule above; it must not be visible here.
      {
        type: "endpoint",
        conditions: [{ fn: "isSet", argv: [ref("Prefix")] }],
        endpoint: { url: "https://leak" },
      },
      {
        type: "endpoint",
        conditions: [{ fn: "substring", argv: [ref("P"), 0, 3, true], assign: "Prefix" }],
        endpoint: { url: "https://{Prefix}.example" },
      },
    ]);
    expect(() => urlOf(rs, { P: "abcdef" })).toThrow('unknown name "Prefix"');
    const fixed = withRules([rs.rules[0]!, rs.rules[2]!]);
    expect(urlOf(fixed, { P: "abcdef" })).toBe("https://def.example/");
  });

  it("makes tree-rule assignments visible to nested rules", () => {
    const rs = withRules([
      {
        type: "tree",
        conditions: [{ fn: "aws.partition", argv: [ref("P")], assign: "Part" }],
        rules: [
          {
            type: "tree",
            conditions: [
              {
                fn: "stringEquals",
                argv: [{ fn: "getAttr", argv: [ref("Part"), "name"] }, "aws-iso"],
              },
            ],
            rules: [{ type: "endpoint", endpoint: { url: "https://iso.{Part#dnsSuffix}" } }],
          },
          { type: "endpoint", endpoint: { url: "https://{Part#name}.example" } },
        ],
      },
    ]);
    expect(urlOf(rs, { P: "us-iso-east-1" })).toBe("https://iso.c2s.ic.gov/");
    expect(urlOf(rs, { P: "eu-west-1" })).toBe("https://aws.example/");
  });

  it("refuses to rebind a name already in scope", () => {
    const rs = withRules([
      {
        type: "endpoint",
        conditions: [{ fn: "uriEncode", argv: ["x"], assign: "P" }],
        endpoint: { url: "https://x" },
      },
    ]);
    expect(() => urlOf(rs, { P: "a" })).toThrow('assigns "P"');
  });

  it("throws the error rule's message verbatim, after template substitution", () => {
    const rs = withRules([
      { type: "error", conditions: [{ fn: "isSet", argv: [ref("P")] }], error: "Bad value: {P}" },
      { type: "error", conditions: [], error: "Invalid Configuration: Missing P" },
    ]);
    expect(() => urlOf(rs, { P: "zz" })).toThrow(new EndpointResolutionError("Bad value: zz"));
    try {
      urlOf(rs);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EndpointResolutionError);
      expect((e as Error).name).toBe("EndpointResolutionError");
      expect((e as Error).message).toBe("Invalid Configuration: Missing P");
    }
  });

  it("throws when no rule matches, at top level and inside a matched tree", () => {
    const none = withRules([
      {
        type: "endpoint",
        conditions: [{ fn: "isSet", argv: [ref("P")] }],
        endpoint: { url: "https://x" },
      },
    ]);
    expect(() => urlOf(none)).toThrow("No endpoint rule matched");
    // A matched tree is terminal: the endpoint after it is not reached.
    const tree = withRules([
      {
        type: "tree",
        conditions: [],
        rules: [
          {
            type: "endpoint",
            conditions: [{ fn: "not", argv: [true] }],
            endpoint: { url: "https://x" },
          },
        ],
      },
      { type: "endpoint", endpoint: { url: "https://after-tree" } },
    ]);
    expect(() => urlOf(tree)).toThrow(EndpointResolutionError);
  });

  it("names an unknown function", () => {
    const rs = withRules([
      {
        type: "endpoint",
        conditions: [{ fn: "aws.parseArn", argv: ["x"] }],
        endpoint: { url: "https://x" },
      },
    ]);
    expect(() => urlOf(rs)).toThrow('Unknown endpoint rule function "aws.parseArn"');
    const proto = withRules([
      {
        type: "endpoint",
        conditions: [{ fn: "toString", argv: [] }],
        endpoint: { url: "https://x" },
      },
    ]);
    expect(() => urlOf(proto)).toThrow('"toString"');
  });

  it("accepts extra functions through options", () => {
    const rs = withRules([
      {
        type: "endpoint",
        conditions: [{ fn: "custom.upper", argv: [ref("P")], assign: "U" }],
        endpoint: { url: "https://{U}.example" },
      },
    ]);
    const r = resolveEndpoint(
      rs,
      { P: "abc" },
      { functions: { "custom.upper": (s: string) => s.toUpperCase() } },
    );
    expect(r.url.host).toBe("abc.example"); // URL lower-cases hosts
  });

  it("applies defaults, requires required parameters and checks types", () => {
    const rs = withRules(
      [{ type: "endpoint", endpoint: { url: "https://{Flag}.{Name}.example" } }],
      {
        Flag: { type: "Boolean", required: true, default: false },
        Name: { type: "string", required: true },
      },
    );
    expect(urlOf(rs, { Name: "n" })).toBe("https://false.n.example/");
    expect(urlOf(rs, { Name: "n", Flag: true })).toBe("https://true.n.example/");
    expect(() => urlOf(rs, {})).toThrow('Missing required endpoint parameter "Name"');
    expect(() => urlOf(rs, { Name: "n", Flag: "true" })).toThrow('"Flag" must be a Boolean');
    expect(() => urlOf(rs, { Name: 1 as unknown as string })).toThrow('"Name" must be a string');
  });

  it("supports stringArray parameters", () => {
    const rs: EndpointRuleSet = {
      version: "1.0",
      parameters: { List: { type: "stringArray", required: true, default: ["a", "b"] } },
      rules: [
        {
          type: "endpoint",
          conditions: [{ fn: "getAttr", argv: [ref("List"), "[1]"], assign: "Second" }],
          endpoint: { url: "https://{Second}.example" },
        },
      ],
    };
    expect(urlOf(rs)).toBe("https://b.example/");
    expect(resolveEndpoint(rs, { List: ["x", "y"] as unknown as string }).url.href).toBe(
      "https://y.example/",
    );
  });

  it("reports a template that references an unset value", () => {
    const rs = withRules([{ type: "endpoint", endpoint: { url: "https://{P}.example" } }]);
    expect(() => urlOf(rs)).toThrow('unset value "P"');
  });
});

describe("createEndpointResolver() cache", () => {
  // Counts calls of aws.partition to see how often the rules were evaluated.
  const counting = () => {
    const calls: string[] = [];
    const rs = withRules(
      [
        {
          type: "endpoint",
          conditions: [{ fn: "aws.partition", argv: [ref("P")], assign: "Part" }],
          endpoint: {
            url: "https://svc.{P}.{Part#dnsSuffix}",
            headers: { h: ["{P}"] },
            properties: { p: { q: ["{P}"] } },
          },
        },
      ],
      { Other: { type: "boolean", required: true, default: false } },
    );
    const functions = {
      "aws.partition": (region: string) => {
        calls.push(region);
        return standardFunctions["aws.partition"]!(region);
      },
    };
    return { rs, calls, functions };
  };

  it("evaluates each distinct parameter set once", () => {
    const { rs, calls, functions } = counting();
    const resolve = createEndpointResolver(rs, { functions });
    expect(resolve({ P: "eu-west-1" }).url.href).toBe("https://svc.eu-west-1.amazonaws.com/");
    expect(resolve({ P: "eu-west-1" }).url.href).toBe("https://svc.eu-west-1.amazonaws.com/");
    expect(resolve({ P: "eu-west-1", Unrelated: "ignored" }).url.href).toBe(
      "https://svc.eu-west-1.amazonaws.com/",
    );
    expect(calls).toEqual(["eu-west-1"]);
    expect(resolve({ P: "cn-north-1" }).url.href).toBe("https://svc.cn-north-1.amazonaws.com.cn/");
    expect(resolve({ P: "eu-west-1", Other: true }).url.href).toBe(
      "https://svc.eu-west-1.amazonaws.com/",
    );
    expect(calls).toEqual(["eu-west-1", "cn-north-1", "eu-west-1"]);
  });

  it("builds keys that values containing separators cannot collide in", () => {
    const rs = withRules(
      [{ type: "endpoint", endpoint: { url: "https://x.example", headers: { h: ["{P}/{Q}"] } } }],
      {
        Q: { type: "string" },
      },
    );
    const resolve = createEndpointResolver(rs);
    // Joined naively with "," both would read "a,b,c".
    expect(resolve({ P: "a", Q: "b,c" }).headers).toEqual({ h: ["a/b,c"] });
    expect(resolve({ P: "a,b", Q: "c" }).headers).toEqual({ h: ["a,b/c"] });
    expect(resolve({ P: 'a","b', Q: "c" }).headers).toEqual({ h: ['a","b/c'] });
  });

  it("is bounded and evicts the least recently used entry", () => {
    const { rs, calls, functions } = counting();
    const resolve = createEndpointResolver(rs, { functions, cacheSize: 3 });
    for (const r of ["r-1", "r-2", "r-3"]) resolve({ P: r });
    resolve({ P: "r-1" }); // r-1 is now the most recent; r-2 is the oldest
    resolve({ P: "r-4" }); // evicts r-2
    expect(calls).toEqual(["r-1", "r-2", "r-3", "r-4"]);
    resolve({ P: "r-1" });
    resolve({ P: "r-3" });
    expect(calls).toHaveLength(4);
    resolve({ P: "r-2" });
    expect(calls).toEqual(["r-1", "r-2", "r-3", "r-4", "r-2"]);
  });

  it("holds at most 50 entries by default", () => {
    const { rs, calls, functions } = counting();
    const resolve = createEndpointResolver(rs, { functions });
    for (let i = 0; i < 60; i++) resolve({ P: `r-${i}` });
    resolve({ P: "r-59" });
    resolve({ P: "r-10" });
    expect(calls).toHaveLength(60);
    resolve({ P: "r-9" }); // among the 10 evicted
    expect(calls).toHaveLength(61);
  });

  it("can be turned off", () => {
    const { rs, calls, functions } = counting();
    const resolve = createEndpointResolver(rs, { functions, cacheSize: 0 });
    resolve({ P: "eu-west-1" });
    resolve({ P: "eu-west-1" });
    expect(calls).toHaveLength(2);
  });

  it("does not let a caller's mutation reach later results", () => {
    const { rs, functions } = counting();
    const resolve = createEndpointResolver(rs, { functions });
    const first = resolve({ P: "eu-west-1" });
    first.url.pathname = "/changed";
    first.headers.h!.push("extra");
    first.headers.new = ["x"];
    (first.properties.p as { q: string[] }).q[0] = "changed";
    const second = resolve({ P: "eu-west-1" });
    expect(second.url.href).toBe("https://svc.eu-west-1.amazonaws.com/");
    expect(second.headers).toEqual({ h: ["eu-west-1"] });
    expect(second.properties).toEqual({ p: { q: ["eu-west-1"] } });
    expect(second.url).not.toBe(first.url);
  });

  it("does not cache errors", () => {
    let fail = true;
    const rs = withRules([
      { type: "endpoint", conditions: [{ fn: "flaky", argv: [] }], endpoint: { url: "https://x" } },
    ]);
    const resolve = createEndpointResolver(rs, {
      functions: {
        flaky: () => {
          if (fail) throw new Error("boom");
          return true;
        },
      },
    });
    expect(() => resolve({})).toThrow("boom");
    fail = false;
    expect(resolve({}).url.href).toBe("https://x/");
  });
});
