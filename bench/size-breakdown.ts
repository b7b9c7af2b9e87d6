import { readFileSync } from "node:fs";
import type { Plugin } from "esbuild";
import { bundleForBrowser } from "../test/browser/bundle.js";
import { FLOWS } from "../test/browser/size-budgets.js";

/**
 * Where the bytes of each browser flow come from: bundles the flows of the size budgets from
 * the built dist/ (run `npm run build` first) and lists the minified bytes each file adds,
 * largest first.
 *
 *   npx tsx bench/size-breakdown.ts [flow number] [--top N] [--without a,b]
 *
 * `--without` answers "what would the flow weigh without these modules": each built file whose
 * path contains one of the comma-separated parts (`retry/`, `logging.js`) is replaced by empty
 * functions of the same names, so the bundle loses that module and what only it reaches. The
 * result does not run; only its size means something.
 */
const args = process.argv.slice(2);
const flagValue = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const top = Number(flagValue("--top") ?? Number.POSITIVE_INFINITY);
const without = flagValue("--without")?.split(",").filter(Boolean) ?? [];
const picked = args
  .filter((arg, i) => /^\d+$/.test(arg) && !["--top", "--without"].includes(args[i - 1]!))
  .map(Number);

const plugins = without.length > 0 ? [stubModules(without)] : [];
if (without.length > 0) console.log(`Without: ${without.join(", ")}`);
for (const [index, flow] of FLOWS.entries()) {
  if (picked.length > 0 && !picked.includes(index)) continue;
  const { code, gzipBytes, bytesByInput } = await bundleForBrowser(flow.source, plugins);
  console.log(
    `\n${index}: ${flow.name}: ${code.length} B minified, ${gzipBytes} B gzip (budget ${flow.budget}, target ${flow.target})`,
  );
  const largest = [...bytesByInput].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [path, bytes] of largest) console.log(`${String(bytes).padStart(7)}  ${path}`);
}

/** Replaces the built modules whose paths contain one of `parts` with empty functions. */
function stubModules(parts: string[]): Plugin {
  return {
    name: "stub-modules",
    setup(build) {
      build.onLoad({ filter: /\/dist\/esm\/.*\.js$/ }, ({ path }) => {
        if (!parts.some((part) => path.includes(part))) return undefined;
        const code = readFileSync(path, "utf8");
        const listed = [...code.matchAll(/export\s*\{([^}]*)\}/g)].flatMap(([, names]) =>
          names!.split(",").map(
            (name) =>
              name
                .trim()
                .split(/\s+as\s+/)
                .pop()!,
          ),
        );
        const declared = [
          ...code.matchAll(/export\s+(?:async\s+)?(?:function\*?|class|const|let|var)\s+([\w$]+)/g),
        ].map(([, name]) => name!);
        const names = new Set([...listed, ...declared].filter(Boolean));
        return { contents: [...names].map((name) => `export function ${name}() {}`).join("\n") };
      });
    },
  };
}
