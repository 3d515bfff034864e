/**
 * The performance issue's targets, judged on one run's results: so that RESULTS.md says, each time it
 * is written, which targets that run met and which it missed, with the figure.
 */
import type { SizeResult } from './core.ts';
import type { BenchResults } from './results.ts';

export interface TargetCheck {
  target: string;
  /** The run's figure, as shown; '–' when the run did not measure it. */
  measured: string;
  /** Undefined when the run did not measure it (e.g. --no-snapshot, or no 10,000-passage size). */
  met: boolean | undefined;
}

/** Commands whose answers the latency targets cover (autocomplete has its own). */
const COMMANDS = ['ask', 'country', 'quote', 'outlet', 'compare', 'sources', 'check'] as const;

const LARGE = 100_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms: number) => `${ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)} ms`;

function check(target: string, value: number | undefined, limit: number, show: (value: number) => string): TargetCheck {
  return value === undefined ? { target, measured: '–', met: undefined } : { target, measured: show(value), met: value <= limit };
}

/** The targets at the run's largest synthetic size (they are set for 100,000 passages) and at the story's size. */
export function checkTargets(results: Pick<BenchResults, 'sizes'>): TargetCheck[] {
  const story = results.sizes.find((size) => size.label === 'story');
  const largest = results.sizes.filter((size) => size !== story).at(-1);
  const checks: TargetCheck[] = [];
  if (largest) {
    const at = largest.passages >= LARGE ? '' : ` (run at ${largest.label} passages, not 100,000)`;
    checks.push(...largeTargets(results.sizes, largest, at));
  }
  if (story) {
    const worst = worstOf(story, 'p95');
    checks.push(check(`story's size: every command's p95 ≤ 1 ms (worst: ${worst.command})`, worst.value, 1, millis));
  }
  return checks;
}

function largeTargets(sizes: SizeResult[], largest: SizeResult, at: string): TargetCheck[] {
  const tenThousand = sizes.find((size) => size.passages >= 9_000 && size.passages <= 11_000);
  const ratio = tenThousand && tenThousand !== largest ? largest.analysisMs / tenThousand.analysisMs : undefined;
  const flexP99 = largest.engines.find((engine) => engine.name.startsWith('FlexSearch'))?.latency.p99;
  const worst = worstOf(largest, 'p99');
  const checks = [
    check(`analysis from scratch ≤ 30 s${at}`, largest.analysisMs, 30_000, seconds),
    check(`analysis time ratio to 10,000 passages ≤ 12${at}`, ratio, 12, (value) => `×${value.toFixed(1)}`),
    check(`one article added, to the first answer citing it, ≤ 3 s${at}`, largest.addArticleMs, 3_000, seconds),
    check(`one article removed, to the first answer without it, ≤ 3 s${at}`, largest.removeArticleMs, 3_000, seconds),
    check(`start to first answer from a snapshot ≤ 2 s${at}`, largest.snapshot.readyMs || undefined, 2_000, seconds),
    check(`heap ≤ 300 MB${at}`, largest.heapMb, 300, (value) => `${value.toFixed(0)} MB`),
    check(`every command's p99 < 50 ms (worst: ${worst.command})${at}`, worst.value, 50, millis),
    check(`autocomplete p99 < 5 ms${at}`, largest.latency['autocomplete']?.p99, 5, millis),
  ];
  if (flexP99 !== undefined) {
    const over = COMMANDS.filter((command) => (largest.latency[command]?.p99 ?? 0) > flexP99);
    checks.push({
      target: `every command's p99 ≤ FlexSearch's text-search p99 (${millis(flexP99)})${at}`,
      measured: over.length === 0 ? 'all at or under' : `over: ${over.join(', ')}`,
      met: over.length === 0,
    });
  }
  return checks;
}

function worstOf(size: SizeResult, percentile: 'p95' | 'p99'): { command: string; value: number | undefined } {
  let worst: { command: string; value: number | undefined } = { command: '–', value: undefined };
  for (const command of COMMANDS) {
    const value = size.latency[command]?.[percentile];
    if (value !== undefined && (worst.value === undefined || value > worst.value)) worst = { command, value };
  }
  return worst;
}

export function renderTargets(checks: TargetCheck[]): string {
  const mark = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : '**not met**');
  return ['| target | this run | |', '|:--|--:|:--|', ...checks.map((c) => `| ${c.target} | ${c.measured} | ${mark(c.met)} |`)].join('\n');
}
