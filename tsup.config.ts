import { defineConfig } from "tsup";

export default defineConfig({
  // `testing` is the Node-only local service (cognito-identity-client/testing).
  entry: { index: "src/index.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  // The testing entry imports node: built-ins, which src/ is type-checked without.
  dts: { compilerOptions: { types: ["node"] } },
  clean: true,
  target: "es2022",
  platform: "neutral",
  sourcemap: false,
  treeshake: true,
  // One self-contained file per entry: the main entry never shares a chunk with testing.
  splitting: false,
  // The testing entry's node:crypto and node:http stay imports of Node built-ins.
  removeNodeProtocol: false,
  // Keep the @smithy and @aws-crypto packages as dependencies, not copies.
  external: [/^@smithy\//, /^@aws-crypto\//, /^node:/],
});
