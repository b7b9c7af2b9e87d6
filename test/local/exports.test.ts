/**
 * How the local service ships: its own subpath export, built from its own entry, and never
 * reachable from the main entry (which goes to browsers and must stay free of Node).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/** Every module the main entry loads, following relative imports through the source. */
function moduleGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, "utf8");
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      if (specifier!.startsWith("."))
        visit(join(dirname(file), specifier!.replace(/\.js$/, ".ts")));
      else packages.add(specifier!);
    }
  };
  visit(join(root, entry));
  return { files: [...files].map((file) => relative(root, file)), packages: [...packages] };
}

describe("the testing export", () => {
  it("is a subpath export that loads from ESM and from CommonJS (needs the build)", async () => {
    // Through the package's own exports map, so the built files are what gets loaded.
    const specifier = "cognito-identity-client/testing";
    const esm = await import(specifier);
    const cjs = createRequire(import.meta.url)(specifier);
    for (const entry of [esm, cjs]) {
      expect(typeof entry.startLocalCognitoIdentity).toBe("function");
      const local = await entry.startLocalCognitoIdentity();
      expect(local.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await local.close();
    }
  });

  it("is never reachable from the main entry, which imports nothing from Node", () => {
    const { files, packages } = moduleGraph("src/index.ts");
    expect(files).toContain("src/runtime/validate.ts");
    expect(files.filter((file) => file.startsWith("src/testing"))).toEqual([]);
    expect(packages.filter((name) => name.startsWith("node:"))).toEqual([]);
  });

  it("reaches the Node built-ins it needs from its own entry", () => {
    const { packages } = moduleGraph("src/testing/index.ts");
    expect(packages).toEqual(expect.arrayContaining(["node:http", "node:crypto"]));
  });
});
