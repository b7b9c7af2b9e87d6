/**
 * The provider ships to browsers: bundled for the browser on its own, it must need no Node
 * built-in and must not carry the SigV4 signer (GetId and GetCredentialsForIdentity are
 * unsigned). Sizes are measured and reported elsewhere, not asserted here.
 */
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const entry = join(import.meta.dirname, "../../src/credentials/index.ts");

describe("a browser bundle of cognito-identity-client/credentials", () => {
  it("builds for the browser without Node built-ins or the signer", async () => {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
      // What a browser bundler picks for `#platform` and `#signing` through the package's `imports` map.
      alias: {
        "#platform": join(import.meta.dirname, "../../src/runtime/platform/browser.ts"),
        "#signing": join(import.meta.dirname, "../../src/runtime/platform/signing-webcrypto.ts"),
      },
    });
    // Files that contribute code, not every file esbuild looked at before tree-shaking.
    const [output] = Object.values(result.metafile.outputs);
    const inputs = Object.entries(output!.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    expect(inputs.some((path) => path.includes("src/credentials/index.ts"))).toBe(true);
    expect(
      inputs.filter((path) => /signature-v4|sha256|auth\/sigv4|platform\/signing/.test(path)),
    ).toEqual([]);
    const imports = Object.values(result.metafile.inputs).flatMap((input) =>
      input.imports.map((imported) => imported.path),
    );
    expect(imports.filter((path) => path.startsWith("node:"))).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toContain("SignatureV4");
  });
});
