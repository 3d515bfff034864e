import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const run = promisify(execFile);
// Absolute, so that the command also runs from another working directory (a broken corpus's).
const TSX = ['--import', import.meta.resolve('tsx'), path.resolve('src/console/ask.ts')];

/** Runs `npm run ask -- <args>` as a user would (node with tsx, as the npm script does), feeding stdin. */
async function ask(args: string[], stdin?: string, cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [...TSX, ...args], {
    cwd,
    env: { ...process.env, DISCORD_TOKEN: '', STORY_DESK_CORPUS: cwd === process.cwd() ? SEED_CORPUS_DIR : '' },
  });
  if (stdin !== undefined) {
    child.child.stdin!.end(stdin);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run ask', () => {
  it('answers one command line with a cited answer and exits 0', async () => {
    const { code, stdout } = await ask(['/country Serbia']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Serbia: mentioned by 6 of 8 outlets\./);
    expect(stdout).toContain('— GB News (read via The America One News)');
    expect(stdout).toContain('https://am1.news/');
  });

  it('prints nothing but one JSON answer model per line with --json', async () => {
    const { code, stdout } = await ask(['--json', '/quote who:Osmani about:talks']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(answer).toMatchObject({ command: 'quote', status: 'ok', options: { who: 'Osmani', about: 'talks' } });
    expect(answer.results[0]).toMatchObject({ outlet: expect.any(String), url: expect.any(String), speaker: 'Vjosa Osmani' });
  });

  it('answers each stdin line in order when no command line is given', async () => {
    const { code, stdout } = await ask(['--json'], '/country Kosovo\n\n/ask Rishi Sunak\n/sources\n');
    expect(code).toBe(0);
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((answer) => [answer.command, answer.status])).toEqual([
      ['country', 'ok'],
      ['ask', 'empty'],
      ['sources', 'ok'],
    ]);
  });

  it('exits 2 when a line was invalid, and still answers the others', async () => {
    const { code, stdout } = await ask(['--json'], '/country\n/country Serbia\n');
    expect(code).toBe(2);
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.status)).toEqual(['invalid', 'ok']);
    expect(answers[0].message).toBe('/country needs "name": /country name:Serbia');
  });

  it('refuses an unknown flag with the usage line, and shows the usage on --help', async () => {
    const unknown = await ask(['--jsn', '/country Serbia']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('Unknown option --jsn: the options are --json, --overview, --help.');
    const help = await ask(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run ask/);
  });

  it('names a broken corpus file and how to fix it, and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'story-desk-broken-'));
    fs.mkdirSync(path.join(dir, 'corpus'));
    const manifest = {
      pages: [
        {
          file: 'missing.txt',
          kind: 'article',
          site: 'example.com',
          siteName: 'Example',
          url: 'https://example.com/a',
          outlet: 'Example',
          headline: 'A',
          date: null,
        },
      ],
    };
    fs.writeFileSync(path.join(dir, 'corpus', 'sources.json'), JSON.stringify(manifest));
    const { code, stdout, stderr } = await ask(['/sources'], undefined, dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('story-desk cannot load its corpus.');
    expect(stderr).toContain('missing.txt');
  });
});
