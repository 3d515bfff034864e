import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const run = promisify(execFile);
const TSX = ['--import', import.meta.resolve('tsx'), path.resolve('src/console/ask.ts')];
const out = mkdtempSync(path.join(os.tmpdir(), 'story-desk-overview-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run ask -- --overview <folder>', () => {
  it('writes the /overview pictures as PNG and SVG files', async () => {
    const folder = path.join(out, 'pictures');
    const { stdout } = await run(process.execPath, [...TSX, '--overview', folder], {
      env: { ...process.env, DISCORD_TOKEN: '', STORY_DESK_CORPUS: SEED_CORPUS_DIR },
    });
    expect(readdirSync(folder).sort()).toEqual([
      'coverage-overview.png',
      'coverage-overview.svg',
      'coverage-timeline.png',
      'coverage-timeline.svg',
    ]);
    expect(stdout).toContain(`Wrote ${path.join(folder, 'coverage-overview.png')}`);
    const png = PNG.sync.read(readFileSync(path.join(folder, 'coverage-overview.png')));
    const svg = readFileSync(path.join(folder, 'coverage-overview.svg'), 'utf8');
    const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/u.exec(svg) ?? [];
    expect([png.width, png.height]).toEqual([Number(width) * 2, Number(height) * 2]);
    expect(svg).toContain('>Sky News</text>');
  });

  it('says what it takes when the folder is missing', async () => {
    const failed = await run(process.execPath, [...TSX, '--overview'], { env: { ...process.env, DISCORD_TOKEN: '' } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failed ? failed.code : 0).toBe(2);
    expect('stderr' in failed ? failed.stderr : '').toContain('--overview needs a value after it, e.g. --overview out/.');
  });
});
