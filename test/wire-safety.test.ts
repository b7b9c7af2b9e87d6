/**
 * Safe parsing and sending: hostile map keys and body members stay data, header values cannot
 * carry line breaks, and signatures or returned secrets never travel unencrypted off this host.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as schemas from "../src/generated/schemas.js";
import {
  CognitoIdentityClient,
  CognitoIdentityServiceException,
  ConfigurationError,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  InvalidParameterException,
  ListTagsForResourceCommand,
  TagResourceCommand,
} from "../src/index.js";
import { assertHeaderValue } from "../src/runtime/headers.js";
import { toWire } from "../src/runtime/json-codec.js";
import { serializeRequest } from "../src/runtime/protocol.js";
import { containsSensitive } from "../src/runtime/redact.js";
import type { Schema } from "../src/runtime/schema.js";
import { isLoopbackHost } from "../src/runtime/transport-security.js";
import { arbitraryFor } from "./helpers/arbitraries.js";
import { type CannedResponse, captureHandler, json } from "./helpers/capture.js";
import { allOperations, validOutputBody } from "./helpers/operations.js";

const POOL_ID = "us-east-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const IDENTITY_ID = "us-east-1:11111111-2222-3333-4444-555555555555";
const HOSTILE_KEYS = ["__proto__", "constructor", "prototype"];

function clientFor(answer: CannedResponse, options: object = {}) {
  const handler = captureHandler(answer);
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
    requestHandler: handler,
    ...options,
  });
  return { client, handler };
}

/** What `promise` rejected with; fails the test if it resolved. */
async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, any>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, any>;
  }
  throw new Error("expected the call to fail");
}

/** An object with `key` as an own, enumerable property, whatever the key. */
function withOwn(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * The smallest value of `schema` that reaches every map in it, with the hostile keys in each
 * map; `maps` collects the map schemas it reached.
 */
function hostile(schema: Schema, maps: Set<Schema>): unknown {
  switch (schema.kind) {
    case "structure": {
      const entries: [string, unknown][] = [];
      for (const [name, member] of Object.entries(schema.members)) {
        const value = hostile(member, maps);
        if (value !== undefined) entries.push([name, value]);
      }
      if (entries.length === 0) return undefined;
      // A structure the response must carry whole gets its required members too.
      for (const name of schema.required ?? []) {
        if (entries.some(([set]) => set === name)) continue;
        const [sample] = fc.sample(arbitraryFor(schema.members[name]!), { numRuns: 1, seed: 7 });
        entries.push([name, sample]);
      }
      return withOwn(entries);
    }
    case "list": {
      const item = hostile(schema.member, maps);
      return item === undefined ? undefined : [item];
    }
    case "map": {
      maps.add(schema);
      const [sample] = fc.sample(arbitraryFor(schema.value), { numRuns: 1, seed: 7 });
      const value = hostile(schema.value, maps) ?? sample;
      return withOwn(HOSTILE_KEYS.map((key) => [key, value]));
    }
    default:
      return undefined;
  }
}

/** Every map of `value` (by its schema), with the path it sits at. */
function mapsIn(value: unknown, schema: Schema, path: string, out: [string, object][] = []) {
  if (value == null) return out;
  if (schema.kind === "structure") {
    for (const [name, member] of Object.entries(schema.members)) {
      mapsIn((value as Record<string, unknown>)[name], member, `${path}.${name}`, out);
    }
  } else if (schema.kind === "list") {
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) mapsIn(list[i], schema.member, `${path}[${i}]`, out);
  } else if (schema.kind === "map") {
    out.push([path, value as object]);
    for (const key of HOSTILE_KEYS) {
      mapsIn((value as Record<string, unknown>)[key], schema.value, `${path}.${key}`, out);
    }
  }
  return out;
}

