/**
 * Node apps get credentials and region the way every AWS SDK finds them: these tests give the
 * client a temporary set of shared files, a credential_process script and a container
 * credentials server on 127.0.0.1, and look at the access key id the signed request carries.
 */
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CognitoIdentityClient,
  DescribeIdentityPoolCommand,
  GetIdCommand,
} from "../../src/index.js";
import { CredentialsError } from "../../src/runtime/errors.js";
import { captureHandler, json } from "../helpers/capture.js";

const run = promisify(execFile);
const pool = {
  IdentityPoolId: "us-east-1:0000",
  IdentityPoolName: "p",
  AllowUnauthenticatedIdentities: false,
};

/** A fresh folder per test: the shared-file loader caches what it read per path. */
let home: string;

function files(credentials: string, config = "") {
  writeFileSync(join(home, "credentials"), credentials);
  writeFileSync(join(home, "config"), config);
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), "cic-home-"));
  for (const name of [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_PROFILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_ROLE_ARN",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  ]) {
    vi.stubEnv(name, "");
  }
  vi.stubEnv("HOME", home);
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", join(home, "credentials"));
  vi.stubEnv("AWS_CONFIG_FILE", join(home, "config"));
  // Never wait for an instance metadata service that is not there.
  vi.stubEnv("AWS_EC2_METADATA_DISABLED", "true");
  files("");
});

afterEach(() => vi.unstubAllEnvs());

async function signedKeyId(config: ConstructorParameters<typeof CognitoIdentityClient>[0] = {}) {
  const handler = captureHandler(json(pool));
  const client = new CognitoIdentityClient({
    region: "us-east-1",
    ...config,
    requestHandler: handler,
  });
  await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:0000" }));
  return /Credential=([^/]+)\//.exec(handler.requests[0]!.headers.authorization ?? "")?.[1];
}

describe("credentials from the standard chain (Node)", () => {
  it("reads static keys of the default profile from the shared credentials file", async () => {
    files("[default]\naws_access_key_id = AKIDDEFAULTPROFILE\naws_secret_access_key = s\n");
    expect(await signedKeyId()).toBe("AKIDDEFAULTPROFILE");
  });

  it("follows AWS_PROFILE", async () => {
    files(
      "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n" +
        "[work]\naws_access_key_id = AKIDWORKPROFILE\naws_secret_access_key = s\n",
    );
    vi.stubEnv("AWS_PROFILE", "work");
    expect(await signedKeyId()).toBe("AKIDWORKPROFILE");
  });

  it("runs a credential_process and caches what it returns until it expires", async () => {
    const script = join(home, "creds.js");
    const calls = join(home, "calls.log");
    writeFileSync(
      script,
      `require("node:fs").appendFileSync(${JSON.stringify(calls)}, "x");\n` +
        `console.log(JSON.stringify({ Version: 1, AccessKeyId: "AKIDFROMPROCESS", SecretAccessKey: "s", ` +
        `SessionToken: "t", Expiration: new Date(Date.now() + 3600e3).toISOString() }));\n`,
    );
    chmodSync(script, 0o755);
    files("", `[default]\ncredential_process = ${process.execPath} ${script}\n`);
    const handler = captureHandler(json(pool));
    const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:0000" }));
    await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:0000" }));
    expect(
      handler.requests.map((r) => r.headers.authorization?.match(/Credential=([^/]+)/)?.[1]),
    ).toEqual(["AKIDFROMPROCESS", "AKIDFROMPROCESS"]);
    expect(handler.requests[0]!.headers["x-amz-security-token"]).toBe("t");
    expect(readFileSync(calls, "utf8")).toBe("x");
  });

  describe("container credentials", () => {
    let server: Server;
    afterEach(() => server?.close());

    it("come from AWS_CONTAINER_CREDENTIALS_FULL_URI when the files have none", async () => {
      server = createServer((_req, res) => {
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            AccessKeyId: "AKIDFROMCONTAINER",
            SecretAccessKey: "s",
            Token: "t",
            Expiration: new Date(Date.now() + 3600e3).toISOString(),
          }),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      vi.stubEnv("AWS_CONTAINER_CREDENTIALS_FULL_URI", `http://127.0.0.1:${port}/credentials`);
      expect(await signedKeyId()).toBe("AKIDFROMCONTAINER");
    });
  });

  it("prefers keys in the environment and does not need the files then", async () => {
    files("[default]\naws_access_key_id = AKIDFROMFILE\naws_secret_access_key = s\n");
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "s");
    expect(await signedKeyId()).toBe("AKIDFROMENV");
  });

  it("rejects with a CredentialsError that says where it looked, and sends nothing", async () => {
    const handler = captureHandler(json(pool));
    const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler: handler });
    const error = await client
      .send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:0000" }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error).toMatchObject({ name: "CredentialsError", $fault: "client" });
    for (const source of [
      "environment variables",
      "~/.aws/credentials",
      "credential_process",
      "container",
      "instance metadata",
    ]) {
      expect((error as Error).message).toContain(source);
    }
    expect(handler.requests).toHaveLength(0);
  });
});

