/** The shape of a benchmark run's options and results: what run.ts produces and report.ts renders. */
import type { SizeResult } from './core.ts';
import type { EndToEndResult } from './e2e.ts';

export interface BenchOptions {
  /** Synthetic corpus sizes (passages); the seed corpus (the story's size) always comes first. */
  sizes: number[];
  perKind: number;
  completions: number;
  runs: number;
  engines: boolean;
  /** Write and load a snapshot per size (default true). */
  snapshot?: boolean;
  /** Sizes measured end to end through the Discord emulator ('story' or a synthetic size). */
  e2eSizes: (number | 'story')[];
  interactions: number;
  outDir: string;
  /** Write results.json and RESULTS.md into this folder; false to write nothing. */
  writeTo: string | false;
  log: (line: string) => void;
  /** The story's pages, which the synthetic corpora are also made from (default: corpus/). */
  seedCorpusDir?: string;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  command: string;
  options: Omit<BenchOptions, 'log' | 'writeTo' | 'outDir' | 'seedCorpusDir'>;
  sizes: SizeResult[];
  endToEnd: EndToEndResult[];
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}