describe("prototype safety of responses", () => {
  const reached = new Set<Schema>();
  const cases = allOperations
    .map((entry) => ({ ...entry, body: hostile(entry.operation.output, reached) }))
    .filter((entry) => entry.body !== undefined);

  it("reaches every kind of map the outputs have", () => {
    expect(new Set(reached)).toEqual(
      new Set([
        schemas.IdentityProviders$,
        schemas.IdentityPoolTagsType$,
        schemas.RolesMap$,
        schemas.RoleMappingMap$,
        schemas.PrincipalTags$,
      ]),
    );
    expect(cases.map((c) => c.name)).toEqual([
      "CreateIdentityPool",
      "DescribeIdentityPool",
      "GetIdentityPoolRoles",
      "GetPrincipalTagAttributeMap",
      "ListTagsForResource",
      "SetPrincipalTagAttributeMap",
      "UpdateIdentityPool",
    ]);
  });

  it.each(cases)("$name keeps __proto__, constructor and prototype keys as own data", async (c) => {
    const wire = JSON.stringify(toWire(c.body, c.operation.output));
    expect(wire).toContain('"__proto__":');
    const before = Object.getOwnPropertyNames(Object.prototype);
    const { client } = clientFor({ body: wire });
    const [input] = fc.sample(arbitraryFor(c.operation.input), { numRuns: 1, seed: 3 });

    const output = await client.send(new c.Command(input));

    const maps = mapsIn(output, c.operation.output, "output");
    expect(maps.length).toBeGreaterThan(0);
    for (const [path, map] of maps) {
      expect(Object.getPrototypeOf(map), path).toBe(Object.prototype);
      expect(Object.keys(map), path).toEqual(HOSTILE_KEYS);
      for (const key of HOSTILE_KEYS) expect(Object.hasOwn(map, key), `${path}.${key}`).toBe(true);
    }
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("drops __proto__ members of structures, at the top and nested, without touching prototypes", async () => {
    const body = `{"__proto__":{"polluted":"top"},"IdentityId":"${IDENTITY_ID}",
      "Credentials":{"__proto__":{"polluted":"nested"},"AccessKeyId":"ASIA","constructor":{"x":1}}}`;
    const { client } = clientFor({ body });
    const output = await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: IDENTITY_ID }),
    );
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(output.Credentials)).toBe(Object.prototype);
    expect(Object.hasOwn(output, "__proto__")).toBe(false);
    expect(Object.hasOwn(output.Credentials!, "__proto__")).toBe(false);
    expect(Object.hasOwn(output.Credentials!, "constructor")).toBe(false);
    expect(output.Credentials).toEqual({ AccessKeyId: "ASIA" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads an error body with __proto__ members as data", async () => {
    const body = `{"__proto__":{"__type":"Polluted","polluted":"yes"},"__type":"InvalidParameterException","message":"no"}`;
    const { client } = clientFor({ status: 400, body });
    const error = await rejection(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toBe("no");
    expect(error.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(["constructor", "toString", "__proto__"])(
    "reads an error named %s, like a member of every object, as an unmodelled error",
    async (name) => {
      const { client } = clientFor({ status: 400, body: JSON.stringify({ __type: name }) });
      const error = await rejection(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })));
      expect(error).toBeInstanceOf(CognitoIdentityServiceException);
      expect(Object.getPrototypeOf(error)).toBe(CognitoIdentityServiceException.prototype);
      expect(error.name).toBe(name);
      expect(error.$fault).toBe("client");
    },
  );

  it("sends a __proto__ map key of the input as an ordinary key", async () => {
    const { client, handler } = clientFor(json({}));
    const Tags = JSON.parse('{"__proto__":"v","constructor":"w"}') as Record<string, string>;
    await client.send(new TagResourceCommand({ ResourceArn: `arn:aws:x:${POOL_ID}`, Tags }));
    expect(handler.requests[0]!.body).toBe(
      `{"ResourceArn":"arn:aws:x:${POOL_ID}","Tags":{"__proto__":"v","constructor":"w"}}`,
    );
  });
});

describe("header values", () => {
  it.each(["a\rb", "a\nb", "a\r\nX-Injected: 1", "a\u0000b"])(
    "refuses %j without repeating the value",
    (value) => {
      const error = (() => {
        try {
          assertHeaderValue("x-thing", `secret-${value}`);
        } catch (e) {
          return e as ConfigurationError;
        }
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ option: "x-thing", $fault: "client" });
      expect(error!.message).toContain('"x-thing" header');
      expect(error!.message).not.toContain("secret-");
    },
  );

  it("accepts ordinary values, tabs and non-ASCII text included", () => {
    expect(assertHeaderValue("x", "a b\tc é")).toBe("a b\tc é");
  });

  it("are checked by the serializer for every header it sets", () => {
    const operation = allOperations.find((o) => o.name === "GetId")!.operation;
    const bad = { ...operation, name: "GetId\r\nX-Injected: 1" };
    expect(() => serializeRequest(bad, {}, new URL("https://example.com/"))).toThrow(
      expect.objectContaining({ name: "ConfigurationError", option: "x-amz-target" }),
    );
  });

  it("are checked once more right before sending, signed headers included", async () => {
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      credentials: {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "secret",
        sessionToken: "planted-session-token\r\nX-Injected: 1",
      },
      requestHandler: handler,
    });
    const error = await client
      .send(new DescribeIdentityPoolCommand({ IdentityPoolId: POOL_ID }))
      .catch((e: unknown) => e);
    expect(handler.requests).toHaveLength(0);
    expect(error).toMatchObject({ name: "ConfigurationError", option: "x-amz-security-token" });
    expect((error as Error).message).not.toContain("planted-session-token");
  });

  it("added by a user middleware are checked too", async () => {
    const { client, handler } = clientFor(json({}));
    client.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers["x-custom"] = "a\nb";
        return next(args);
      },
      { step: "build" },
    );
    const error = await rejection(client.send(new GetIdCommand({ IdentityPoolId: POOL_ID })));
    expect(handler.requests).toHaveLength(0);
    expect(error).toMatchObject({ name: "ConfigurationError", option: "x-custom" });
  });
});

