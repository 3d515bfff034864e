import { describe, expect, it } from 'vitest';
import { HelpRequested, UsageError, parseCommandLine, wholeNumbers } from '../../src/runtime/args.ts';
import { usageErrorOf } from '../support/usage-error.ts';

const USAGE = 'Usage: report [--json] [--out <file>]';
const parse = (args: string[]) =>
  parseCommandLine({ args, options: { json: { type: 'boolean' }, out: { type: 'string' } } }, USAGE, { out: 'report.json' });

describe('parseCommandLine (node:util parseArgs)', () => {
  it('reads the options it defines', () => {
    expect(parse(['--json', '--out', 'a.json']).values).toEqual({ json: true, out: 'a.json' });
    expect(parse(['--out=a.json']).values).toEqual({ out: 'a.json' });
  });

  it('answers --help and -h with the usage alone, when the entry defines no help of its own', () => {
    for (const help of ['--help', '-h']) {
      let thrown: unknown;
      try {
        parse([help]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(HelpRequested);
      expect((thrown as Error).message).toBe(USAGE);
    }
  });

  it('names what is wrong, how to write it, and ends with the usage', () => {
    expect(usageErrorOf(parse, ['--jsn'])).toBe(`Unknown option --jsn: the options are --json, --out.\n${USAGE}`);
    expect(usageErrorOf(parse, ['--out'])).toBe(`--out needs a value after it, e.g. --out report.json.\n${USAGE}`);
    expect(usageErrorOf(parse, ['--json=yes'])).toBe(`--json is a switch and takes no value: write --json alone.\n${USAGE}`);
    expect(usageErrorOf(parse, ['extra'])).toContain("Unexpected argument 'extra'");
  });
});

describe('wholeNumbers', () => {
  it('reads comma-separated whole numbers, underscores allowed', () => {
    expect(wholeNumbers('1000, 10_000', '--sizes', '--sizes 1000,10000')).toEqual([1000, 10000]);
  });

  it('refuses zero, fractions, words and gaps, naming the option and an example', () => {
    for (const bad of ['0', '1.5', 'ten', '1000,,2000']) {
      expect(() => wholeNumbers(bad, '--sizes', '--sizes 1000,10000')).toThrow(UsageError);
    }
    expect(() => wholeNumbers('ten', '--sizes', '--sizes 1000,10000')).toThrow(
      '--sizes takes whole numbers of at least 1 separated by commas, e.g. --sizes 1000,10000 (got "ten").',
    );
  });
});
