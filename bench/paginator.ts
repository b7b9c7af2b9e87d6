import { runWorker } from "./child.js";
import type { Consumer } from "./consumer.js";
import { type Contender, clientPackage, contenders } from "./contenders.js";
import type { Settings } from "./settings.js";
import { interleave, medianOf } from "./stats.js";

export interface PaginatorSample {
  /** µs per page over the pages after the checkpoint. */
  usPerPage: number;
  /** heapUsed in bytes after a full GC, at the checkpoint and after the last page. */
  heapAtCheckpoint: number;
  heapAtEnd: number;
  /** The highest heapUsed seen between pages (no GC forced). */
  peakHeap: number;
}

export interface PaginatorResult {
  pages: number;
  checkpoint: number;
  medians: Record<Contender, PaginatorSample>;
}

export async function measurePaginator(
  consumer: Consumer,
  settings: Settings,
): Promise<PaginatorResult> {
  const { pages, firstCheckpoint } = settings.paginator;
  const samples = await interleave(settings.rounds, contenders, (contender) =>
    runWorker<PaginatorSample>(
      consumer.dir,
      consumer.script("paginator"),
      [clientPackage[contender], pages, firstCheckpoint],
      ["--expose-gc"],
    ),
  );
  const medians = {} as Record<Contender, PaginatorSample>;
  for (const contender of contenders) {
    const list = samples[contender];
    medians[contender] = {
      usPerPage: medianOf(list, (s) => s.usPerPage),
      heapAtCheckpoint: medianOf(list, (s) => s.heapAtCheckpoint),
      heapAtEnd: medianOf(list, (s) => s.heapAtEnd),
      peakHeap: medianOf(list, (s) => s.peakHeap),
    };
  }
  return { pages, checkpoint: firstCheckpoint, medians };
}
