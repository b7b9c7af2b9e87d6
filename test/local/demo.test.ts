/**
 * `npm run demo` is the project's main job: it must run to the end (exit 0) on a machine
 * with no AWS account. It runs here as a child process, as `npm run demo` runs it (tsx).
 * The `--live` walk talks to the real service and is never run by tests.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { CognitoIdentity } from "../../src/index.js";
import { startLocalCognitoIdentity } from "../../src/testing/index.js";
import { credentials } from "./helpers.js";

const root = join(import.meta.dirname, "../..");
const run = promisify(execFile);

async function runDemo(args: string[], env: Record<string, string> = {}) {
  // No AWS settings of the machine may reach the demo: it must not need them.
  const {
    AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN,
    AWS_REGION,
    AWS_DEFAULT_REGION,
    AWS_PROFILE,
    ...clean
  } = process.env;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        "--conditions=cognito-identity-client:source",
        "--import",
        "tsx",
        "src/testing/demo.ts",
        ...args,
      ],
      { cwd: root, env: { ...clean, ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe("npm run demo", () => {
  it("starts the local service, walks through the SDK and exits 0", async () => {
    const { code, stdout, stderr } = await runDemo([]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(
      /^Cognito Identity SDK demo: local Cognito Identity service at http:\/\/127\.0\.0\.1:\d+ \(us-east-1\)$/,
    );
    for (const expected of [
      /^1\. Create three identity pools$/,
      /^ {3}page 1 → demo-app, demo-partners$/,
      /^ {3}page 2 → demo-staff$/,
      /^ {3}unauthenticated role → arn:aws:iam::123456789012:role\/DemoGuest$/,
      /^ {3}GetCredentialsForIdentity → key ASIA[0-9A-Z]{16}, secret \(hidden\), expires /,
      /^ {3}LookupDeveloperIdentity by id → users \[alice, bob\]$/,
      /^ {3}UntagResource owner → \{ stage: demo \}$/,
      /^ {3}DescribeIdentityPool \(no such pool\) → ResourceNotFoundException, HTTP 404$/,
      /^ {3}DeleteIdentityPool → deleted 3 identity pools$/,
      /^Done: every step succeeded\.$/,
    ]) {
      expect(
        lines.some((line) => expected.test(line)),
        `a line like ${expected}`,
      ).toBe(true);
    }
    // Tokens are JWTs (they start with eyJ) and secrets are hidden.
    expect(stdout).not.toContain("eyJ");
  }, 60_000);

  it("walks the same way against another endpoint with --endpoint, and cleans up", async () => {
    const local = await startLocalCognitoIdentity();
    try {
      const client = new CognitoIdentity({
        region: local.region,
        endpoint: local.endpoint,
        credentials,
      });
      const existing = await client.createIdentityPool({
        IdentityPoolName: "already-here",
        AllowUnauthenticatedIdentities: false,
      });
      const { code, stdout } = await runDemo(["--endpoint", local.endpoint], {
        AWS_REGION: local.region,
      });
      expect(code).toBe(0);
      expect(stdout).toContain(`endpoint ${local.endpoint} (us-east-1)`);
      expect(stdout).toMatch(/page 1 → demo-app \(\+1 other pools\)/);
      const left = await client.listIdentityPools({ MaxResults: 60 });
      expect(left.IdentityPools?.map((pool) => pool.IdentityPoolId)).toEqual([
        existing.IdentityPoolId,
      ]);
    } finally {
      await local.close();
    }
  }, 60_000);

  it("explains its options when given one it does not know", async () => {
    const { code, stderr } = await runDemo(["--bogus"]);
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: npm run demo");
  }, 60_000);
});
