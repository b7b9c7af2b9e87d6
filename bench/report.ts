import type { ColdStartResult } from "./cold-start.js";
import type { Consumer } from "./consumer.js";
import type { Contender } from "./contenders.js";
import type { LoopbackResult } from "./loopback.js";
import type { PaginatorResult } from "./paginator.js";
import type { PerCallResult } from "./per-call.js";
import type { Settings } from "./settings.js";
import type { BundleSize, SizeResult } from "./sizes.js";

export interface BenchResults {
  date: Date;
  machine: string;
  /** os.loadavg() at the start and at the end: other work on the machine skews timings. */
  load: { start: number[]; end: number[] };
  command: string;
  revision: string;
  versions: Consumer["versions"];
  settings: Settings;
  elapsedSeconds: number;
  sizes: SizeResult[];
  coldStart: ColdStartResult;
  perCall: PerCallResult;
  paginator: PaginatorResult;
  loopback: LoopbackResult;
}

/** A target on the ratio ours/official, set by issue 9 for the optimisation phase. */
interface Target {
  op: "<=" | ">=";
  ratio: number;
}

/** A measured number and how to show it; undefined when it could not be measured. */
type Cell = { value: number; text: string } | undefined;

interface Row {
  metric: string;
  cells: Record<Contender, Cell>;
  target?: Target;
  /** False where a ratio means nothing (a difference that may be zero or negative). */
  ratio?: false;
}

/** RESULTS.md: where and how the numbers were taken, the targets, then one table per measurement. */
export function renderReport(results: BenchResults): string {
  const { settings, paginator, loopback, coldStart } = results;
  const sections: [string, string, Row[]][] = [
    [
      "Bundle sizes",
      "esbuild `--bundle --minify --format=esm --platform=browser`, then gzip -9. Bytes gzipped (minified). " +
        "Sizes do not vary between runs, so each is built once. n/a: the entry does not resolve on this branch.",
      sizeRows(results.sizes),
    ],
    [
      "Cold start",
      `Wall time of a whole \`node\` process minus a bare \`node -e 0\` (${ms(coldStart.bareMs)} median), ` +
        `median of ${coldStart.samples} starts each. "First GetId" imports the package (ESM), constructs a client ` +
        "and sends one GetId to an in-memory request handler (no socket).",
      coldStartRows(coldStart),
    ],
    [
      "Per call",
      `\`client.send\` to an in-memory request handler, ${count(settings.perCall.iterations)} calls after ` +
        `${count(settings.perCall.warmup)} warm-up calls, median of ${settings.rounds} processes each.`,
      perCallRows(results.perCall),
    ],
    [
      "Paginator",
      `paginateListIdentityPools over ${count(paginator.pages)} canned pages of 60 items, in-memory handler. ` +
        `Time per page over pages ${paginator.checkpoint + 1}–${paginator.pages} (the first ${paginator.checkpoint} warm up). ` +
        "Heap is `heapUsed` after a forced full GC; peak is the highest `heapUsed` seen between pages. " +
        `Median of ${settings.rounds} processes each.`,
      paginatorRows(paginator),
    ],
    [
      "Loopback HTTP",
      `GetId to a node:http server in another process on 127.0.0.1, keep-alive on, ` +
        `${count(loopback.durationMs)} ms per run after a warm-up, each client with its default transport ` +
        `(ours: fetch; official: NodeHttpHandler). Median of ${settings.rounds} processes each.`,
      loopbackRows(loopback),
    ],
  ];

  const targeted = sections.flatMap(([title, , rows]) =>
    rows.filter((row) => row.target).map((row) => ({ ...row, metric: `${title}: ${row.metric}` })),
  );
  const met = targeted.filter((row) => isMet(row) === true).length;

  const lines = [
    "# Benchmark results",
    "",
    `- Machine: ${results.machine}`,
    `- Load average (1, 5, 15 min): ${loadText(results.load.start)} at the start, ` +
      `${loadText(results.load.end)} at the end`,
    `- Date: ${results.date.toISOString()}`,
    `- Command: \`${results.command}\` (${Math.round(results.elapsedSeconds)} s)`,
    `- Ours: cognito-identity-client ${results.versions.ours} (commit ${results.revision})`,
    `- Official: @aws-sdk/client-cognito-identity ${results.versions.official}, ` +
      `@aws-sdk/credential-provider-cognito-identity ${results.versions.officialCredentials}`,
    `- Each timing: a fresh process per client per round, ${settings.rounds} rounds, interleaved A B B A; medians. ` +
      "Ratio is ours / official. See bench/README.md for what each number means.",
    "",
    `## Targets (${met} of ${targeted.length} met)`,
    "",
    table(targeted),
  ];
  for (const [title, note, rows] of sections) {
    lines.push("", `## ${title}`, "", note, "", table(rows));
  }
  lines.push("", referenceNote(loopback), "");
  return lines.join("\n");
}

function sizeRows(sizes: SizeResult[]): Row[] {
  const cell = (size: BundleSize | undefined): Cell =>
    size && { value: size.gzip, text: `${count(size.gzip)} B (${count(size.minified)})` };
  return sizes.map(({ flow, sizes }) => ({
    metric: flow,
    cells: { ours: cell(sizes.ours), official: cell(sizes.official) },
  }));
}

