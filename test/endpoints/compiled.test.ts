/**
 * The generator compiles the model's rule set into code; the interpreter evaluates the same
 * rule set as data. Both must agree on every case, including the rows only reachable with
 * partition data that lacks FIPS or dual-stack.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { endpointRules } from "../../src/generated/endpoints.js";
import { cases } from "./cases.js";
import { type EndpointRuleSet, resolveEndpoint } from "./interpreter.js";
import {
  createPartitionLookup,
  PARTITIONS,
  type PartitionData,
  type PartitionLookup,
} from "./partition-data.js";

// The compiled rules call the runtime's `aws.partition`; altered data goes in through here.
const partitionData = vi.hoisted(() => ({ lookup: undefined as PartitionLookup | undefined }));
vi.mock("../../src/runtime/endpoints/partitions.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/runtime/endpoints/partitions.js")>();
  return {
    ...actual,
    partition: (region: string) => (partitionData.lookup ?? actual.partition)(region),
  };
});

const model = JSON.parse(
  readFileSync(new URL("../../model/cognito-identity.json", import.meta.url), "utf8"),
);
const ruleSet: EndpointRuleSet =
  model.shapes["com.amazonaws.cognitoidentity#AWSCognitoIdentityService"].traits[
    "smithy.rules#endpointRuleSet"
  ];

class RuleError extends Error {}

function compiled(
  params: Readonly<Record<string, string | boolean | undefined>>,
  partitions?: readonly PartitionData[],
) {
  partitionData.lookup = partitions && createPartitionLookup(partitions);
  try {
    return { url: new URL(endpointRules.resolve(params, (m) => new RuleError(m))).href };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    partitionData.lookup = undefined;
  }
}

function interpreted(
  params: Readonly<Record<string, string | boolean | undefined>>,
  partitions?: readonly PartitionData[],
) {
  try {
    return { url: resolveEndpoint(ruleSet, params, partitions ? { partitions } : {}).url.href };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const variants: [string, PartitionData[] | undefined][] = [
  ["real partition data", undefined],
  ["no FIPS", PARTITIONS.map((p) => ({ ...p, outputs: { ...p.outputs, supportsFIPS: false } }))],
  [
    "no dual-stack",
    PARTITIONS.map((p) => ({ ...p, outputs: { ...p.outputs, supportsDualStack: false } })),
  ],
];

describe.each(variants)("compiled rules and the interpreter agree (%s)", (_label, partitions) => {
  it.each(cases)("$name", ({ params }) => {
    expect(compiled(params, partitions)).toEqual(interpreted(params, partitions));
  });
});

describe("the compiled rules", () => {
  it.each(cases)("give the expected result: $name", ({ params, url, error }) => {
    if (error !== undefined) {
      // The three partition-support errors need altered data; the others must match exactly.
      if (!/does not support/.test(error)) expect(compiled(params)).toEqual({ error });
    } else {
      expect(compiled(params)).toEqual({ url: new URL(url!).href });
    }
  });

  it("read the altered partition data of a variant", () => {
    const noFips = variants[1]![1];
    expect(compiled({ Region: "us-east-1", UseFIPS: true }, noFips)).toEqual({
      error: "FIPS is enabled but this partition does not support FIPS",
    });
    expect(compiled({ Region: "us-east-1", UseFIPS: true })).toEqual({
      url: "https://cognito-identity-fips.us-east-1.amazonaws.com/",
    });
  });

  it("bind only the parameters that have a builtIn, to its name", () => {
    expect(endpointRules.parameters).toEqual({
      Region: "AWS::Region",
      UseDualStack: "AWS::UseDualStack",
      UseFIPS: "AWS::UseFIPS",
      Endpoint: "SDK::Endpoint",
    });
  });
});
