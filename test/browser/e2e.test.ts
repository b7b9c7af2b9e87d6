/**
 * The package in a real browser: packed as npm would publish it, installed into a scratch
 * app, bundled with esbuild for the browser, served on 127.0.0.1, and run in Debian's
 * Chromium against the local service (on another port, so CORS is exercised). Needs
 * `npm run build` and /usr/bin/chromium (.ci/run installs it).
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  SetIdentityPoolRolesCommand,
} from "../../src/index.js";
import { type LocalCognitoIdentity, startLocalCognitoIdentity } from "../../src/testing/index.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const app = mkdtempSync(join(tmpdir(), "cic-browser-"));

let local: LocalCognitoIdentity;
let site: Server;
let browser: Browser;
let pageUrl: string;

beforeAll(async () => {
  // The service, with three pools; the first lets guests in and has roles.
  local = await startLocalCognitoIdentity();
  const admin = new CognitoIdentityClient({
    region: local.region,
    endpoint: local.endpoint,
    credentials: { accessKeyId: "AKIDADMIN", secretAccessKey: "admin" },
  });
  const ids: string[] = [];
  for (const name of ["browser-a", "browser-b", "browser-c"]) {
    const pool = await admin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: name,
        AllowUnauthenticatedIdentities: true,
      }),
    );
    ids.push(pool.IdentityPoolId);
  }
  await admin.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: ids[0]!,
      Roles: {
        unauthenticated: "arn:aws:iam::123456789012:role/Guest",
        authenticated: "arn:aws:iam::123456789012:role/User",
      },
    }),
  );

  // The app: the packed package installed from its tarball, the page bundled for browsers.
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", app], { cwd: root });
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "browser-app", private: true }));
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", join(app, filename)],
    {
      cwd: app,
    },
  );
  copyFileSync(join(import.meta.dirname, "page.js"), join(app, "page.js"));
  await build({
    entryPoints: [join(app, "page.js")],
    outfile: join(app, "page.bundle.js"),
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    absWorkingDir: app,
    logLevel: "silent",
  });
  const html = `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>
    <script type="module" src="/page.bundle.js"></script></body></html>`;
  const { readFileSync } = await import("node:fs");
  const bundle = readFileSync(join(app, "page.bundle.js"));
  site = createServer((req, res) => {
    if (req.url?.startsWith("/page.bundle.js")) {
      res.setHeader("content-type", "text/javascript");
      res.end(bundle);
    } else {
      res.setHeader("content-type", "text/html");
      res.end(html);
    }
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const query = new URLSearchParams({ endpoint: local.endpoint, pool: ids[0]! });
  pageUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/?${query}`;

  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  site?.close();
  await local?.close();
  rmSync(app, { recursive: true, force: true });
});

describe("in Chromium", () => {
  it("signs a guest in, signs requests with its credentials, pages, and catches a modelled error", async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    const expectedNotFound: string[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // Chromium logs every non-2xx fetch; the one 404 the page provokes on purpose is expected.
      const fromService = message.location().url.startsWith(local.endpoint);
      if (fromService && message.text().includes("status of 404"))
        expectedNotFound.push(message.text());
      else problems.push(`console error: ${message.text()}`);
    });
    await page.goto(pageUrl);
    await page.waitForFunction(() => (window as { result?: unknown }).result !== undefined, null, {
      timeout: 30_000,
    });
    const outcome = await page.evaluate(() => (window as { result?: unknown }).result);
    await page.close();

    expect(problems).toEqual([]);
    expect(expectedNotFound).toHaveLength(1);
    expect(outcome).toEqual({
      ok: true,
      result: {
        identityId: expect.stringMatching(/^us-east-1:[0-9a-f-]+$/),
        hasKeys: true,
        expirationIsDate: true,
        poolName: "browser-a",
        pages: [["browser-a"], ["browser-b"], ["browser-c"]],
        caught: { name: "ResourceNotFoundException", status: 404, hasRequestId: true },
      },
    });
  });
});