function coldStartRows({ overBareMs }: ColdStartResult): Row[] {
  const row = (metric: string, variant: keyof typeof overBareMs, target?: Target): Row => ({
    metric,
    cells: {
      ours: { value: overBareMs[variant].ours, text: ms(overBareMs[variant].ours) },
      official: { value: overBareMs[variant].official, text: ms(overBareMs[variant].official) },
    },
    ...(target && { target }),
  });
  return [
    row("ESM import", "esm", { op: "<=", ratio: 0.2 }),
    row("CJS require", "cjs"),
    row("Import + construct + first GetId", "firstCall"),
  ];
}

function perCallRows(perCall: PerCallResult): Row[] {
  return Object.entries(perCall).flatMap(([operation, us]) => [
    {
      metric: `${operation} (${operation === "GetId" ? "unsigned" : "signed"}), µs per call`,
      cells: {
        ours: { value: us.ours, text: micro(us.ours) },
        official: { value: us.official, text: micro(us.official) },
      },
      target: { op: "<=", ratio: 0.2 } as Target,
    },
    {
      metric: `${operation}, calls per second`,
      cells: {
        ours: { value: 1e6 / us.ours, text: count(1e6 / us.ours) },
        official: { value: 1e6 / us.official, text: count(1e6 / us.official) },
      },
    },
  ]);
}

function paginatorRows({ medians, pages, checkpoint }: PaginatorResult): Row[] {
  const row = (
    metric: string,
    field: keyof PaginatorResult["medians"]["ours"],
    format: (n: number) => string,
    target?: Target,
  ): Row => ({
    metric,
    cells: {
      ours: { value: medians.ours[field], text: format(medians.ours[field]) },
      official: { value: medians.official[field], text: format(medians.official[field]) },
    },
    ...(target && { target }),
  });
  return [
    row("µs per page", "usPerPage", micro, { op: "<=", ratio: 0.2 }),
    row(`Heap after ${count(checkpoint)} pages`, "heapAtCheckpoint", mib),
    row(`Heap after ${count(pages)} pages`, "heapAtEnd", mib),
    {
      metric: `Heap growth, pages ${count(checkpoint)} → ${count(pages)}`,
      cells: {
        ours: growth(medians.ours),
        official: growth(medians.official),
      },
      ratio: false,
    },
    row("Peak heap", "peakHeap", mib),
  ];
}

function growth(sample: PaginatorResult["medians"]["ours"]): Cell {
  const bytes = sample.heapAtEnd - sample.heapAtCheckpoint;
  return { value: bytes, text: `${bytes >= 0 ? "+" : ""}${(bytes / 2 ** 10).toFixed(0)} KiB` };
}

function loopbackRows(loopback: LoopbackResult): Row[] {
  return loopback.byConcurrency.flatMap(({ concurrency, runs }) => {
    const cell = (point: { rps: number; connections: number }): Cell => ({
      value: point.rps,
      text: `${count(point.rps)} (${count(point.connections)} conn.)`,
    });
    return [
      {
        metric: `Requests per second, concurrency ${concurrency}`,
        cells: { ours: cell(runs.ours), official: cell(runs.official) },
        ...(concurrency === 32 && { target: { op: ">=", ratio: 2 } as Target }),
      },
    ];
  });
}

/** The bare transports' throughput, as a ceiling for each client on this machine. */
function referenceNote(loopback: LoopbackResult): string {
  const rows = loopback.byConcurrency.map(
    ({ concurrency, runs }) =>
      `| ${concurrency} | ${count(runs.fetch.rps)} | ${count(runs["node-http"].rps)} |`,
  );
  return [
    "Reference, no SDK: the same request sent with bare `fetch` and with bare `node:http` " +
      "(keep-alive agent, 50 sockets, as NodeHttpHandler), requests per second. " +
      "A client cannot be faster than its transport here.",
    "",
    "| Concurrency | fetch | node:http |",
    "|---|---|---|",
    ...rows,
  ].join("\n");
}

function table(rows: Row[]): string {
  const lines = [
    "| Metric | Ours | Official | Ratio | Target | Met? |",
    "|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    const ratio = ratioOf(row);
    const met = isMet(row);
    lines.push(
      `| ${row.metric} | ${row.cells.ours?.text ?? "n/a"} | ${row.cells.official?.text ?? "n/a"} ` +
        `| ${ratio === undefined ? "n/a" : ratio.toFixed(2)} ` +
        `| ${row.target ? `${row.target.op === "<=" ? "≤" : "≥"} ${row.target.ratio}` : "—"} ` +
        `| ${met === undefined ? "—" : met ? "yes" : "no"} |`,
    );
  }
  return lines.join("\n");
}

function ratioOf(row: Row): number | undefined {
  const { ours, official } = row.cells;
  if (row.ratio === false || !ours || !official || official.value === 0) return undefined;
  return ours.value / official.value;
}

/** Whether the row meets its target; undefined when it has none or cannot be computed. */
function isMet(row: Row): boolean | undefined {
  const ratio = ratioOf(row);
  if (!row.target || ratio === undefined) return undefined;
  return row.target.op === "<=" ? ratio <= row.target.ratio : ratio >= row.target.ratio;
}

const loadText = (load: number[]) => load.map((n) => n.toFixed(2)).join(", ");
const count = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => `${n.toFixed(1)} ms`;
const micro = (n: number) => `${n.toFixed(1)} µs`;
const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
