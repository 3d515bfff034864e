import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { consoleWord } from '../../src/console/repl.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const run = promisify(execFile);

/** `npm start` with no token: the console, fed lines on stdin as a user would type them. */
async function startConsole(stdin: string): Promise<string> {
  const child = run(process.execPath, ['--import', import.meta.resolve('tsx'), path.resolve('src/main.ts')], {
    // A home of its own, so that the console's history file is not the user's.
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      STORY_DESK_CORPUS: SEED_CORPUS_DIR,
      HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'story-desk-home-')),
    },
  });
  child.child.stdin!.end(stdin);
  return (await child).stdout;
}

describe('the console', () => {
  it('names its own words in the banner, answers "help" with the commands and stops at "exit"', async () => {
    const stdout = await startConsole('help\nexit\n/country Serbia\n');
    expect(stdout).toMatch(/Console words: help .*clear .*exit or quit/);
    expect(stdout).toContain('/quote who:Osmani about:talks');
    expect(stdout).not.toContain('Nothing in the coverage');
    // Nothing after "exit" is answered.
    expect(stdout).not.toContain('Serbia: mentioned by');
  });

  it('takes its words in any case, with a stray full stop, and nothing longer', () => {
    expect(consoleWord('Quit')).toBe('quit');
    expect(consoleWord('clear.')).toBe('clear');
    expect(consoleWord('help me')).toBeUndefined();
    expect(consoleWord('clear the hubs')).toBeUndefined();
  });
});
