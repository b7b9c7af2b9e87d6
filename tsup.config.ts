import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", credentials: "src/credentials/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: false,
  treeshake: true,
  // Keep the @smithy and @aws-crypto packages as dependencies, not copies.
  external: [/^@smithy\//, /^@aws-crypto\//],
});
