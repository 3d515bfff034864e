import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/args.ts';
import { usageErrorOf } from '../support/usage-error.ts';

const usageError = (args: string[]) => usageErrorOf(parseBenchArgs, args);

describe('npm run bench arguments', () => {
  it('keeps the quick pass the README and other engineers use', () => {
    const options = parseBenchArgs([
      '--sizes',
      '10000',
      '--quick',
      '--no-engines',
      '--no-snapshot',
      '--no-e2e',
      '--no-write',
      '--runs',
      '1',
    ]);
    expect(options).toMatchObject({ sizes: [10000], runs: 1, perKind: 20, engines: false, snapshot: false, e2eSizes: [], writeTo: false });
  });

  it('takes --name=value, underscores in numbers and story as an end-to-end size', () => {
    expect(parseBenchArgs(['--sizes=1_000,100000', '--e2e-sizes', 'story,1000'])).toMatchObject({
      sizes: [1000, 100000],
      e2eSizes: ['story', 1000],
      runs: 3,
      engines: true,
    });
    expect(parseBenchArgs(['--help'])).toBe('help');
  });

  it('names an unknown option, a missing value and a bad number, with the usage', () => {
    const unknown = usageError(['--size', '1000']);
    expect(unknown).toContain('Unknown option --size: the options are --sizes, --runs');
    expect(unknown).toContain('Usage: node --expose-gc --import tsx bench/run.ts');
    expect(usageError(['--runs'])).toContain('--runs needs a value after it, e.g. --runs 3.');
    expect(usageError(['--sizes', '10k'])).toContain(
      '--sizes takes whole numbers of at least 1 separated by commas, e.g. --sizes 1000,10000 (got "10k")',
    );
    expect(usageError(['--runs', '1,2'])).toContain('--runs takes one whole number, e.g. --runs 3.');
    expect(usageError(['--quick=yes'])).toContain('--quick is a switch and takes no value');
    expect(usageError(['10000'])).toContain("Unexpected argument '10000'");
  });
});
