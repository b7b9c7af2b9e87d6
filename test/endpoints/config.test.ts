/**
 * resolveEndpointConfig on its own: how it binds rule set parameters to configuration and
 * caches what the rules give.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CompiledEndpointRules } from "../../src/runtime/endpoint.js";
import { resolveEndpointConfig } from "../../src/runtime/endpoint.js";
import { ConfigurationError } from "../../src/runtime/errors.js";
import type { ServiceDefinition } from "../../src/runtime/operation.js";

beforeEach(() => {
  for (const name of [
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_MY_SVC",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_USE_FIPS_ENDPOINT",
  ]) {
    vi.stubEnv(name, "");
  }
});
afterEach(() => vi.unstubAllEnvs());

/** A service whose rules put the region and the flags into the host and count their calls. */
function service(parameters: CompiledEndpointRules["parameters"]) {
  const calls: Record<string, unknown>[] = [];
  const endpointRules: CompiledEndpointRules = {
    parameters,
    resolve(params, fail) {
      calls.push({ ...params });
      if (params.Endpoint !== undefined) return params.Endpoint as string;
      if (params.Region === undefined) throw fail("Missing Region");
      return `https://svc.${params.Region}.${params.UseFIPS ? "fips" : "std"}.example`;
    },
  };
  return { calls, definition: { sdkId: "My Svc", endpointRules } as ServiceDefinition };
}

const standard = {
  Region: "AWS::Region",
  UseFIPS: "AWS::UseFIPS",
  Endpoint: "SDK::Endpoint",
  Other: "AWS::NotABuiltIn",
};

describe("resolveEndpointConfig", () => {
  it("binds parameters by builtIn, leaving unknown builtIns unset", async () => {
    const { calls, definition } = service(standard);
    const endpoint = resolveEndpointConfig(definition, { useFipsEndpoint: true }, async () => "r1");
    expect((await endpoint()).href).toBe("https://svc.r1.fips.example/");
    expect(calls).toEqual([{ Region: "r1", UseFIPS: true, Endpoint: undefined, Other: undefined }]);
  });

  it("evaluates the rules once per distinct set of parameters", async () => {
    const { calls, definition } = service(standard);
    const regions = ["r1", "r2", "r1", "r2", "r1"];
    // A region given as a function may change between calls, as the client passes it.
    const region = async () => regions.shift();
    const endpoint = resolveEndpointConfig(
      definition,
      { region, useFipsEndpoint: false, endpoint: undefined },
      region,
    );
    const hosts = [];
    for (let i = 0; i < 5; i++) hosts.push((await endpoint()).hostname);
    const [r1, r2] = ["svc.r1.std.example", "svc.r2.std.example"];
    expect(hosts).toEqual([r1, r2, r1, r2, r1]);
    expect(calls).toHaveLength(2);
  });

  it("keeps at most 50 parameter sets, dropping the oldest", async () => {
    const { calls, definition } = service(standard);
    let region = "";
    const regionOption = async () => region;
    const endpoint = resolveEndpointConfig(
      definition,
      { region: regionOption, useFipsEndpoint: false },
      regionOption,
    );
    for (let i = 0; i <= 50; i++) {
      region = `r${i}`;
      await endpoint();
    }
    expect(calls).toHaveLength(51);
    region = "r50";
    await endpoint();
    expect(calls).toHaveLength(51);
    region = "r0";
    await endpoint();
    expect(calls).toHaveLength(52);
  });

  it("gives each caller its own URL, so changing one leaves the cache alone", async () => {
    const { definition } = service(standard);
    const endpoint = resolveEndpointConfig(
      definition,
      { useFipsEndpoint: false },
      async () => "r1",
    );
    const first = await endpoint();
    first.hostname = "changed.example";
    expect((await endpoint()).hostname).toBe("svc.r1.std.example");
  });

  it("turns the rule set's errors into ConfigurationErrors of `endpoint`, and does not keep them", async () => {
    const { calls, definition } = service(standard);
    let region: string | undefined;
    const endpoint = resolveEndpointConfig(
      definition,
      { useFipsEndpoint: false },
      async () => region,
    );
    const error = await endpoint().catch((e) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ option: "endpoint", message: "Missing Region" });
    region = "r1";
    expect((await endpoint()).hostname).toBe("svc.r1.std.example");
    expect(calls).toHaveLength(2);
  });

  it.each([
    ["a string", "http://127.0.0.1:1/a", "http://127.0.0.1:1/a"],
    ["a URL", new URL("http://127.0.0.1:1/a"), "http://127.0.0.1:1/a"],
    [
      "an Endpoint without the colon",
      { protocol: "https", hostname: "h", path: "/p" },
      "https://h/p",
    ],
    [
      "an Endpoint with a port",
      { protocol: "http:", hostname: "h", port: 8, path: "/" },
      "http://h:8/",
    ],
  ])("passes a custom endpoint given as %s to the rules as a string", async (_l, option, given) => {
    const { calls, definition } = service(standard);
    const endpoint = resolveEndpointConfig(definition, { endpoint: option }, async () => "r1");
    await endpoint();
    expect(calls[0]!.Endpoint).toBe(given);
  });

  it("names the option or variable an invalid custom endpoint came from", async () => {
    const { definition } = service(standard);
    const fromOption = resolveEndpointConfig(
      definition,
      { endpoint: { protocol: "http", hostname: "a b", path: "/" } },
      async () => "r1",
    );
    await expect(fromOption()).rejects.toMatchObject({
      option: "endpoint",
      message: 'endpoint "http://a b/" is not a valid URL.',
    });
    vi.stubEnv("AWS_ENDPOINT_URL", "nope");
    const fromEnv = resolveEndpointConfig(definition, {}, async () => "r1");
    await expect(fromEnv()).rejects.toMatchObject({
      option: "AWS_ENDPOINT_URL",
      message: 'AWS_ENDPOINT_URL "nope" is not a valid URL.',
    });
  });
});

describe("resolveEndpointConfig with fixed options", () => {
  it("evaluates the rules once and hands out copies", async () => {
    const { calls, definition } = service(standard);
    const endpoint = resolveEndpointConfig(definition, { region: "r1" }, async () => "r1");
    const [first, second] = [await endpoint(), await endpoint()];
    expect(calls).toHaveLength(1);
    first.hostname = "changed.example";
    expect(second.hostname).toBe("svc.r1.std.example");
    expect((await endpoint()).hostname).toBe("svc.r1.std.example");
  });
});
