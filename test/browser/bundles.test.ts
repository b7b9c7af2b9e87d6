/**
 * What a browser app pays for this package, measured on the built package through its exports
 * map (run `npm run build` first; `npm test` does).
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "./bundle.js";
import { FLOWS } from "./size-budgets.js";

const root = new URL("../..", import.meta.url).pathname;
const SIGNER_MARKERS = ["AWS4-HMAC-SHA256", "aws4_request"];
// Round constants of SHA-256: present wherever a SHA-256 implementation in JavaScript is bundled.
const SHA256_MARKER = /1116352408|0x428a2f98/i;
// How WebCrypto is asked for SHA-256, which browser bundles sign with.
const WEBCRYPTO_MARKER = '"SHA-256"';

describe("browser bundles", () => {
  it.each(FLOWS)("$name stays within its budget", async ({ name, source, budget, target }) => {
    const { gzipBytes } = await bundleForBrowser(source);
    console.log(`size: ${name}: ${gzipBytes} B gzip (budget ${budget} B, target ${target} B)`);
    expect(gzipBytes).toBeLessThanOrEqual(budget);
  });

  it("carry no SigV4 signer and no SHA-256 when only unsigned operations are used", async () => {
    const { code, inputs } = await bundleForBrowser(FLOWS[0]!.source);
    for (const marker of SIGNER_MARKERS) expect(code).not.toContain(marker);
    expect(code).not.toMatch(SHA256_MARKER);
    expect(code).not.toContain(WEBCRYPTO_MARKER);
    expect(
      inputs.filter((path) => /signature-v4|sha256|auth\/sigv4|platform\/signing/.test(path)),
    ).toEqual([]);
  });

  it("carry clock-skew handling only with a signed operation", async () => {
    const skew = (path: string) => path.includes("auth/skew");
    const guest = await bundleForBrowser(FLOWS[0]!.source);
    expect(guest.code).not.toContain("RequestTimeTooSkewed");
    expect(guest.inputs.filter(skew)).toEqual([]);
    const signed = await bundleForBrowser(FLOWS[1]!.source);
    expect(signed.code).toContain("RequestTimeTooSkewed");
    expect(signed.inputs.some(skew)).toBe(true);
  });

  it("carry the signer once a signed operation is used, hashing with WebCrypto", async () => {
    const { code } = await bundleForBrowser(FLOWS[1]!.source);
    for (const marker of SIGNER_MARKERS) expect(code).toContain(marker);
    expect(code).toContain(WEBCRYPTO_MARKER);
    expect(code).not.toMatch(SHA256_MARKER);
  });

  it("carry SHA-256 in JavaScript for runtimes that are neither a browser nor Node", async () => {
    // What React Native's bundler resolves: its own condition, neither `browser` nor `node`.
    const result = await build({
      stdin: { contents: FLOWS[1]!.source, resolveDir: root, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "neutral",
      conditions: ["react-native"],
      mainFields: ["react-native", "module", "main"],
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]!.text;
    for (const marker of SIGNER_MARKERS) expect(code).toContain(marker);
    expect(code).toMatch(SHA256_MARKER);
    expect(code).not.toContain(WEBCRYPTO_MARKER);
    console.log(
      `size: signed paginator without WebCrypto: ${gzipSync(code, { level: 9 }).length} B gzip`,
    );
  });

  it("read no environment variables: those settings come with the Node platform only", async () => {
    for (const flow of FLOWS) {
      const { code, inputs } = await bundleForBrowser(flow.source);
      expect(code).not.toMatch(
        /AWS_DEFAULT_REGION|AWS_ENDPOINT_URL|AWS_IGNORE_CONFIGURED_ENDPOINT_URLS/,
      );
      expect(inputs.filter((path) => path.includes("platform/environment"))).toEqual([]);
    }
  });

  it("reach no Node built-in and neither the Node credential chain nor the config loader", async () => {
    for (const flow of FLOWS) {
      const { inputs } = await bundleForBrowser(flow.source);
      expect(
        inputs.filter((path) =>
          /credential-provider-node|shared-ini-file-loader|platform\/node/.test(path),
        ),
      ).toEqual([]);
      expect(inputs.some((path) => path.includes("platform/browser"))).toBe(true);
    }
  });
});
