/**
 * The endpoint cases of facts §10, driven through the public client: the URL a request is
 * actually sent to (or the error it is refused with), using the rule set from the model.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { CognitoIdentityClient, ConfigurationError, GetIdCommand } from "../../src/index.js";
import { captureHandler, json } from "../helpers/capture.js";
import { cases } from "./cases.js";

const AWS_VARIABLES = [
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_USE_FIPS_ENDPOINT",
  "AWS_USE_DUALSTACK_ENDPOINT",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_COGNITO_IDENTITY",
  "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
];

function clearAwsEnv() {
  for (const name of AWS_VARIABLES) vi.stubEnv(name, "");
}

afterEach(() => vi.unstubAllEnvs());

/** Sends a GetId and returns the URL it went to, or the error it was refused with. */
async function destination(config: ConstructorParameters<typeof CognitoIdentityClient>[0]) {
  const handler = captureHandler(json({}));
  const client = new CognitoIdentityClient({ ...config, requestHandler: handler });
  try {
    await client.send(new GetIdCommand({ IdentityPoolId: "us-east-1:0000" }));
  } catch (error) {
    expect(handler.requests).toHaveLength(0);
    return { error };
  }
  const [request] = handler.requests;
  const port = request!.port ? `:${request!.port}` : "";
  return { url: `${request!.protocol}//${request!.hostname}${port}${request!.path}` };
}

// Rows needing partition data without FIPS or dual-stack support cannot be reached with the
// real data (every partition supports both); test/endpoints/ruleset.test.ts covers them.
const reachable = cases.filter((c) => !/does not support/.test(c.error ?? ""));

describe("endpoint of every case in facts §10, through the client", () => {
  it("covers at least 40 cases", () => expect(reachable.length).toBeGreaterThanOrEqual(40));

  it.each(reachable)("$name", async ({ params, url, error }) => {
    clearAwsEnv();
    const result = await destination({
      ...(params.Region !== undefined ? { region: params.Region } : {}),
      ...(params.Endpoint !== undefined ? { endpoint: params.Endpoint } : {}),
      useFipsEndpoint: params.UseFIPS ?? false,
      useDualstackEndpoint: params.UseDualStack ?? false,
    });
    if (error !== undefined) {
      expect(result.error).toBeInstanceOf(ConfigurationError);
      expect(result.error).toMatchObject({ option: "endpoint", message: error });
    } else {
      expect(result.url).toBe(new URL(url!).href);
    }
  });
});

describe("endpoint configuration from options and the environment", () => {
  it("reads the FIPS and dual-stack flags from the environment", async () => {
    clearAwsEnv();
    vi.stubEnv("AWS_USE_FIPS_ENDPOINT", "true");
    vi.stubEnv("AWS_USE_DUALSTACK_ENDPOINT", "TRUE");
    expect(await destination({ region: "ca-central-1" })).toEqual({
      url: "https://cognito-identity-fips.ca-central-1.api.aws/",
    });
  });

  it("prefers the options to the environment", async () => {
    clearAwsEnv();
    vi.stubEnv("AWS_REGION", "eu-west-1");
    vi.stubEnv("AWS_USE_FIPS_ENDPOINT", "true");
    expect(await destination({ region: "eu-central-1", useFipsEndpoint: false })).toEqual({
      url: "https://cognito-identity.eu-central-1.amazonaws.com/",
    });
  });

  it("accepts provider functions for the flags", async () => {
    clearAwsEnv();
    expect(
      await destination({ region: "cn-north-1", useDualstackEndpoint: async () => true }),
    ).toEqual({ url: "https://cognito-identity.cn-north-1.api.amazonwebservices.com.cn/" });
  });

  it.each([
    ["AWS_USE_FIPS_ENDPOINT", "yes"],
    ["AWS_USE_DUALSTACK_ENDPOINT", "1"],
  ])("rejects %s=%s with an error naming the variable and the value", async (name, value) => {
    clearAwsEnv();
    vi.stubEnv(name, value);
    const { error } = await destination({ region: "us-east-1" });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({
      option: name,
      message: `${name} must be "true" or "false", not "${value}".`,
    });
  });

  it("uses the service's endpoint variable before AWS_ENDPOINT_URL", async () => {
    clearAwsEnv();
    vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:1111");
    expect(await destination({})).toEqual({ url: "http://127.0.0.1:1111/" });
    vi.stubEnv("AWS_ENDPOINT_URL_COGNITO_IDENTITY", "http://127.0.0.1:2222");
    expect(await destination({})).toEqual({ url: "http://127.0.0.1:2222/" });
  });

  it("lets the endpoint option win over the endpoint variables", async () => {
    clearAwsEnv();
    vi.stubEnv("AWS_ENDPOINT_URL_COGNITO_IDENTITY", "http://127.0.0.1:2222");
    expect(await destination({ endpoint: "http://localhost:3333" })).toEqual({
      url: "http://localhost:3333/",
    });
  });

  it("ignores the endpoint variables when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true", async () => {
    clearAwsEnv();
    vi.stubEnv("AWS_ENDPOINT_URL", "http://127.0.0.1:1111");
    vi.stubEnv("AWS_ENDPOINT_URL_COGNITO_IDENTITY", "http://127.0.0.1:2222");
    vi.stubEnv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    expect(await destination({ region: "eu-west-3" })).toEqual({
      url: "https://cognito-identity.eu-west-3.amazonaws.com/",
    });
  });

  it("rejects an endpoint variable that is not a URL, naming the variable and the value", async () => {
    clearAwsEnv();
    vi.stubEnv("AWS_ENDPOINT_URL_COGNITO_IDENTITY", "local host");
    const { error } = await destination({ region: "us-east-1" });
    expect(error).toMatchObject({
      name: "ConfigurationError",
      option: "AWS_ENDPOINT_URL_COGNITO_IDENTITY",
      message: 'AWS_ENDPOINT_URL_COGNITO_IDENTITY "local host" is not a valid URL.',
    });
  });

  it("keeps a custom endpoint's path", async () => {
    clearAwsEnv();
    expect(await destination({ endpoint: "https://proxy.example.com/cognito/" })).toEqual({
      url: "https://proxy.example.com/cognito/",
    });
  });
});
