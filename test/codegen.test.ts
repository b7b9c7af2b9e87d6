import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SmithyModel } from "../codegen/ast.js";
import { summary, tsdoc } from "../codegen/emit/text.js";
import { generate } from "../codegen/generate.js";
import { schemaRefs } from "../codegen/ir.js";
import { loadModel, loadModelFile, ModelError } from "../codegen/load.js";
import { pascalCase, resolveService } from "../codegen/resolve.js";
import { readTargets } from "../codegen/targets.js";
import { diffFiles, render } from "../codegen/write.js";

const root = join(import.meta.dirname, "..");

/** A minimal valid model that tests modify one aspect of. */
function model(
  shapes: SmithyModel["shapes"] = {},
  serviceTraits: Record<string, unknown> = {},
): SmithyModel {
  return {
    smithy: "2.0",
    shapes: {
      "ex.test#Svc": {
        type: "service",
        version: "1",
        operations: [{ target: "ex.test#Op" }],
        traits: {
          "aws.protocols#awsJson1_1": {},
          "aws.api#service": { sdkId: "My test-svc" },
          ...serviceTraits,
        },
      },
      "ex.test#Op": { type: "operation", input: { target: "ex.test#OpInput" } },
      "ex.test#OpInput": { type: "structure", members: {} },
      ...shapes,
    },
  };
}

describe("load", () => {
  it("rejects what is not a Smithy 2.0 model", () => {
    expect(() => loadModel({ smithy: "1.0", shapes: {} })).toThrow(ModelError);
  });

  it("rejects a reference to a shape that does not exist, naming both ends", () => {
    const bad = model({
      "ex.test#OpInput": { type: "structure", members: { A: { target: "ex.test#Missing" } } },
    });
    expect(() => loadModel(bad)).toThrow("ex.test#OpInput$A targets unknown shape ex.test#Missing");
  });

  it("rejects a protocol it cannot generate", () => {
    const bad = model();
    bad.shapes["ex.test#Svc"]!.traits = { "aws.protocols#restJson1": {} };
    expect(() => loadModel(bad)).toThrow(/protocol/);
  });

  it("needs exactly one service", () => {
    const bad = model({ "ex.test#Other": { type: "service", version: "1" } });
    expect(() => loadModel(bad)).toThrow(/exactly one service/);
  });
});

