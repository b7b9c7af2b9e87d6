/**
 * Packs the package as npm would publish it, installs the tarball into an empty app outside
 * the repository, and runs a plain ESM script and a plain CommonJS script against a local
 * server: the user's first five minutes, checked on every test run. Needs `npm run build`.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const app = mkdtempSync(join(tmpdir(), "cic-pack-"));
let server: Server;
let endpoint: string;

const script = (load: string) => `${load}
const { CognitoIdentityClient, GetIdCommand, CognitoIdentity } = sdk;
const config = {
  region: "us-east-1",
  endpoint: process.env.ENDPOINT,
  credentials: { accessKeyId: "AKIDPACK", secretAccessKey: "secret" },
};
(async () => {
  const { IdentityId } = await new CognitoIdentityClient(config).send(
    new GetIdCommand({ IdentityPoolId: "us-east-1:0000" }),
  );
  const pool = await new CognitoIdentity(config).describeIdentityPool({ IdentityPoolId: "us-east-1:0000" });
  console.log(JSON.stringify({ IdentityId, name: pool.IdentityPoolName }));
})();
`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const target = String(req.headers["x-amz-target"]);
    const signed = String(req.headers.authorization ?? "").startsWith(
      "AWS4-HMAC-SHA256 Credential=AKIDPACK/",
    );
    res.setHeader("content-type", "application/x-amz-json-1.1");
    if (target.endsWith(".GetId") && !req.headers.authorization) {
      res.end(JSON.stringify({ IdentityId: "us-east-1:1111" }));
    } else if (target.endsWith(".DescribeIdentityPool") && signed) {
      res.end(
        JSON.stringify({
          IdentityPoolId: "us-east-1:0000",
          IdentityPoolName: "packed",
          AllowUnauthenticatedIdentities: true,
        }),
      );
    } else {
      res.statusCode = 400;
      res.end(
        JSON.stringify({ __type: "InvalidParameterException", message: `unexpected ${target}` }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", app], { cwd: root });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", join(app, filename)],
    { cwd: app },
  );
  writeFileSync(join(app, "esm.mjs"), script('import * as sdk from "cognito-identity-client";'));
  writeFileSync(join(app, "cjs.cjs"), script('const sdk = require("cognito-identity-client");'));
}, 180_000);

afterAll(() => {
  server?.close();
  rmSync(app, { recursive: true, force: true });
});

describe("the packed package", () => {
  it.each(["esm.mjs", "cjs.cjs"])("works from %s outside the repository", async (file) => {
    const { stdout } = await run(process.execPath, [file], {
      cwd: app,
      env: { ...process.env, ENDPOINT: endpoint },
    });
    expect(JSON.parse(stdout)).toEqual({ IdentityId: "us-east-1:1111", name: "packed" });
  });
});
