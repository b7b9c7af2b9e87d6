import { defineConfig } from "vitest/config";

export default defineConfig({
  // The source's `#platform` and `#signing` are the Node ones; browser code is tested by importing it directly.
  resolve: {
    alias: {
      "#platform": new URL("./src/runtime/platform/node.ts", import.meta.url).pathname,
      "#signing": new URL("./src/runtime/platform/signing-node.ts", import.meta.url).pathname,
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.tools.json",
    },
  },
});
