import { describe, expect, it } from "vitest";
import { cases, ERR_NO_DUAL, ERR_NO_FIPS, ERR_NO_FIPS_DUAL } from "./cases.js";
import { createEndpointResolver, EndpointResolutionError, resolveEndpoint } from "./interpreter.js";
import { PARTITIONS, type PartitionData } from "./partition-data.js";
import { ruleSet } from "./ruleset.fixture.js";

describe("Cognito Identity rule set (facts §10.2)", () => {
  it("has at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  const resolve = createEndpointResolver(ruleSet);

  for (const c of cases) {
    it(c.name, () => {
      if (c.error !== undefined) {
        expect(() => resolveEndpoint(ruleSet, { ...c.params })).toThrow(
          new EndpointResolutionError(c.error),
        );
        expect(() => resolve({ ...c.params })).toThrow(c.error);
      } else {
        const r = resolveEndpoint(ruleSet, { ...c.params });
        expect(r.url.href).toBe(new URL(c.url!).href);
        expect(r.headers).toEqual({});
        expect(r.properties).toEqual({});
        expect(resolve({ ...c.params }).url.href).toBe(r.url.href);
      }
    });
  }
});

describe("partitions without FIPS or dual-stack (rows 8, 10, 13)", () => {
  const variant = (patch: Partial<PartitionData["outputs"]>): PartitionData[] =>
    PARTITIONS.map((p) => ({ ...p, outputs: { ...p.outputs, ...patch } }));
  const noFips = createEndpointResolver(ruleSet, { partitions: variant({ supportsFIPS: false }) });
  const noDual = createEndpointResolver(ruleSet, {
    partitions: variant({ supportsDualStack: false }),
  });

  it("row 8: FIPS + dual-stack when either is missing", () => {
    expect(() => noFips({ Region: "us-east-1", UseFIPS: true, UseDualStack: true })).toThrow(
      ERR_NO_FIPS_DUAL,
    );
    expect(() => noDual({ Region: "ca-central-1", UseFIPS: true, UseDualStack: true })).toThrow(
      ERR_NO_FIPS_DUAL,
    );
  });

  it("row 10: FIPS without partition support", () => {
    expect(() => noFips({ Region: "cn-north-1", UseFIPS: true })).toThrow(ERR_NO_FIPS);
    expect(noDual({ Region: "cn-north-1", UseFIPS: true }).url.href).toBe(
      "https://cognito-identity-fips.cn-north-1.amazonaws.com.cn/",
    );
  });

  it("row 13: dual-stack without partition support", () => {
    expect(() => noDual({ Region: "eu-west-1", UseDualStack: true })).toThrow(ERR_NO_DUAL);
    expect(noFips({ Region: "eu-west-1", UseDualStack: true }).url.href).toBe(
      "https://cognito-identity.eu-west-1.amazonaws.com/",
    );
  });

  it("leaves the standard endpoint and the built-in data alone", () => {
    expect(noFips({ Region: "us-gov-west-1" }).url.href).toBe(
      "https://cognito-identity.us-gov-west-1.amazonaws.com/",
    );
    expect(resolveEndpoint(ruleSet, { Region: "us-east-1", UseFIPS: true }).url.href).toBe(
      "https://cognito-identity-fips.us-east-1.amazonaws.com/",
    );
  });
});
