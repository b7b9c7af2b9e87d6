/**
 * `npm run bench [-- --quick] [-- --rounds N]`: measures our client and the official one in
 * the same run and writes bench/RESULTS.md (with --quick: bench/.work/RESULTS.quick.md, so a
 * smoke run never replaces the committed numbers). Needs the package built (npm run build).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, relative } from "node:path";
import { measureColdStart } from "./cold-start.js";
import { prepareConsumer, repoRoot, workDir } from "./consumer.js";
import { measureLoopback } from "./loopback.js";
import { gitRevision, machineLine } from "./machine.js";
import { measurePaginator } from "./paginator.js";
import { measurePerCall } from "./per-call.js";
import { renderReport } from "./report.js";
import { parseSettings } from "./settings.js";
import { measureSizes } from "./sizes.js";

const args = process.argv.slice(2);
const settings = parseSettings(args);
const started = performance.now();
const loadAtStart = loadavg();

/** Runs one measurement, saying on stderr what is going on and how long it took. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  process.stderr.write(`bench: ${name}... `);
  const result = await run();
  process.stderr.write(`${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  return result;
}

const consumer = await step("preparing the consumer app", prepareConsumer);
const sizes = await step("bundle sizes", () => measureSizes(consumer));
const coldStart = await step("cold start", () => measureColdStart(consumer, settings));
const perCall = await step("per call", () => measurePerCall(consumer, settings));
const paginator = await step("paginator", () => measurePaginator(consumer, settings));
const loopback = await step("loopback HTTP", () => measureLoopback(consumer, settings));

const results = {
  date: new Date(),
  machine: machineLine(),
  load: { start: loadAtStart, end: loadavg() },
  command: `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`,
  revision: gitRevision(),
  versions: consumer.versions,
  settings,
  elapsedSeconds: (performance.now() - started) / 1000,
  sizes,
  coldStart,
  perCall,
  paginator,
  loopback,
};
const markdown = renderReport(results);
mkdirSync(workDir, { recursive: true });
const out = settings.quick
  ? join(workDir, "RESULTS.quick.md")
  : join(repoRoot, "bench", "RESULTS.md");
writeFileSync(out, markdown);
// The raw medians, for looking into a surprising number.
writeFileSync(
  join(workDir, settings.quick ? "results.quick.json" : "results.json"),
  JSON.stringify(results, null, 2),
);
process.stdout.write(`${markdown}\nWrote ${relative(repoRoot, out)}\n`);
