/**
 * How far V8 lets a heap grow past its live size before a full collection,
 * for every thread of the process (the flag is process-wide, and read each
 * time a heap limit is computed, so the worker threads follow it too).
 *
 * V8's default picks a factor from 1.1 to 4 by how fast the collector is
 * against the program: a build that allocates fast on an idle machine gets a
 * big factor, and each worker's heap grew to about 3 times its ~90 MB live
 * size, the main thread's to 2 to 3 times its results and graph. That garbage,
 * not live data, took the peak RSS of a corpus build past 1 GB (and made it
 * swing by hundreds of MB with the machine's load). A fixed factor bounds it;
 * the collector then runs more often on a smaller heap (no measurable CPU
 * change at 2x, see docs/scaling.md). It is a bound, not a limit: a heap
 * whose live data grows still grows, nothing is ever refused.
 */
import v8 from 'node:v8';

/** The build's default: a full collection once a heap is twice its live size. */
export const BUILD_HEAP_GROWING_PERCENT = 100;

/** Sets V8's heap growing factor to 1 + percent/100 for the whole process (0: V8's own heuristics again). */
export function setHeapGrowingPercent(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`heap growing percent must be a whole number ≥ 0, got ${percent}`);
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