describe("resolve", () => {
  it("derives the generated names from the SDK id", () => {
    const ir = resolveService(loadModel(model()));
    expect(pascalCase("Cognito Identity")).toBe("CognitoIdentity");
    expect([ir.clientName, ir.aggregateName, ir.baseErrorName, ir.guardName]).toEqual([
      "MyTestSvcClient",
      "MyTestSvc",
      "MyTestSvcServiceException",
      "isMyTestSvcError",
    ]);
    expect(ir.operations[0]).toMatchObject({
      commandName: "OpCommand",
      methodName: "op",
      auth: "sigv4",
    });
  });

  it("renames a structure that would shadow a global used by generated code", () => {
    const ir = resolveService(
      loadModel(
        model({
          "ex.test#OpInput": { type: "structure", members: { D: { target: "ex.test#Date" } } },
          "ex.test#Date": { type: "structure", members: {} },
        }),
      ),
    );
    expect(ir.structures.map((s) => s.name)).toContain("DateShape");
    expect(ir.structures.find((s) => s.name === "OpInput")?.members[0]?.type).toBe("DateShape");
  });

  it("refuses recursive shapes clearly instead of emitting broken code", () => {
    const recursive = model({
      "ex.test#OpInput": { type: "structure", members: { Next: { target: "ex.test#OpInput" } } },
    });
    expect(() => resolveService(loadModel(recursive))).toThrow(/recursive/);
  });

  it("reads auth, pagination and required members from the traits", () => {
    const ir = resolveService(loadModelFile(join(root, "test/fixtures/weather/model.json")));
    const byName = Object.fromEntries(ir.operations.map((op) => [op.name, op]));
    expect(byName.GetForecast?.auth).toBe("none");
    expect(byName.RecordObservation?.auth).toBe("sigv4");
    expect(byName.RecordObservation?.requiredInput).toEqual(["City", "ObservedAt", "Celsius"]);
    expect(byName.ListCities?.paginated).toEqual({
      inputToken: "Cursor",
      outputToken: "NextCursor",
      pageSize: "Limit",
      items: "Cities",
    });
  });

  it("reads retry safety from @readonly and @idempotent", () => {
    const ir = resolveService(loadModelFile(join(root, "test/fixtures/weather/model.json")));
    const byName = Object.fromEntries(ir.operations.map((op) => [op.name, op]));
    expect(byName.GetForecast).toMatchObject({ safeToRetry: true, readOnly: true });
    expect(byName.ListCities).toMatchObject({ safeToRetry: true, readOnly: false });
    expect(byName.RecordObservation).toMatchObject({ safeToRetry: false, readOnly: false });
  });

  it("refuses an operation marked both @readonly and @idempotent", () => {
    const both = model();
    both.shapes["ex.test#Op"]!.traits = { "smithy.api#readonly": {}, "smithy.api#idempotent": {} };
    expect(() => resolveService(loadModel(both))).toThrow(/both @readonly and @idempotent/);
  });

  it("gives a required page size with a range the range's maximum as default", () => {
    const ir = resolveService(loadModelFile(join(root, "model/cognito-identity.json")));
    const list = ir.operations.find((op) => op.name === "ListIdentityPools");
    expect(list?.paginated?.defaultPageSize).toBe(60);
    const lookup = ir.operations.find((op) => op.name === "LookupDeveloperIdentity");
    expect(lookup?.paginated?.defaultPageSize).toBeUndefined();
  });

  it("marks strings that credential members target as sensitive, and nothing else", () => {
    const sample = loadModel(
      model({
        "ex.test#OpInput": {
          type: "structure",
          members: {
            SessionToken: { target: "ex.test#Token" },
            AccessKeyId: { target: "smithy.api#String" },
            Note: { target: "ex.test#Note" },
            Other: { target: "smithy.api#String" },
          },
        },
        "ex.test#Token": { type: "string" },
        "ex.test#Note": { type: "string", traits: { "smithy.api#length": { max: 9 } } },
      }),
    );
    const byName = Object.fromEntries(resolveService(sample).schemas.map((s) => [s.name, s]));
    expect(byName.Token$).toMatchObject({ kind: "string", sensitive: true });
    expect(byName.Note$).toMatchObject({ kind: "string", sensitive: false });
    // The prelude String is shared by every plain string member, so only this member changes.
    expect(byName.OpInput$).toMatchObject({
      members: [
        ["SessionToken", "Token$"],
        ["AccessKeyId", "SECRET_STRING"],
        ["Note", "Note$"],
        ["Other", "STRING"],
      ],
    });
    const schemas = generate(sample, { runtime: "../rt", clientUserAgent: "test/0" }).find(
      (f) => f.path === "schemas.ts",
    );
    expect(schemas?.content).toMatch(/^import \{ SECRET_STRING, STRING, /);
  });

  it("orders schemas so that each refers only to schemas defined before it", () => {
    const ir = resolveService(loadModelFile(join(root, "model/cognito-identity.json")));
    const seen = new Set<string>();
    for (const schema of ir.schemas) {
      for (const ref of schemaRefs(schema).filter((r) => r.endsWith("$")))
        expect(seen).toContain(ref);
      seen.add(schema.name);
    }
  });
});

describe("emit", () => {
  it("emits each distinct schema once, as pure constructor calls", () => {
    const files = generate(loadModelFile(join(root, "model/cognito-identity.json")), {
      runtime: "../rt",
      clientUserAgent: "test/0",
    });
    const schemas = files.find((f) => f.path === "schemas.ts")!.content;
    // Identical shapes, and shapes equal to a runtime constant, are exported again by name.
    expect(schemas).toContain("export { IdentityId$ as IdentityPoolId$ };\n");
    expect(schemas).toContain(
      "export { ConcurrentModificationException$ as NotAuthorizedException$ };\n",
    );
    expect(schemas).toContain("export { SECRET_STRING as SessionTokenString$ };\n");
    expect(schemas).toContain("export { UNIT as TagResourceResponse$ };\n");
    // Aliases are resolved where they are used.
    expect(schemas).toContain(
      'export const DeleteIdentityPoolInput$ = /* @__PURE__ */ structure({ IdentityPoolId: IdentityId$ }, ["IdentityPoolId"]);',
    );
    expect(schemas).toContain(
      "export const IdentityProviderToken$ = /* @__PURE__ */ sensitive(/* @__PURE__ */ string(1, 50000));",
    );
    // Every call is marked pure, so a bundle drops the schemas it does not reach.
    const calls = schemas.match(/\b(string|integer|number|list|map|structure|sensitive)\(/g) ?? [];
    const pure = schemas.match(/\/\* @__PURE__ \*\/ \w+\(/g) ?? [];
    expect(pure).toHaveLength(calls.length);
  });

  it("gives the error table a schema only for errors with members besides `message`", () => {
    const error = (members: Record<string, { target: string }>) => ({
      type: "structure" as const,
      members,
      traits: { "smithy.api#error": "client" },
    });
    const errors = model({
      "ex.test#MessageOnly": error({ message: { target: "smithy.api#String" } }),
      "ex.test#Capitalised": error({ Message: { target: "smithy.api#String" } }),
      "ex.test#WithCode": error({
        message: { target: "smithy.api#String" },
        Code: { target: "smithy.api#String" },
      }),
    });
    errors.shapes["ex.test#Op"]!.errors = ["MessageOnly", "Capitalised", "WithCode"].map(
      (name) => ({ target: `ex.test#${name}` }),
    );
    const files = generate(loadModel(errors), { runtime: "../rt", clientUserAgent: "test/0" });
    const service = files.find((f) => f.path === "service.ts")!.content;
    expect(service).toContain(
      "  errors: {\n    Capitalised,\n    MessageOnly,\n    WithCode,\n  },\n",
    );
    // The runtime skips only `message` itself: a `Message` member is read by its schema.
    expect(service).toContain(
      "  errorSchemas: {\n    Capitalised: Capitalised$,\n    WithCode: WithCode$,\n  },\n",
    );
  });

  it("writes TSDoc that cannot close early and has no stray blank lines", () => {
    expect(tsdoc(["", "Ends */ here.", "", "", "@public"])).toBe(
      "/**\n * Ends *\\/ here.\n *\n * @public\n */\n",
    );
    expect(tsdoc(["", ""])).toBe("");
    expect(summary("First <b>sentence</b>. Second one.")).toBe("First sentence.");
  });

  it("emits enums as a const object and a union type, never a TS enum", () => {
    const files = generate(loadModelFile(join(root, "test/fixtures/weather/model.json")), {
      runtime: "../rt",
      clientUserAgent: "test/0",
    });
    const types = files.find((f) => f.path === "types.ts")!.content;
    expect(types).toContain(
      'export const Conditions = {\n  SUNNY: "Sunny",\n  RAINY: "Rainy",\n} as const;',
    );
    expect(types).toContain(
      "export type Conditions = (typeof Conditions)[keyof typeof Conditions];",
    );
    expect(types).not.toMatch(/\benum\b/);
    expect(types).toContain("Conditions?: Conditions | (string & {}) | undefined;");
    expect(types).toContain("IssuedAt?: Date | undefined;");
    expect(types).toContain("HourlyTemperatures?: Record<string, number> | undefined;");
  });

  it("imports the signer only into commands of signed operations", () => {
    const files = generate(loadModelFile(join(root, "test/fixtures/weather/model.json")), {
      runtime: "../rt",
      clientUserAgent: "test/0",
    });
    const command = (name: string) =>
      files.find((f) => f.path === `commands/${name}Command.ts`)!.content;
    expect(command("GetForecast")).not.toContain("sigv4");
    expect(command("ListCities")).toContain('import { sigv4 } from "../../rt/auth/sigv4.js";');
  });

  it("carries retry safety into each operation definition and its docs", () => {
    const files = generate(loadModelFile(join(root, "test/fixtures/weather/model.json")), {
      runtime: "../rt",
      clientUserAgent: "test/0",
    });
    const command = (name: string) =>
      files.find((f) => f.path === `commands/${name}Command.ts`)!.content;
    // The last arguments of commandClass: the auth scheme, then `true` when safe to retry.
    expect(command("GetForecast")).toContain("  Forecast$,\n  undefined,\n  true,\n)");
    expect(command("GetForecast")).toContain("Retries: read-only (`@readonly`)");
    expect(command("ListCities")).toContain("  sigv4,\n  true,\n)");
    expect(command("ListCities")).toContain("Retries: idempotent (`@idempotent`)");
    expect(command("RecordObservation")).toContain("  UNIT,\n  sigv4,\n)");
    expect(command("RecordObservation")).toContain("it is not sent again and never runs twice");
  });

  it("is deterministic", () => {
    const target = { model: "test/fixtures/weather/model.json", out: "x" };
    const once = render(
      generate(loadModelFile(join(root, target.model)), {
        runtime: "../rt",
        clientUserAgent: "test/0",
      }),
      target,
    );
    const twice = render(
      generate(loadModelFile(join(root, target.model)), {
        runtime: "../rt",
        clientUserAgent: "test/0",
      }),
      target,
    );
    expect([...once]).toEqual([...twice]);
    for (const content of once.values())
      expect(content.startsWith("// Generated by codegen")).toBe(true);
  });
});

describe("the committed output", () => {
  it.each(readTargets(root))("of $model matches a fresh generation (golden test)", (target) => {
    const files = render(generate(loadModelFile(join(root, target.model)), target.context), target);
    expect(diffFiles(root, target, files)).toEqual([]);
  });
});

describe("service independence", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  it.each(["codegen", "src/runtime"])("nothing in %s names the service", (dir) => {
    const offenders = files(join(root, dir)).filter((f) =>
      /cognito/i.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });
});
