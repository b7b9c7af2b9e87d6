/**
 * Child process (run with --expose-gc): iterates paginateListIdentityPools over canned pages
 * of 60 items. Usage: paginator.mjs <package> <pages> <firstCheckpoint>
 * Prints the time per page after the first checkpoint (the warm-up), the heap after a full GC
 * at the checkpoint and at the last page, and the highest heap seen between pages.
 */
import { credentials, itemsPerPage, poolsPage, region } from "./canned.js";
import { inMemoryHandler } from "./handler.js";
import { check, loadSdk } from "./sdk.js";

const [specifier = "", pagesArg = "0", checkpointArg = "0"] = process.argv.slice(2);
const pages = Number(pagesArg);
const checkpoint = Number(checkpointArg);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const sdk = await loadSdk(specifier);
const handler = inMemoryHandler((n) => poolsPage(n, pages));
const client = new sdk.CognitoIdentityClient({ region, credentials, requestHandler: handler });

let page = 0;
let items = 0;
let peakHeap = 0;
let heapAtCheckpoint = 0;
let steadyMs = 0;
// Only the time spent in the paginator (between the loop body's end and the next page)
// counts; the sampling below is left out.
let resumed = performance.now();
for await (const result of sdk.paginateListIdentityPools({ client, pageSize: itemsPerPage }, {})) {
  const paused = performance.now();
  if (page >= checkpoint) steadyMs += paused - resumed;
  page++;
  items += result.IdentityPools?.length ?? 0;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  if (page === checkpoint) {
    gc();
    heapAtCheckpoint = process.memoryUsage().heapUsed;
  }
  resumed = performance.now();
}
steadyMs += performance.now() - resumed;
gc();
const heapAtEnd = process.memoryUsage().heapUsed;

check(page === pages, `${pages} pages, got ${page}`);
check(items === pages * itemsPerPage, `${pages * itemsPerPage} items, got ${items}`);
console.log(
  JSON.stringify({
    usPerPage: (steadyMs * 1000) / (pages - checkpoint),
    heapAtCheckpoint,
    heapAtEnd,
    peakHeap,
  }),
);
