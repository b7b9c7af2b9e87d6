// The Cognito Identity endpoint rule set, written from the decision table in
// shared/spec/facts.md §10.2 (rows are referenced as "row n" below).
import type { Condition, EndpointRuleSet, Expression } from "./interpreter.js";

const ref = (name: string) => ({ ref: name });
const flag = (name: string): Condition => ({ fn: "booleanEquals", argv: [ref(name), true] });
const attr = (path: string): Expression => ({
  fn: "getAttr",
  argv: [ref("PartitionResult"), path],
});
const supports = (what: string): Condition => ({ fn: "booleanEquals", argv: [true, attr(what)] });
const regionIs = (region: string): Condition => ({
  fn: "stringEquals",
  argv: [ref("Region"), region],
});

export const ruleSet: EndpointRuleSet = {
  version: "1.0",
  parameters: {
    Region: { type: "string", builtIn: "AWS::Region", required: false },
    UseDualStack: { type: "boolean", builtIn: "AWS::UseDualStack", required: true, default: false },
    UseFIPS: { type: "boolean", builtIn: "AWS::UseFIPS", required: true, default: false },
    Endpoint: { type: "string", builtIn: "SDK::Endpoint", required: false },
  },
  rules: [
    {
      type: "tree",
      conditions: [{ fn: "isSet", argv: [ref("Endpoint")] }],
      rules: [
        // row 1
        {
          type: "error",
          conditions: [flag("UseFIPS")],
          error: "Invalid Configuration: FIPS and custom endpoint are not supported",
        },
        // row 2
        {
          type: "error",
          conditions: [flag("UseDualStack")],
          error: "Invalid Configuration: Dualstack and custom endpoint are not supported",
        },
        // row 3
        {
          type: "endpoint",
          conditions: [],
          endpoint: { url: ref("Endpoint"), properties: {}, headers: {} },
        },
      ],
    },
    {
      type: "tree",
      conditions: [{ fn: "isSet", argv: [ref("Region")] }],
      rules: [
        {
          // row 5
          type: "tree",
          conditions: [{ fn: "aws.partition", argv: [ref("Region")], assign: "PartitionResult" }],
          rules: [
            {
              type: "tree",
              conditions: [flag("UseFIPS"), flag("UseDualStack")],
              rules: [
                {
                  type: "tree",
                  conditions: [supports("supportsFIPS"), supports("supportsDualStack")],
                  rules: [
                    // row 6: four regions keep the plain FIPS host
                    ...["us-east-1", "us-east-2", "us-west-1", "us-west-2"].map((region) => ({
                      type: "endpoint" as const,
                      conditions: [regionIs(region)],
                      endpoint: { url: `https://cognito-identity-fips.${region}.amazonaws.com` },
                    })),
                    // row 7
                    {
                      type: "endpoint",
                      conditions: [],
                      endpoint: {
                        url: "https://cognito-identity-fips.{Region}.{PartitionResult#dualStackDnsSuffix}",
                      },
                    },
                  ],
                },
                // row 8
                {
                  type: "error",
                  conditions: [],
                  error:
                    "FIPS and DualStack are enabled, but this partition does not support one or both",
                },
              ],
            },
            {
              type: "tree",
              conditions: [flag("UseFIPS")],
              rules: [
                // row 9
                {
                  type: "endpoint",
                  conditions: [supports("supportsFIPS")],
                  endpoint: {
                    url: "https://cognito-identity-fips.{Region}.{PartitionResult#dnsSuffix}",
                  },
                },
                // row 10
                {
                  type: "error",
                  conditions: [],
                  error: "FIPS is enabled but this partition does not support FIPS",
                },
              ],
            },
            {
              type: "tree",
              conditions: [flag("UseDualStack")],
              rules: [
                {
                  type: "tree",
                  conditions: [supports("supportsDualStack")],
                  rules: [
                    // row 11
                    {
                      type: "endpoint",
                      conditions: [{ fn: "stringEquals", argv: ["aws", attr("name")] }],
                      endpoint: { url: "https://cognito-identity.{Region}.amazonaws.com" },
                    },
                    // row 12
                    {
                      type: "endpoint",
                      conditions: [],
                      endpoint: {
                        url: "https://cognito-identity.{Region}.{PartitionResult#dualStackDnsSuffix}",
                      },
                    },
                  ],
                },
                // row 13
                {
                  type: "error",
                  conditions: [],
                  error: "DualStack is enabled but this partition does not support DualStack",
                },
              ],
            },
            // row 14
            {
              type: "endpoint",
              conditions: [],
              endpoint: { url: "https://cognito-identity.{Region}.{PartitionResult#dnsSuffix}" },
            },
          ],
        },
      ],
    },
    // row 4
    { type: "error", conditions: [], error: "Invalid Configuration: Missing Region" },
  ],
};
