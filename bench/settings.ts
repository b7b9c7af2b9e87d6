/** How much work each measurement does: the full run, or `--quick` to keep the scripts working. */
export interface Settings {
  quick: boolean;
  /** Rounds of every timing measurement, each contender in a fresh process per round. */
  rounds: number;
  /** Process starts per contender and variant in each cold start round. */
  coldStartsPerRound: number;
  perCall: { warmup: number; iterations: number };
  paginator: { pages: number; firstCheckpoint: number };
  loopback: { warmupMs: number; durationMs: number; concurrency: readonly number[] };
}

export function parseSettings(argv: readonly string[]): Settings {
  const quick = argv.includes("--quick");
  const roundsFlag = argv.indexOf("--rounds");
  const rounds = roundsFlag >= 0 ? Number(argv[roundsFlag + 1]) : quick ? 1 : 6;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds needs a positive integer");
  return quick
    ? {
        quick,
        rounds,
        coldStartsPerRound: 1,
        perCall: { warmup: 50, iterations: 200 },
        paginator: { pages: 50, firstCheckpoint: 10 },
        loopback: { warmupMs: 50, durationMs: 300, concurrency: [1, 32] },
      }
    : {
        quick,
        rounds,
        coldStartsPerRound: 3,
        perCall: { warmup: 2_000, iterations: 20_000 },
        paginator: { pages: 1_000, firstCheckpoint: 100 },
        loopback: { warmupMs: 500, durationMs: 2_500, concurrency: [1, 32] },
      };
}
