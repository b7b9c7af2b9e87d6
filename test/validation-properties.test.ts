/**
 * Validation against inputs generated from the schemas: whatever satisfies the model passes,
 * and each single change that breaks one rule is reported alone, at its path, by that rule.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CognitoIdentityClient, ValidationError } from "../src/index.js";
import type { Schema, StringSchema } from "../src/runtime/schema.js";
import { validate } from "../src/runtime/validate.js";
import { arbitraryFor, codePoints } from "./helpers/arbitraries.js";
import { captureHandler, json } from "./helpers/capture.js";
import { allOperations, validOutputBody } from "./helpers/operations.js";

/** One way to break one rule at one place of a value: what validation must then report. */
interface Mutation {
  readonly path: string;
  readonly rule: string;
  /** Breaks the rule in the (cloned) value the mutation was found in. */
  readonly apply: () => void;
}

const member = (path: string, name: string) => (path ? `${path}.${name}` : name);
const entry = (path: string, key: string) => `${path}[${JSON.stringify(key)}]`;

/** Every single-rule mutation of `value`, found by walking it with its schema. */
function mutations(value: unknown, schema: Schema, path: string, set: (v: unknown) => void) {
  const out: Mutation[] = [];
  const add = (rule: string, apply: () => void, at = path) => out.push({ path: at, rule, apply });
  switch (schema.kind) {
    case "string":
      for (const broken of brokenStrings(value as string, schema)) {
        add(broken.rule, () => set(broken.value));
      }
      break;
    case "number": {
      const { min, max } = schema.range ?? {};
      if (max !== undefined) add("range", () => set(max + 1));
      if (min !== undefined) add("range", () => set(min - 1));
      break;
    }
    case "list": {
      const list = value as unknown[];
      const { min, max } = schema.length ?? {};
      if (max !== undefined && list.length > 0) {
        add("length", () => list.push(...Array(max + 1 - list.length).fill(list[0])));
      }
      if (min !== undefined && min > 0) add("length", () => list.splice(0));
      list.forEach((item, i) => {
        out.push(...mutations(item, schema.member, `${path}[${i}]`, (v) => (list[i] = v)));
      });
      break;
    }
    case "map": {
      const map = value as Record<string, unknown>;
      const keys = Object.keys(map);
      const max = schema.length?.max;
      if (max !== undefined && keys.length > 0) {
        const extra = freshKeys(keys, schema.key, max + 1 - keys.length);
        if (extra) {
          add("length", () => {
            for (const key of extra) map[key] = map[keys[0]!];
          });
        }
      }
      for (const key of keys) {
        for (const broken of brokenStrings(key, schema.key)) {
          if (Object.hasOwn(map, broken.value)) continue;
          add(
            `key.${broken.rule}`,
            () => {
              map[broken.value] = map[key];
              delete map[key];
            },
            entry(path, broken.value),
          );
        }
        out.push(...mutations(map[key], schema.value, entry(path, key), (v) => (map[key] = v)));
      }
      break;
    }
    case "structure": {
      const object = value as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        add("required", () => delete object[name], member(path, name));
      }
      for (const [name, memberSchema] of Object.entries(schema.members)) {
        if (object[name] === undefined) continue;
        const at = member(path, name);
        out.push(...mutations(object[name], memberSchema, at, (v) => (object[name] = v)));
      }
      break;
    }
  }
  return out;
}

/**
 * Strings that break exactly one rule of `schema`: too long or too short (still matching the
 * pattern), or the right length but not matching.
 */
function brokenStrings(value: string, schema: StringSchema) {
  const out: { rule: string; value: string }[] = [];
  const chars = [...value];
  const { min, max } = schema.length ?? {};
  const matches = (s: string) => schema.pattern === undefined || schema.pattern.test(s);
  if (max !== undefined) {
    const last = chars.at(-1) ?? "a";
    const long = value + last.repeat(max + 1 - chars.length);
    if (matches(long)) out.push({ rule: "length", value: long });
  }
  if (min !== undefined && min > 0) {
    const short = chars.slice(0, min - 1).join("");
    if (matches(short)) out.push({ rule: "length", value: short });
  }
  if (schema.pattern && chars.length > 0) {
    for (const breaker of [" ", "!", "\u0000"]) {
      const bad = breaker + chars.slice(1).join("");
      if (!schema.pattern.test(bad)) {
        out.push({ rule: "pattern", value: bad });
        break;
      }
    }
  }
  return out;
}

