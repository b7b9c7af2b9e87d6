/**
 * Keeps the benchmark scripts working: runs `npm run bench -- --quick` and checks that it
 * wrote every section. Never looks at the numbers (timings belong to the bench, not to
 * tests). Needs `npm run build`, which `npm test` runs first.
 */
import { execFile } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");

it("npm run bench -- --quick measures every section", async () => {
  const committed = join(root, "bench/RESULTS.md");
  const before = statSync(committed, { throwIfNoEntry: false })?.mtimeMs;

  await run("npm", ["run", "bench", "--", "--quick"], { cwd: root, timeout: 120_000 });

  const report = readFileSync(join(root, "bench/.work/RESULTS.quick.md"), "utf8");
  for (const section of [
    "## Targets",
    "## Bundle sizes",
    "## Cold start",
    "## Per call",
    "## Paginator",
    "## Loopback HTTP",
  ]) {
    expect(report).toContain(section);
  }
  expect(report).toMatch(/Guest flow.*\| [\d,]+ B/);
  expect(report).toContain("Requests per second, concurrency 32");
  // A quick run must never replace the committed results.
  expect(statSync(committed, { throwIfNoEntry: false })?.mtimeMs).toBe(before);
}, 120_000);
