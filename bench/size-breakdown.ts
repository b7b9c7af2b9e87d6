import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { FLOWS } from "../test/browser/size-budgets.js";

/**
 * Where the bytes of each browser flow come from: bundles the flows of the size budgets from
 * the built dist/ (run `npm run build` first) and lists the minified bytes each file adds,
 * largest first. `npx tsx bench/size-breakdown.ts [flow number] [--top N]`.
 */
const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : Number.POSITIVE_INFINITY;
const picked = args.filter((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== "--top").map(Number);

for (const [index, flow] of FLOWS.entries()) {
  if (picked.length > 0 && !picked.includes(index)) continue;
  const result = await build({
    stdin: { contents: flow.source, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(
    `\n${index}: ${flow.name}: ${code.length} B minified, ${gzip} B gzip (budget ${flow.budget}, target ${flow.target})`,
  );
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output!.inputs)
    .map(([path, input]) => [path, input.bytesInOutput] as const)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  for (const [path, bytes] of inputs.slice(0, top)) {
    console.log(`${String(bytes).padStart(7)}  ${path}`);
  }
}