/** `count` new keys that satisfy the key schema, made from an existing one, if there are any. */
function freshKeys(keys: string[], schema: StringSchema, count: number): string[] | undefined {
  const fresh: string[] = [];
  for (let i = 0; fresh.length < count && i < count * 4; i++) {
    const candidate = `${keys[0]!.slice(0, 8)}${i}`;
    const n = codePoints(candidate);
    const fits =
      n >= (schema.length?.min ?? 0) &&
      n <= (schema.length?.max ?? Infinity) &&
      (schema.pattern === undefined || schema.pattern.test(candidate));
    if (fits && !keys.includes(candidate) && !fresh.includes(candidate)) fresh.push(candidate);
  }
  return fresh.length === count ? fresh : undefined;
}

const client = (handler: ReturnType<typeof captureHandler>) =>
  new CognitoIdentityClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
    requestHandler: handler,
  });

describe("the generated inputs", () => {
  it("cover every operation", () => {
    expect(allOperations).toHaveLength(23);
  });
});

const ROLE = "arn:aws:iam::123456789012:role/r";
const POOL = "us-east-1:0000";

/** One failing input for each kind of constraint, and the one line that must report it. */
const constraintKinds: [string, string, object, string][] = [
  ["required member", "ListIdentityPools", {}, "MaxResults: required"],
  [
    "required list item",
    "DeleteIdentities",
    { IdentityIdsToDelete: [null] },
    "IdentityIdsToDelete[0]: required",
  ],
  [
    "string too long",
    "GetId",
    { IdentityPoolId: `${POOL}${"0".repeat(42)}` },
    "IdentityPoolId: length 56, must be 1..55",
  ],
  [
    "string too short",
    "ListTagsForResource",
    { ResourceArn: "arn:aws:iam::1:role" },
    "ResourceArn: length 19, must be 20..2048",
  ],
  [
    "pattern",
    "GetId",
    { IdentityPoolId: POOL, AccountId: "12a" },
    'AccountId: "12a" does not match ^\\d+$',
  ],
  [
    "pattern with \\p{..} classes",
    "SetIdentityPoolRoles",
    {
      IdentityPoolId: POOL,
      Roles: {},
      RoleMappings: {
        p: {
          Type: "Rules",
          RulesConfiguration: {
            Rules: [{ Claim: "a b", MatchType: "Equals", Value: "v", RoleARN: ROLE }],
          },
        },
      },
    },
    'RoleMappings["p"].RulesConfiguration.Rules[0].Claim: "a b" does not match ^[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+$',
  ],
  [
    "range above",
    "LookupDeveloperIdentity",
    { IdentityPoolId: POOL, MaxResults: 61 },
    "MaxResults: range 61, must be 1..60",
  ],
  [
    "range below",
    "GetOpenIdTokenForDeveloperIdentity",
    { IdentityPoolId: POOL, Logins: {}, TokenDuration: 0 },
    "TokenDuration: range 0, must be 1..86400",
  ],
  [
    "list too long",
    "DeleteIdentities",
    { IdentityIdsToDelete: Array(61).fill("us-east-1:1") },
    "IdentityIdsToDelete: length 61, must be 1..60",
  ],
  [
    "list too short",
    "DeleteIdentities",
    { IdentityIdsToDelete: [] },
    "IdentityIdsToDelete: length 0, must be 1..60",
  ],
  [
    "map too big",
    "CreateIdentityPool",
    {
      IdentityPoolName: "n",
      AllowUnauthenticatedIdentities: true,
      SupportedLoginProviders: Object.fromEntries(
        Array.from({ length: 11 }, (_, i) => [`p${i}`, "a"]),
      ),
    },
    "SupportedLoginProviders: length 11 entries, must be 0..10",
  ],
  [
    "map key length",
    "SetPrincipalTagAttributeMap",
    { IdentityPoolId: POOL, IdentityProviderName: "p", PrincipalTags: { ["k".repeat(129)]: "v" } },
    `PrincipalTags["${"k".repeat(129)}"]: key length 129, must be 1..128`,
  ],
  [
    "map key pattern",
    "SetIdentityPoolRoles",
    { IdentityPoolId: POOL, Roles: { admin: ROLE } },
    'Roles["admin"]: "admin" does not match ^(un)?authenticated$',
  ],
  [
    "map value",
    "SetPrincipalTagAttributeMap",
    { IdentityPoolId: POOL, IdentityProviderName: "p", PrincipalTags: { k: "" } },
    'PrincipalTags["k"]: length 0, must be 1..256',
  ],
  [
    "nested structure in a map",
    "SetIdentityPoolRoles",
    {
      IdentityPoolId: POOL,
      Roles: {},
      RoleMappings: { p: { Type: "Rules", RulesConfiguration: {} } },
    },
    'RoleMappings["p"].RulesConfiguration.Rules: required',
  ],
  [
    "structure in a list",
    "CreateIdentityPool",
    {
      IdentityPoolName: "n",
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [{ ClientId: "bad id" }],
    },
    'CognitoIdentityProviders[0].ClientId: "bad id" does not match ^[\\w_]+$',
  ],
  [
    "boolean type",
    "CreateIdentityPool",
    { IdentityPoolName: "n", AllowUnauthenticatedIdentities: "yes" },
    "AllowUnauthenticatedIdentities: string, must be a boolean",
  ],
  [
    "list type",
    "UntagResource",
    { ResourceArn: `${ROLE}-000`, TagKeys: "team" },
    "TagKeys: string, must be an array",
  ],
  [
    "map type",
    "TagResource",
    { ResourceArn: `${ROLE}-000`, Tags: ["team"] },
    "Tags: an array, must be an object",
  ],
];

