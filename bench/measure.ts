/** Timing helpers: percentiles, a garbage collector when node was started without --expose-gc, heap after GC. */
import v8 from 'node:v8';
import vm from 'node:vm';

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/** The median, per field, of several runs' percentiles (the targets are medians of runs). */
export function medianOf(runs: readonly Percentiles[]): Percentiles {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  };
  return {
    count: runs[0]?.count ?? 0,
    p50: median(runs.map((run) => run.p50)),
    p95: median(runs.map((run) => run.p95)),
    p99: median(runs.map((run) => run.p99)),
    max: Math.max(0, ...runs.map((run) => run.max)),
  };
}

export function time<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

let collect: (() => void) | undefined;

/** A full garbage collection: global.gc under --expose-gc, else the same function fetched through V8's flags. */
export function gc(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  }
  collect();
  collect();
}

/** Heap in use after a full collection, in MB. */
export function heapAfterGc(): number {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
