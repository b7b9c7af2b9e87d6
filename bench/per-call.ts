import { runWorker } from "./child.js";
import type { Consumer } from "./consumer.js";
import { type Contender, clientPackage, contenders } from "./contenders.js";
import type { Settings } from "./settings.js";
import { interleave, median } from "./stats.js";

export const perCallOperations = ["GetId", "DescribeIdentityPool"] as const;
export type PerCallOperation = (typeof perCallOperations)[number];

/** Median µs per `client.send`, per operation and contender. */
export type PerCallResult = Record<PerCallOperation, Record<Contender, number>>;

/** Each round runs each contender in a fresh process: load, warm up, then time a loop. */
export async function measurePerCall(
  consumer: Consumer,
  settings: Settings,
): Promise<PerCallResult> {
  const result = {} as PerCallResult;
  const { warmup, iterations } = settings.perCall;
  for (const operation of perCallOperations) {
    const samples = await interleave(settings.rounds, contenders, async (contender) => {
      const args = [clientPackage[contender], operation, warmup, iterations];
      return (
        await runWorker<{ usPerCall: number }>(consumer.dir, consumer.script("per-call"), args)
      ).usPerCall;
    });
    result[operation] = { ours: median(samples.ours), official: median(samples.official) };
  }
  return result;
}