describe("one failing input per constraint kind", () => {
  const byName = new Map(allOperations.map((entry) => [entry.name, entry]));

  it.each(constraintKinds)("%s (%s)", async (_kind, name, input, line) => {
    const { Command } = byName.get(name)!;
    const handler = captureHandler(json({}));
    const error = await client(handler)
      .send(new Command(input))
      .catch((e: unknown) => e);
    expect(handler.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations).toHaveLength(1);
    expect((error as Error).message.split("\n")[1]?.trim()).toBe(line);
  });
});

describe.each(allOperations)("$name", ({ operation, Command }) => {
  it("sends a valid input generated from the model", async () => {
    const [input] = fc.sample(arbitraryFor(operation.input), { numRuns: 1, seed: 5 });
    const handler = captureHandler({ body: validOutputBody(operation) });
    await client(handler).send(new Command(input));
    expect(handler.requests).toHaveLength(1);
  });

  it("accepts every input generated to satisfy the model", () => {
    fc.assert(
      fc.property(arbitraryFor(operation.input), (input) => {
        expect(validate(operation.input, input)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it("reports each single broken rule alone, at its path", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryFor(operation.input), (input) => {
        const count = mutations(structuredClone(input), operation.input, "", () => {}).length;
        for (let i = 0; i < count; i++) {
          // A fresh clone per mutation, found again by position.
          const copy = structuredClone(input);
          const mutation = mutations(copy, operation.input, "", () => {})[i]!;
          mutation.apply();
          const violations = validate(operation.input, copy);
          expect(violations.map((v) => [v.path, v.rule])).toEqual([[mutation.path, mutation.rule]]);
          checked++;
        }
      }),
      { numRuns: 50 },
    );
    expect(checked).toBeGreaterThan(0);
  });
});