describe("allowInsecureEndpoint", () => {
  it.each([
    "localhost",
    "LOCALHOST",
    "localhost.",
    "api.localhost",
    "127.0.0.1",
    "127.255.1.2",
    "::1",
    "[::1]",
  ])("treats %s as loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    "example.com",
    "localhost.example.com",
    "notlocalhost",
    "127.0.0.1.nip.io",
    "128.0.0.1",
    "127.0.0.256",
    "10.0.0.1",
    "0.0.0.0",
    "[::2]",
    "[::ffff:7f00:1]",
  ])("does not treat %s as loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });

  /** The operations that may go over plain http to another host: unsigned, no secrets back. */
  const allowedOverHttp = allOperations
    .filter(({ operation }) => operation.auth === undefined && !containsSensitive(operation.output))
    .map(({ name }) => name);

  it("lets only unsigned operations that return no secrets go over plain http", () => {
    expect(allowedOverHttp).toEqual(["GetId", "UnlinkIdentity"]);
  });

  describe.each(allOperations)("$name", ({ name, operation, Command }) => {
    const [input] = fc.sample(arbitraryFor(operation.input), { numRuns: 1, seed: 11 });

    it(`${allowedOverHttp.includes(name) ? "goes" : "is refused"} over http:// to another host`, async () => {
      const { client, handler } = clientFor(
        { body: validOutputBody(operation) },
        { endpoint: "http://example.com" },
      );
      const result = await client.send(new Command(input)).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (allowedOverHttp.includes(name)) {
        expect(result).toBeUndefined();
        expect(handler.requests).toHaveLength(1);
      } else {
        expect(handler.requests).toHaveLength(0);
        expect(result).toBeInstanceOf(ConfigurationError);
        expect(result).toMatchObject({ option: "allowInsecureEndpoint" });
        expect((result as Error).message).toContain(`Refusing to send ${name} to example.com`);
        expect((result as Error).message).toContain("allowInsecureEndpoint: true");
      }
    });

    it.each([
      ["http://127.0.0.1:8080", {}],
      ["http://localhost:4566", {}],
      ["http://[::1]:4566", {}],
      ["https://example.com", {}],
      ["http://example.com", { allowInsecureEndpoint: true }],
    ])("goes to %s %j", async (endpoint, options) => {
      const { client, handler } = clientFor(
        { body: validOutputBody(operation) },
        { endpoint, ...options },
      );
      await client.send(new Command(input));
      expect(handler.requests).toHaveLength(1);
      expect(handler.requests[0]!.hostname).toBe(new URL(endpoint).hostname);
    });
  });
});

describe("a broken response of an operation that returns secrets", () => {
  it("is not quoted in the error", async () => {
    const body = '{"Credentials":{"SecretKey":"planted-secret-key-value","SessionToken":"pl';
    const { client } = clientFor({ body });
    const error = await rejection(
      client.send(new GetCredentialsForIdentityCommand({ IdentityId: IDENTITY_ID })),
    );
    expect(error).toMatchObject({ name: "InvalidResponseError", $fault: "server" });
    expect(error.message).toBe(
      `HTTP 200 response is not a JSON object (${body.length} characters)`,
    );
    const { client: tokens } = clientFor({ body: '{"Token":"planted-open-id-token' });
    const tokenError = await rejection(
      tokens.send(new GetOpenIdTokenCommand({ IdentityId: IDENTITY_ID })),
    );
    expect(tokenError.message).not.toContain("planted");
  });

  it("while other operations still quote a broken body, to help debugging", async () => {
    const { client } = clientFor({ body: "<html>proxy error</html>" });
    const error = await rejection(
      client.send(new ListTagsForResourceCommand({ ResourceArn: `arn:aws:x:${POOL_ID}` })),
    );
    expect(error.message).toContain("<html>proxy error</html>");
  });
});
