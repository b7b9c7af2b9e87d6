import { defineConfig } from "vitest/config";

export default defineConfig({
  // The source's `#platform` and `#sha256` are the Node ones; browser code is tested by importing it directly.
  resolve: {
    alias: {
      "#platform": new URL("./src/runtime/platform/node.ts", import.meta.url).pathname,
      "#sha256": new URL("./src/runtime/platform/sha256-node.ts", import.meta.url).pathname,
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
