import { describe, expect, it, vi } from "vitest";
import { CognitoIdentityClient, ConfigurationError, GetIdCommand } from "../src/index.js";
import { captureHandler, json } from "./helpers/capture.js";

const pkg = (await import("../package.json", { with: { type: "json" } })).default;

async function headersOf(config: ConstructorParameters<typeof CognitoIdentityClient>[0]) {
  const handler = captureHandler(json({}));
  await new CognitoIdentityClient({ region: "us-east-1", ...config, requestHandler: handler }).send(
    new GetIdCommand({ IdentityPoolId: "us-east-1:0000" }),
  );
  return handler.requests[0]!.headers;
}

describe("user agent", () => {
  it("names the package, its version and the Node version in User-Agent", async () => {
    const headers = await headersOf({});
    expect(headers["user-agent"]).toBe(
      `${pkg.name}/${pkg.version} lang/js md/nodejs#${process.versions.node} api/cognito-identity#2014-06-30`,
    );
    expect(headers["x-amz-user-agent"]).toBeUndefined();
  });

  it("appends customUserAgent, as a string or as name/version pairs", async () => {
    expect((await headersOf({ customUserAgent: "my-app/1.2" }))["user-agent"]).toMatch(
      / my-app\/1\.2$/,
    );
    const pairs = await headersOf({ customUserAgent: [["my-app", "1.2"], ["feature-x"]] });
    expect(pairs["user-agent"]).toMatch(/ my-app\/1\.2 feature-x$/);
  });

  it("uses x-amz-user-agent where there is no Node (browsers forbid changing User-Agent)", async () => {
    vi.stubGlobal("process", undefined);
    try {
      const headers = await headersOf({});
      expect(headers["user-agent"]).toBeUndefined();
      expect(headers["x-amz-user-agent"]).toBe(
        `${pkg.name}/${pkg.version} lang/js md/browser api/cognito-identity#2014-06-30`,
      );
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("in the browser build, always uses x-amz-user-agent and names the browser", async () => {
    const { platform } = await import("../src/runtime/platform/browser.js");
    expect(platform.userAgent()).toEqual(["x-amz-user-agent", "md/browser"]);
  });

  it("names Deno and Bun, which take the Node build, in User-Agent", async () => {
    try {
      vi.stubGlobal("Deno", { version: { deno: "2.1.0" } });
      expect((await headersOf({}))["user-agent"]).toContain(" lang/js md/deno#2.1.0 api/");
      vi.unstubAllGlobals();
      vi.stubGlobal("process", { env: {}, versions: { node: "22.0.0", bun: "1.2.0" } });
      expect((await headersOf({}))["user-agent"]).toContain(" lang/js md/bun#1.2.0 api/");
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("refuses a customUserAgent with a line break (header injection)", () => {
    expect(
      () => new CognitoIdentityClient({ region: "us-east-1", customUserAgent: "a\r\nX-Evil: 1" }),
    ).toThrow(ConfigurationError);
  });
});
