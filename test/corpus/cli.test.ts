/** `npm run corpus`: the report a maintainer reads, and its exit status on a broken corpus. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [tsx, 'scripts/corpus.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, STORY_DESK_CORPUS: SEED_CORPUS_DIR } });
const temp = mkdtempSync(join(tmpdir(), 'story-desk-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run corpus', () => {
  it('prints one row per article with outlet, site, headline, date, passages and furniture', () => {
    const { status, stdout } = run();
    expect(status).toBe(0);
    const rows = stdout.split('\n').filter((l) => /^[a-z][a-z-]*\s{2}/.test(l) && !l.startsWith('id '));
    expect(rows.map((r) => r.split(/\s{2,}/)[0])).toEqual([
      'gb-news', 'the-liberal-news', 'daily-express', 'the-times', 'the-sun', 'forbes', 'sky-news', 'the-independent',
    ]);
    expect(rows[0]).toMatch(/^gb-news\s+GB News\s+am1\.news \(The America One News\)\s+MI6 warns .*Jun 2, 2025\s+\d+\s+\d+$/);
    expect(rows[3]).toMatch(/^the-times\s+The Times\s+daily8\.com \(daily8\)\s+Migrant return hubs .*2 days ago\s+\d+\s+\d+$/);
    expect(stdout).toMatch(/8 articles, \d+ passages/);
  });

  it('--show prints one article\'s passages with their ids', () => {
    const { status, stdout } = run('--show', 'the-sun');
    expect(status).toBe(0);
    expect(stdout).toContain('[the-sun:0]');
    expect(stdout).toContain("KOSOVO is 'open' to becoming a return hub");
    expect(stdout).not.toContain('[gb-news:0]');
  });

  it('--show with an unknown id lists the ids and fails', () => {
    const { status, stderr } = run('--show', 'nope');
    expect(status).not.toBe(0);
    expect(stderr).toContain('the ids are: gb-news, the-liberal-news');
  });

  it('exits non-zero with the CorpusError message on a broken corpus', () => {
    const dir = join(temp, 'corpus');
    cpSync(SEED_CORPUS_DIR, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
    manifest.pages[1].kind = 'blog';
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(manifest));
    const { status, stdout, stderr } = run('--dir', dir);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('corpus error in sources.json, field pages[1].kind (002_d267e8ce1107b2f6.txt)');
    expect(stderr).toContain('Fix: set "kind" to "article" or "aggregator"');
  });

  it('--help documents list, add and remove', () => {
    const { status, stdout } = run('--help');
    expect(status).toBe(0);
    for (const part of ['add <file or URL>', '--outlet', '--url', '--date', '--headline', '--via', '--dry-run', 'remove <article id>', 'list']) {
      expect(stdout).toContain(part);
    }
  });

  it('adds a saved web page and a text file, lists them and removes one', () => {
    const dir = join(temp, 'add');
    cpSync(SEED_CORPUS_DIR, dir, { recursive: true });
    const page = run('add', 'test/fixtures/coverage/northern-ledger.html', '--dir', dir);
    expect(page.status).toBe(0);
    expect(page.stdout).toContain('Added "the-northern-ledger"');
    expect(page.stdout).toContain('Danilo Vukovic: "Nobody from London has asked us anything');
    const text = run('add', 'test/fixtures/coverage/harbour-gazette.txt', '--dir', dir, '--outlet', 'The Harbour Gazette', '--url', 'https://harbourgazette.example/a');
    expect(text.status).toBe(0);
    expect(run('list', '--dir', dir).stdout).toMatch(/10 articles/);
    const removed = run('remove', 'the-harbour-gazette', '--dir', dir);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain('Removed "the-harbour-gazette"');
    expect(run('--dir', dir).stdout).toMatch(/9 articles/);
  }, 60_000);

  it('says what is wrong with the arguments and exits 2', () => {
    expect(run('add').stderr).toContain('add needs a file or URL');
    expect(run('remove', 'x', '--outlet', 'Y').stderr).toContain('--outlet goes with add');
    const unknown = run('--nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--nope'");
  }, 30_000);

  it('a refused add exits 1 with the problem and the fix', () => {
    const dir = join(temp, 'refused');
    cpSync(SEED_CORPUS_DIR, dir, { recursive: true });
    const { status, stderr } = run('add', 'test/fixtures/coverage/harbour-gazette.txt', '--dir', dir);
    expect(status).toBe(1);
    expect(stderr).toContain("Fix: give the article's address with --url");
  });

  it('--entities marks each entity curated, discovered or world; --unknown-names lists what the gazetteer lacks', () => {
    const dir = join(temp, 'uncurated');
    cpSync(SEED_CORPUS_DIR, dir, { recursive: true });
    rmSync(join(dir, 'gazetteer.json'));
    const curated = run('--entities', '--json');
    expect(curated.status).toBe(0);
    const rows = (stdout: string) =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { id: string; origin: string; total: number; quoted: number });
    expect(rows(curated.stdout).find((row) => row.id === 'vjosa-osmani')?.origin).toBe('curated');

    const unknown = run('--dir', dir, '--unknown-names', '--json');
    expect(unknown.status).toBe(0);
    const names = rows(unknown.stdout);
    expect(names.every((row) => row.origin === 'discovered')).toBe(true);
    expect(names.find((row) => row.id === 'vjosa-osmani')).toMatchObject({ origin: 'discovered', quoted: expect.any(Number) });
    expect(names.find((row) => row.id === 'vjosa-osmani')!.total).toBeGreaterThan(3);
    expect(names.some((row) => row.id === 'serbia')).toBe(false);
    const table = run('--dir', dir, '--entities');
    expect(table.stdout).toMatch(/^Serbia\s+place\s+world\s+\d+/mu);
    expect(table.stdout).toMatch(/^Keir Starmer\s+person\s+discovered\s+\d+/mu);
  }, 90_000);
});
