import { describe, expect, it } from 'vitest';
import { parseAskArgs } from '../../src/console/ask-args.ts';
import { usageErrorOf } from '../support/usage-error.ts';

const usageError = (args: string[]) => usageErrorOf(parseAskArgs, args);

describe('npm run ask arguments', () => {
  it('reads a command line, --json, --overview and --help', () => {
    expect(parseAskArgs(['/country', 'Serbia'])).toEqual({ mode: 'answer', json: false, line: '/country Serbia' });
    expect(parseAskArgs(['--json', '/quote Osmani'])).toEqual({ mode: 'answer', json: true, line: '/quote Osmani' });
    expect(parseAskArgs([])).toEqual({ mode: 'answer', json: false, line: '' });
    expect(parseAskArgs(['--overview', 'out/'])).toEqual({ mode: 'overview', folder: 'out/' });
    expect(parseAskArgs(['--overview=out/'])).toEqual({ mode: 'overview', folder: 'out/' });
    expect(parseAskArgs(['-h'])).toEqual({ mode: 'help' });
  });

  it('names an unknown option and lists the ones there are, with the usage', () => {
    const message = usageError(['--jsn', '/country Serbia']);
    expect(message).toContain('Unknown option --jsn: the options are --json, --overview, --help.');
    expect(message).toContain('Usage: npm run ask');
  });

  it('says --overview needs a folder, and nothing else', () => {
    expect(usageError(['--overview'])).toContain('--overview needs a value after it, e.g. --overview out/.');
    expect(usageError(['--overview', 'out/', '/country Serbia'])).toContain('--overview takes one folder and nothing else');
    expect(usageError(['--json', '--overview', 'out/'])).toContain('--overview takes one folder and nothing else');
  });

  it('says a switch takes no value', () => {
    expect(usageError(['--json=yes', '/country Serbia'])).toContain('--json is a switch and takes no value: write --json alone.');
  });
});
