import { describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentityPoolsCommand,
  SetIdentityPoolRolesCommand,
  ValidationError,
} from "../src/index.js";
import { captureHandler, json } from "./helpers/capture.js";

const ROLE = "arn:aws:iam::123456789012:role/authenticated";

function setup() {
  const handler = captureHandler(json({}));
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
    requestHandler: handler,
  });
  return { client, handler };
}

async function violationsOf(command: object) {
  const { client, handler } = setup();
  const error = await client.send(command as GetIdCommand).catch((e: unknown) => e);
  expect(handler.requests).toHaveLength(0); // nothing left the client
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("input validation", () => {
  it("reports a deep path in the documented notation", async () => {
    const rules = [1, 2, 3].map((n) => ({
      Claim: `c${n}`,
      MatchType: "Equals",
      Value: "v",
      RoleARN: ROLE,
    }));
    rules.push({ Claim: "", MatchType: "Equals", Value: "v", RoleARN: ROLE });
    const error = await violationsOf(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: "us-east-1:0000",
        Roles: { authenticated: ROLE },
        RoleMappings: {
          "graph.facebook.com": { Type: "Rules", RulesConfiguration: { Rules: rules } },
        },
      }),
    );
    expect(error).toMatchObject({ name: "ValidationError", $fault: "client" });
    expect(error.message).toContain(
      'RoleMappings["graph.facebook.com"].RulesConfiguration.Rules[3].Claim: length 0, must be 1..64',
    );
    expect(error.violations).toContainEqual({
      path: 'RoleMappings["graph.facebook.com"].RulesConfiguration.Rules[3].Claim',
      rule: "length",
      expected: "1..64",
      actual: "0",
    });
  });

  it("collects every violation of one input", async () => {
    const error = await violationsOf(
      new CreateIdentityPoolCommand({
        IdentityPoolName: "bad/name",
        DeveloperProviderName: "",
      } as never),
    );
    expect(error.violations.map((v) => `${v.path} ${v.rule}`)).toEqual([
      "AllowUnauthenticatedIdentities required",
      "IdentityPoolName pattern",
      "DeveloperProviderName length",
      "DeveloperProviderName pattern",
    ]);
  });

  it.each([
    ["required", new GetIdCommand({} as never), "IdentityPoolId: required"],
    [
      "pattern",
      new GetIdCommand({ IdentityPoolId: "no-colon" }),
      'IdentityPoolId: "no-colon" does not match ^[\\w-]+:[0-9a-f-]+$',
    ],
    [
      "range (integer)",
      new ListIdentityPoolsCommand({ MaxResults: 61 }),
      "MaxResults: range 61, must be 1..60",
    ],
    [
      "integer type",
      new ListIdentityPoolsCommand({ MaxResults: 1.5 }),
      "MaxResults: number, must be an integer",
    ],
    [
      "string type",
      new GetIdCommand({ IdentityPoolId: 42 as never }),
      "IdentityPoolId: number, must be a string",
    ],
    [
      "range (long)",
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: "us-east-1:0000",
        Logins: { dev: "user" },
        TokenDuration: 86401,
      }),
      "TokenDuration: range 86401, must be 1..86400",
    ],
    [
      "map size",
      new GetIdCommand({
        IdentityPoolId: "us-east-1:0000",
        Logins: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, "t"])),
      }),
      "Logins: length 11 entries, must be 0..10",
    ],
    [
      "map key",
      new GetIdCommand({ IdentityPoolId: "us-east-1:0000", Logins: { "": "token" } }),
      'Logins[""]: key length 0, must be 1..128',
    ],
    [
      "list size",
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: "us-east-1:0000",
        Roles: {},
        RoleMappings: { p: { Type: "Rules", RulesConfiguration: { Rules: [] } } },
      }),
      'RoleMappings["p"].RulesConfiguration.Rules: length 0, must be 1..400',
    ],
    [
      "map value structure",
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: "us-east-1:0000",
        Roles: {},
        RoleMappings: { p: {} as never },
      }),
      'RoleMappings["p"].Type: required',
    ],
  ])("checks %s", async (_rule, command, line) => {
    const error = await violationsOf(command);
    expect(error.message.split("\n").map((l) => l.trim())).toContain(line);
  });

  it("counts string length in code points, as Smithy does", async () => {
    const { client } = setup();
    // 64 emoji are 128 UTF-16 units but 64 code points: the longest claim allowed.
    const claim = "😀".repeat(64);
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: "us-east-1:0000",
        Roles: {},
        RoleMappings: {
          p: {
            Type: "Rules",
            RulesConfiguration: {
              Rules: [{ Claim: claim, MatchType: "Equals", Value: "v", RoleARN: ROLE }],
            },
          },
        },
      }),
    );
    const error = await violationsOf(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: "us-east-1:0000",
        Roles: {},
        RoleMappings: {
          p: {
            Type: "Rules",
            RulesConfiguration: {
              Rules: [{ Claim: `${claim}😀`, MatchType: "Equals", Value: "v", RoleARN: ROLE }],
            },
          },
        },
      }),
    );
    expect(error.violations[0]).toMatchObject({ rule: "length", actual: "65" });
  });

  it("uses the u flag, so \\p{L} classes accept letters of any script", async () => {
    const { client, handler } = setup();
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: "us-east-1:0000",
        Roles: {},
        RoleMappings: {
          p: {
            Type: "Rules",
            RulesConfiguration: {
              Rules: [{ Claim: "grüße-名前", MatchType: "Equals", Value: "v", RoleARN: ROLE }],
            },
          },
        },
      }),
    );
    expect(handler.requests).toHaveLength(1);
  });

  it("lets unknown enum values through (enums stay open)", async () => {
    const { client, handler } = setup();
    await client.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: "us-east-1:0000",
        Roles: {},
        RoleMappings: { p: { Type: "SomethingNew" } },
      }),
    );
    expect(handler.requests).toHaveLength(1);
  });

  it("never prints the value of a sensitive member", async () => {
    const secret = "planted-secret-token-\n";
    const error = await violationsOf(
      new GetIdCommand({
        IdentityPoolId: "us-east-1:0000",
        Logins: { "": secret, p: "x".repeat(50001) },
      }),
    );
    expect(error.message).not.toContain("planted-secret-token");
    expect(error.message).not.toContain("xxxxx");
    expect(JSON.stringify(error.violations)).not.toContain("planted-secret-token");
  });

  it("reports a hole in a sparse list as a missing item", async () => {
    const ids = ["us-east-1:1", "us-east-1:2", "us-east-1:3"];
    delete ids[1];
    const error = await violationsOf(new DeleteIdentitiesCommand({ IdentityIdsToDelete: ids }));
    expect(error.violations).toEqual([
      {
        path: "IdentityIdsToDelete[1]",
        rule: "required",
        expected: "a value",
        actual: "undefined",
      },
    ]);
  });

  it("checks the members that are sent: own ones, not inherited ones", async () => {
    const inherited = Object.create({
      IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
    });
    const error = await violationsOf(new GetIdCommand(inherited));
    expect(error.violations).toEqual([
      { path: "IdentityPoolId", rule: "required", expected: "a value", actual: "missing" },
    ]);
    // A member that is not own is neither checked nor sent, so it cannot break the request.
    const { client, handler } = setup();
    const input = Object.create({ AccountId: "not digits" });
    input.IdentityPoolId = "us-east-1:00000000-0000-0000-0000-000000000000";
    await client.send(new GetIdCommand(input));
    expect(JSON.parse(String(handler.requests[0]!.body))).toEqual({
      IdentityPoolId: "us-east-1:00000000-0000-0000-0000-000000000000",
    });
  });

  it("can be turned off with validateInput: false", async () => {
    const handler = captureHandler(json({}));
    const client = new CognitoIdentityClient({
      region: "us-east-1",
      requestHandler: handler,
      validateInput: false,
    });
    await client.send(new GetIdCommand({ IdentityPoolId: "not valid at all" }));
    expect(handler.requests).toHaveLength(1);
  });
});
