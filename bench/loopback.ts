import { type ChildProcess, fork } from "node:child_process";
import { childEnv, runWorker } from "./child.js";
import type { Consumer } from "./consumer.js";
import { type Contender, clientPackage, contenders } from "./contenders.js";
import type { Settings } from "./settings.js";
import { interleave, median } from "./stats.js";

/** The two clients, plus the bare transports each uses by default, with no SDK on top. */
export const references = ["fetch", "node-http"] as const;
type Runner = Contender | (typeof references)[number];

export interface LoopbackPoint {
  /** Median requests per second. */
  rps: number;
  /** Median TCP connections the server accepted during one run (warm-up included). */
  connections: number;
}

export interface LoopbackResult {
  durationMs: number;
  byConcurrency: { concurrency: number; runs: Record<Runner, LoopbackPoint> }[];
}

/**
 * GetId over HTTP to a node:http server in another process on 127.0.0.1, keep-alive on.
 * Each client runs in its own process per round, with its default transport.
 */
export async function measureLoopback(
  consumer: Consumer,
  settings: Settings,
): Promise<LoopbackResult> {
  const server = fork(consumer.script("loopback-server"), [], { env: childEnv(), execArgv: [] });
  try {
    const { port } = await reply<{ port: number }>(server);
    const url = `http://127.0.0.1:${port}`;
    const { warmupMs, durationMs } = settings.loopback;
    const byConcurrency: LoopbackResult["byConcurrency"] = [];
    for (const concurrency of settings.loopback.concurrency) {
      const runners: Runner[] = [...contenders, ...references];
      const samples = await interleave(settings.rounds, runners, async (runner) => {
        const kind = runner === "ours" || runner === "official" ? clientPackage[runner] : runner;
        const { rps } = await runWorker<{ rps: number }>(
          consumer.dir,
          consumer.script("loopback-client"),
          [kind, url, concurrency, warmupMs, durationMs],
        );
        server.send("stats");
        const { connections } = await reply<{ connections: number }>(server);
        return { rps, connections };
      });
      const runs = {} as Record<Runner, LoopbackPoint>;
      for (const runner of runners) {
        runs[runner] = {
          rps: median(samples[runner].map((s) => s.rps)),
          connections: median(samples[runner].map((s) => s.connections)),
        };
      }
      byConcurrency.push({ concurrency, runs });
    }
    return { durationMs, byConcurrency };
  } finally {
    server.disconnect();
  }
}

/** The next message from the server process. */
function reply<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      child.off("exit", onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`loopback server exited with ${code}`));
    };
    child.once("message", onMessage);
    child.once("exit", onExit);
  });
}
