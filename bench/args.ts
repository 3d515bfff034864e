/** `npm run bench`'s command line, parsed with node:util parseArgs (src/runtime/args.ts). */
import path from 'node:path';
import { UsageError, parseCommandLine, wholeNumbers } from '../src/runtime/args.ts';
import { BENCH_DIR } from './generate.ts';
import type { BenchOptions } from './results.ts';

export const BENCH_USAGE = `Usage: node --expose-gc --import tsx bench/run.ts [options]   (npm run bench -- [options])
  --sizes 1000,10000,100000   synthetic corpus sizes in passages (default 1000,10000,100000; --quick: 1000)
  --runs 3                    runs per measurement (--quick: 1)
  --per-kind 100              queries per command kind (--quick: 20)
  --completions 500           autocomplete calls (--quick: 60)
  --interactions 300          interactions per end-to-end size (--quick: 50)
  --e2e-sizes story,100000    sizes measured through the Discord emulator (default: story and the largest size)
  --quick                     one short pass
  --no-engines --no-snapshot --no-e2e --no-write   skip the engine comparison, snapshots, end to end, or writing results
  --help                      this text`;

const EXAMPLES = {
  sizes: '1000,10000',
  runs: '3',
  'per-kind': '100',
  completions: '500',
  interactions: '300',
  'e2e-sizes': 'story,10000',
};

/** The options, or 'help'; throws UsageError naming a bad option and how to write it. */
export function parseBenchArgs(args: string[]): BenchOptions | 'help' {
  const { values } = parseCommandLine(
    {
      args,
      options: {
        sizes: { type: 'string' },
        runs: { type: 'string' },
        'per-kind': { type: 'string' },
        completions: { type: 'string' },
        interactions: { type: 'string' },
        'e2e-sizes': { type: 'string' },
        quick: { type: 'boolean' },
        'no-engines': { type: 'boolean' },
        'no-snapshot': { type: 'boolean' },
        'no-e2e': { type: 'boolean' },
        'no-write': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    },
    BENCH_USAGE,
    EXAMPLES,
  );
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const one = (option: keyof typeof EXAMPLES, text: string | undefined, quickDefault: string, fullDefault: string): number => {
    const numbers = wholeNumbers(text ?? (quick ? quickDefault : fullDefault), `--${option}`, `--${option} ${EXAMPLES[option]}`);
    if (numbers.length !== 1)
      throw new UsageError(`--${option} takes one whole number, e.g. --${option} ${EXAMPLES[option]}.\n${BENCH_USAGE}`);
    return numbers[0]!;
  };
  try {
    const sizes = wholeNumbers(values.sizes ?? (quick ? '1000' : '1000,10000,100000'), '--sizes', `--sizes ${EXAMPLES.sizes}`);
    const e2eSizes = (values['e2e-sizes'] ?? `story,${Math.max(...sizes)}`)
      .split(',')
      .map((part) =>
        part.trim() === 'story' ? ('story' as const) : wholeNumbers(part, '--e2e-sizes', `--e2e-sizes ${EXAMPLES['e2e-sizes']}`)[0]!,
      );
    return {
      sizes,
      perKind: one('per-kind', values['per-kind'], '20', '100'),
      completions: one('completions', values.completions, '60', '500'),
      runs: one('runs', values.runs, '1', '3'),
      engines: !values['no-engines'],
      snapshot: !values['no-snapshot'],
      e2eSizes: values['no-e2e'] ? [] : e2eSizes,
      interactions: one('interactions', values.interactions, '50', '300'),
      outDir: path.join(BENCH_DIR, 'out'),
      writeTo: values['no-write'] ? false : BENCH_DIR,
      log: (line) => console.log(line),
    };
  } catch (error) {
    if (error instanceof UsageError && !error.message.includes('\nUsage:')) throw new UsageError(`${error.message}\n${BENCH_USAGE}`);
    throw error;
  }
}