describe("region from the shared config file (Node)", () => {
  it("uses the profile's region when neither the option nor AWS_REGION gives one", async () => {
    files("", "[profile work]\nregion = eu-north-1\n[default]\nregion = ap-south-1\n");
    vi.stubEnv("AWS_PROFILE", "work");
    const handler = captureHandler(json({}));
    await new CognitoIdentityClient({ requestHandler: handler }).send(
      new GetIdCommand({ IdentityPoolId: "us-east-1:0000" }),
    );
    expect(handler.requests[0]!.hostname).toBe("cognito-identity.eu-north-1.amazonaws.com");
  });

  it("lets AWS_REGION and the option win over the file", async () => {
    files("", "[default]\nregion = ap-south-1\n");
    vi.stubEnv("AWS_REGION", "sa-east-1");
    const handler = captureHandler(json({}));
    await new CognitoIdentityClient({ requestHandler: handler }).send(
      new GetIdCommand({ IdentityPoolId: "us-east-1:0000" }),
    );
    await new CognitoIdentityClient({ region: "ca-central-1", requestHandler: handler }).send(
      new GetIdCommand({ IdentityPoolId: "us-east-1:0000" }),
    );
    expect(handler.requests.map((r) => r.hostname)).toEqual([
      "cognito-identity.sa-east-1.amazonaws.com",
      "cognito-identity.ca-central-1.amazonaws.com",
    ]);
  });
});

describe("loading on demand", () => {
  // Runs the built package in a fresh Node process, as an app would.
  const probe = (signed: boolean) => `
    import { createRequire } from "node:module";
    import { CognitoIdentityClient, GetIdCommand, DescribeIdentityPoolCommand } from "cognito-identity-client";
    const body = ${JSON.stringify(JSON.stringify(pool))};
    const requestHandler = { handle: async () => ({ response: { statusCode: 200, headers: {}, body } }) };
    const client = new CognitoIdentityClient({ region: "us-east-1", requestHandler });
    await client.send(new GetIdCommand({ IdentityPoolId: "us-east-1:0000" }));
    ${signed ? 'await client.send(new DescribeIdentityPoolCommand({ IdentityPoolId: "us-east-1:0000" }));' : ""}
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({
      chain: loaded.some((path) => path.includes("credential-provider-node")),
      iniLoader: loaded.some((path) => path.includes("shared-ini-file-loader")),
    }));`;

  async function modulesAfter(signed: boolean) {
    files("[default]\naws_access_key_id = AKIDPROBE\naws_secret_access_key = s\n");
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", probe(signed)], {
      cwd: join(import.meta.dirname, "../.."),
      env: { ...process.env },
    });
    return JSON.parse(stdout);
  }

  it("does not load the credential chain for an import and an unsigned GetId", async () => {
    expect(await modulesAfter(false)).toEqual({ chain: false, iniLoader: false });
  });

  it("loads it on the first signed call without credentials", async () => {
    expect((await modulesAfter(true)).chain).toBe(true);
  });
});
