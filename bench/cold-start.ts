import { timeNode } from "./child.js";
import type { Consumer } from "./consumer.js";
import { type Contender, clientPackage, contenders } from "./contenders.js";
import type { Settings } from "./settings.js";
import { interleave, median } from "./stats.js";

export type ColdStartVariant = "esm" | "cjs" | "firstCall";

export interface ColdStartResult {
  /** Median wall time of `node -e 0`, ms, over all variants' rounds. */
  bareMs: number;
  /** Median wall time of the variant minus the median bare start, ms. */
  overBareMs: Record<ColdStartVariant, Record<Contender, number>>;
  samples: number;
}

/**
 * Times whole `node` processes from the outside (timing inside would miss the module
 * loading before the timer starts), and subtracts a bare `node -e 0` measured in the same
 * interleaved rounds.
 */
export async function measureColdStart(
  consumer: Consumer,
  settings: Settings,
): Promise<ColdStartResult> {
  const commands: Record<ColdStartVariant, (pkg: string) => string[]> = {
    esm: (pkg) => ["--input-type=module", "-e", `await import(${JSON.stringify(pkg)})`],
    cjs: (pkg) => ["-e", `require(${JSON.stringify(pkg)})`],
    firstCall: (pkg) => [consumer.script("first-call"), pkg],
  };
  const bare: number[] = [];
  const overBareMs = {} as ColdStartResult["overBareMs"];
  for (const variant of Object.keys(commands) as ColdStartVariant[]) {
    const samples = await interleave(settings.rounds, ["bare", ...contenders] as const, (who) => {
      const args = who === "bare" ? ["-e", "0"] : commands[variant](clientPackage[who]);
      return Array.from({ length: settings.coldStartsPerRound }, () =>
        timeNode(consumer.dir, args),
      );
    });
    const bareMedian = median(samples.bare.flat());
    bare.push(...samples.bare.flat());
    overBareMs[variant] = {
      ours: median(samples.ours.flat()) - bareMedian,
      official: median(samples.official.flat()) - bareMedian,
    };
  }
  return {
    bareMs: median(bare),
    overBareMs,
    samples: settings.rounds * settings.coldStartsPerRound,
  };
}
