import { bundleForBrowser } from "../test/browser/bundle.js";
import { FLOWS } from "../test/browser/size-budgets.js";

/**
 * Where the bytes of each browser flow come from: bundles the flows of the size budgets from
 * the built dist/ (run `npm run build` first) and lists the minified bytes each file adds,
 * largest first. `npx tsx bench/size-breakdown.ts [flow number] [--top N]`.
 */
const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : Number.POSITIVE_INFINITY;
const picked = args.filter((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== "--top").map(Number);

for (const [index, flow] of FLOWS.entries()) {
  if (picked.length > 0 && !picked.includes(index)) continue;
  const { code, gzipBytes, bytesByInput } = await bundleForBrowser(flow.source);
  console.log(
    `\n${index}: ${flow.name}: ${code.length} B minified, ${gzipBytes} B gzip (budget ${flow.budget}, target ${flow.target})`,
  );
  const largest = [...bytesByInput].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [path, bytes] of largest) console.log(`${String(bytes).padStart(7)}  ${path}`);
}
