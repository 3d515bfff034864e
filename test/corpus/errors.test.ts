/** Every way the corpus can be wrong gives a CorpusError naming the file, the field, the problem and the fix. */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusError, buildCorpus, loadCorpus } from '../../src/corpus/index.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const seedDir = SEED_CORPUS_DIR;
const seedManifest = (): { pages: Record<string, unknown>[] } => JSON.parse(readFileSync(join(seedDir, 'sources.json'), 'utf8'));
const made: string[] = [];

/** A copy of the seed corpus in a temp dir, changed by `change`. */
function corpusCopy(change: (dir: string, manifest: { pages: Record<string, unknown>[] }) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'story-desk-corpus-'));
  made.push(root);
  const dir = join(root, 'corpus');
  cpSync(seedDir, dir, { recursive: true });
  const manifest = seedManifest();
  change(dir, manifest);
  writeFileSync(join(dir, 'sources.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

async function loadError(dir: string): Promise<CorpusError> {
  try {
    await loadCorpus(dir);
  } catch (err) {
    if (err instanceof CorpusError) return err;
    throw err;
  }
  throw new Error('loadCorpus accepted a broken corpus');
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('corpus errors', () => {
  it('loads an unchanged copy (the error cases below differ from it by one thing)', async () => {
    const corpus = await loadCorpus(corpusCopy(() => {}));
    expect(corpus.articles).toHaveLength(8);
  });

  it('a missing manifest', async () => {
    const dir = corpusCopy(() => {});
    rmSync(join(dir, 'sources.json'));
    const err = await loadError(dir);
    expect(err).toMatchObject({ file: 'sources.json', field: undefined });
    expect(err.message).toMatch(/no manifest at .*sources\.json.*Fix: create/);
  });

  it('a manifest that is not JSON', async () => {
    const dir = corpusCopy(() => {});
    writeFileSync(join(dir, 'sources.json'), '{ "pages": [ ');
    expect((await loadError(dir)).message).toMatch(/sources\.json: not valid JSON/);
  });

  it('a missing page file', async () => {
    const err = await loadError(corpusCopy((dir) => rmSync(join(dir, '002_d267e8ce1107b2f6.txt'))));
    expect(err).toMatchObject({ file: '002_d267e8ce1107b2f6.txt', field: 'pages[1].file' });
    expect(err.problem).toMatch(/does not exist/);
    expect(err.message).toContain('Fix: put the page at');
  });

  it('a page not in the manifest', async () => {
    const err = await loadError(corpusCopy((dir) => writeFileSync(join(dir, '005_extra.txt'), 'Some article text.\n')));
    expect(err).toMatchObject({ file: '005_extra.txt', problem: 'the page is not in the manifest' });
    expect(err.fix).toContain('add an entry for "005_extra.txt" to sources.json');
  });

  it('a page listed twice', async () => {
    const err = await loadError(corpusCopy((_, m) => m.pages.push({ ...m.pages[0] })));
    expect(err).toMatchObject({ file: 'sources.json', field: 'pages[4].file' });
    expect(err.problem).toContain('listed twice');
  });

  it('two articles with the same id', async () => {
    const err = await loadError(
      corpusCopy((_, m) => {
        Object.assign(m.pages[0] ?? {}, { id: 'gb-news' });
        Object.assign(m.pages[1] ?? {}, { id: 'gb-news' });
      }),
    );
    expect(err).toMatchObject({ file: 'sources.json', field: 'pages[1].id' });
    expect(err.problem).toBe('id "gb-news" is used by more than one article');
  });

  it('a page that is not valid UTF-8', async () => {
    const err = await loadError(
      corpusCopy((dir) => writeFileSync(join(dir, '002_d267e8ce1107b2f6.txt'), Buffer.from([0x4f, 0x4b, 0x20, 0xff, 0xfe, 0x41]))),
    );
    expect(err).toMatchObject({ file: '002_d267e8ce1107b2f6.txt' });
    expect(err.problem).toBe('the file is not valid UTF-8 (first bad byte at offset 3)');
    expect(err.fix).toMatch(/UTF-8/);
  });

  it('an article with no text once the furniture is gone', async () => {
    const junkOnly = 'THE AMERICA ONE NEWS\nSponsor: ACME\nback\n\nReuters\n';
    const err = await loadError(corpusCopy((dir) => writeFileSync(join(dir, '000_8faa19288015e52d.txt'), junkOnly)));
    expect(err).toMatchObject({ file: '000_8faa19288015e52d.txt', field: 'pages[0]' });
    expect(err.problem).toMatch(/has no text left after cleaning/);
  });

  it('an unknown kind', async () => {
    const err = await loadError(corpusCopy((_, m) => Object.assign(m.pages[2] ?? {}, { kind: 'blog' })));
    expect(err).toMatchObject({ file: 'sources.json', field: 'pages[2].kind (003_7bf66c5471eb4dd2.txt)' });
    expect(err.fix).toBe('set "kind" to "article" or "aggregator"');
  });

  it.each([
    ['../outside.txt', /leaves corpus/],
    ['sub/../../outside.txt', /leaves corpus/],
    ['/etc/hosts.txt', /absolute path/],
  ])('a path that leaves corpus/: %s', async (file, problem) => {
    const err = await loadError(corpusCopy((_, m) => Object.assign(m.pages[0] ?? {}, { file })));
    expect(err).toMatchObject({ file: 'sources.json' });
    expect(err.field).toMatch(/^pages\[0\]\.file/);
    expect(err.problem).toMatch(problem);
  });

  it('a symlink that leads out of corpus/', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'story-desk-outside-'));
    made.push(outside);
    writeFileSync(join(outside, 'page.txt'), 'An article sentence that lives outside.\n');
    const dir = corpusCopy((d, m) => {
      symlinkSync(join(outside, 'page.txt'), join(d, 'linked.txt'));
      m.pages.push({ ...m.pages[1], file: 'linked.txt' });
    });
    const err = await loadError(dir);
    expect(err).toMatchObject({ file: 'linked.txt', field: 'pages[4].file' });
    expect(err.problem).toMatch(/outside the corpus directory/);
  });

  it('an unknown key, naming it', async () => {
    const err = await loadError(corpusCopy((_, m) => Object.assign(m.pages[0] ?? {}, { publisher: 'GB News' })));
    expect(err.field).toBe('pages[0] (000_8faa19288015e52d.txt)');
    expect(err.fix).toContain('remove "publisher"');
  });

  it.each([
    ['url', 'not a url', /pages\[0\]\.url/],
    ['date', 5, /pages\[0\]\.date/],
    ['site', 'example.com', /pages\[0\]\.site/],
    ['outlet', undefined, /pages\[0\]\.outlet/],
  ])('a bad value for %s', async (key, value, field) => {
    const err = await loadError(corpusCopy((_, m) => Object.assign(m.pages[0] ?? {}, { [key]: value })));
    expect(err.file).toBe('sources.json');
    expect(err.field).toMatch(field);
    expect(err.message).toContain(`field ${err.field}`);
  });

  it('aggregator corrections that do not match the items on the page', async () => {
    const err = await loadError(corpusCopy((_, m) => Object.assign(m.pages[3] ?? {}, { items: [{ id: 'times' }] })));
    expect(err).toMatchObject({ file: '004_4c61330660ccd58a.txt', field: 'pages[3].items' });
    expect(err.problem).toMatch(/1 item corrections but the page holds 5 items/);
  });

  it('builds nothing from a corpus with one bad page, also in memory', () => {
    const manifest = seedManifest();
    const pages = new Map(manifest.pages.map((p) => [String(p.file), readFileSync(join(seedDir, String(p.file)), 'utf8')]));
    pages.set('002_d267e8ce1107b2f6.txt', '\n\n');
    expect(() => buildCorpus(manifest, pages)).toThrow(CorpusError);
  });
});
