import { defineConfig } from "tsup";

/** The public entry points; each is also a subpath in package.json `exports`. */
const entries = {
  index: "src/index.ts",
  credentials: "src/credentials/index.ts",
  // The Node-only local service (cognito-identity-client/testing).
  testing: "src/testing/index.ts",
};

// Keep the @smithy, @aws-crypto and @aws-sdk packages as dependencies, not copies, and
// node: built-ins (used by the testing entry and the Node platform module) as imports.
const external = [/^@smithy\//, /^@aws-crypto\//, /^@aws-sdk\//, /^node:/];

/** What both Node builds share: the Node modules of #platform and #signing built in. */
const forNode = {
  esbuildOptions(options: { alias?: Record<string, string> }) {
    options.alias = {
      "#platform": "./src/runtime/platform/node.ts",
      "#signing": "./src/runtime/platform/signing-node.ts",
    };
  },
  target: "es2022",
  platform: "neutral",
  removeNodeProtocol: false,
  external,
} as const;

export default defineConfig([
  {
    // ESM as one file per module, so bundlers drop whole modules a page does not use (with
    // "sideEffects": false): a page that only calls unsigned operations never gets the signer.
    entry: ["src/**/*.ts"],
    outDir: "dist/esm",
    format: "esm",
    bundle: false,
    target: "es2022",
    platform: "neutral",
    clean: true,
  },
  {
    // ESM for Node: the entry points bundled (shared code split into chunks), with the Node
    // modules of #platform and #signing built in. Loading a hundred small files costs Node
    // more than the code in them; bundlers take the per-module build above instead.
    entry: entries,
    outDir: "dist/node",
    format: "esm",
    splitting: true,
    // Chunk names change with the content: drop the last build's.
    clean: true,
    ...forNode,
  },
  {
    // CommonJS, for require(): one bundle per entry point. require() means Node, so the
    // Node platform module is built in.
    entry: entries,
    format: "cjs",
    ...forNode,
    // The testing entry imports node: built-ins, which src/ is type-checked without.
    dts: { compilerOptions: { types: ["node"] } },
  },
  {
    // Declarations for the ESM entry points.
    entry: entries,
    format: "esm",
    external,
    dts: { only: true, compilerOptions: { types: ["node"] } },
  },
]);
