/** The middle value, or the mean of the two middle values; NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of one numeric field over a list of samples. */
export function medianOf<S>(samples: readonly S[], field: (sample: S) => number): number {
  return median(samples.map(field));
}

/**
 * The order of the contenders in a round: A B, then B A, then A B... so over the rounds each
 * goes first as often as the others (A B B A A B ...), and none always meets the machine in
 * the same state (warm disk cache, a busy or quiet CPU).
 */
export function abbaOrder<T>(round: number, contenders: readonly T[]): T[] {
  return round % 2 === 0 ? [...contenders] : [...contenders].reverse();
}

/** Runs `measure` once per contender per round, interleaved A B B A; samples per contender. */
export async function interleave<C extends string, S>(
  rounds: number,
  contenders: readonly C[],
  measure: (contender: C, round: number) => S | Promise<S>,
): Promise<Record<C, S[]>> {
  const samples = {} as Record<C, S[]>;
  for (const contender of contenders) samples[contender] = [];
  for (let round = 0; round < rounds; round++) {
    for (const contender of abbaOrder(round, contenders)) {
      samples[contender].push(await measure(contender, round));
    }
  }
  return samples;
}
