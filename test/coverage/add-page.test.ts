/**
 * Adding and removing coverage (src/coverage/): saved web pages and text files, pages fetched from a
 * server on 127.0.0.1, and every refusal, which must say what was wrong and change nothing on disk.
 * Works on temporary copies of the seed corpus, never on corpus/.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDesk } from '../../src/desk/start-desk.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { PENDING_FILE } from '../../src/corpus/load.ts';
import { addPage } from '../../src/coverage/add-page.ts';
import { CoverageError } from '../../src/coverage/coverage-error.ts';
import { removePage } from '../../src/coverage/remove-page.ts';
import { summaryLines } from '../../src/coverage/summary.ts';
import { COVERAGE_FIXTURES, type PageServer, startPageServer } from '../support/page-server.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'story-desk-add-'));
let server: PageServer;
let corpusDir: string;
let n = 0;

beforeAll(async () => {
  server = await startPageServer();
});
afterAll(async () => {
  await server.close();
  rmSync(temp, { recursive: true, force: true });
});
beforeEach(() => {
  corpusDir = path.join(temp, `corpus-${n++}`);
  cpSync(SEED_CORPUS_DIR, corpusDir, { recursive: true });
});

const LEDGER = path.join(COVERAGE_FIXTURES, 'northern-ledger.html');
const GAZETTE = path.join(COVERAGE_FIXTURES, 'harbour-gazette.txt');
const GAZETTE_OPTIONS = { outlet: 'The Harbour Gazette', url: 'https://harbourgazette.example/news/ports-alert' };
const allowLoopback = { allowPrivate: true };

/** Every file in the folder with a hash of its bytes: what "nothing changed on disk" compares. */
function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    state[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return state;
}

async function refusal(run: () => Promise<unknown>): Promise<CoverageError> {
  const before = folderState(corpusDir);
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CoverageError);
  expect(folderState(corpusDir)).toEqual(before);
  return error as CoverageError;
}

async function answer(command: string, options: Record<string, string>) {
  const desk = await startDesk({ corpusDir, cacheDir: false });
  return desk.answer({ command, options });
}

describe('adding a saved web page', () => {
  it('finds outlet, headline and date in the metadata, keeps the page byte for byte and answers from it', async () => {
    const summary = await addPage({ corpusDir, source: { kind: 'file', path: LEDGER } });
    expect(summary).toMatchObject({
      id: 'the-northern-ledger',
      outlet: 'The Northern Ledger',
      headline: 'Montenegro says it has had no request to host UK return hub',
      date: '2025-06-04T09:20:00+01:00',
      shownDate: '4 June 2025',
      url: 'https://northernledger.example/world/2025/jun/04/montenegro-no-request-return-hub',
      passages: 5,
    });
    expect(summary.furnitureChars).toBeGreaterThan(300);
    expect(summary.quotations.map((q) => q.speaker)).toContain('Danilo Vukovic');
    expect(summary.newPeople).toContain('Danilo Vukovic');
    expect(readFileSync(path.join(corpusDir, summary.file))).toEqual(readFileSync(LEDGER));

    const corpus = await loadCorpus(corpusDir);
    const texts = corpus.passages.filter((p) => p.articleId === 'the-northern-ledger').map((p) => p.text);
    const all = texts.join('\n');
    // Cookie banner, menu, byline, caption and credit, share and newsletter blocks, related links: all gone.
    for (const furniture of [
      'cookies',
      'Home',
      'Ana Brook',
      'Photograph',
      'Podgorica. ',
      'Share',
      'Sign up',
      'newsletter',
      'More on this story',
      'Albania rules out',
      '©',
    ]) {
      expect(all).not.toContain(furniture);
    }
    expect(texts[1]).toContain('"Nobody from London has asked us anything, formally or informally," said Danilo Vukovic');

    const outlet = await answer('outlet', { name: 'The Northern Ledger' });
    expect(outlet.status).toBe('ok');
    expect(outlet.results[0]).toMatchObject({ outlet: 'The Northern Ledger', date: '4 June 2025' });
    const quote = await answer('quote', { who: 'Vukovic' });
    expect(quote.results.map((r) => r.outlet)).toContain('The Northern Ledger');
    expect(quote.results[0]?.speaker).toBe('Danilo Vukovic');
    const country = await answer('country', { name: 'Montenegro' });
    expect(country.results.map((r) => r.articleId)).toContain('the-northern-ledger');
  });

  it('--dry-run reports what it found and writes nothing', async () => {
    const before = folderState(corpusDir);
    const summary = await addPage({ corpusDir, source: { kind: 'file', path: LEDGER }, dryRun: true });
    expect(summaryLines(summary)[0]).toMatch(/^Would add "the-northern-ledger"/);
    expect(folderState(corpusDir)).toEqual(before);
  });

  it('takes outlet, headline, date and url from the options over what the page says', async () => {
    const summary = await addPage({
      corpusDir,
      source: { kind: 'file', path: LEDGER },
      overrides: {
        outlet: 'Ledger North',
        headline: 'No request, says Montenegro',
        date: 'June 4, 2025',
        url: 'https://ledger.example/a',
        via: 'Ledger Mirror',
      },
    });
    expect(summary).toMatchObject({
      id: 'ledger-north',
      outlet: 'Ledger North',
      headline: 'No request, says Montenegro',
      date: 'June 4, 2025',
      site: 'ledger.example',
      siteName: 'Ledger Mirror',
    });
    const outlet = await answer('outlet', { name: 'Ledger North' });
    expect(outlet.results[0]).toMatchObject({ publishedVia: 'Ledger Mirror', headline: 'No request, says Montenegro' });
  });
});

describe('adding a text file', () => {
  it('finds the headline line and the printed date; answers cite it', async () => {
    const summary = await addPage({ corpusDir, source: { kind: 'file', path: GAZETTE }, overrides: GAZETTE_OPTIONS });
    expect(summary).toMatchObject({
      id: 'the-harbour-gazette',
      headline: 'Croatian ports on alert as UK hub talks widen',
      date: '5 June 2025',
    });
    expect(summary.quotations.map((q) => q.speaker)).toEqual(['Marko Tadic', 'Marko Tadic']);
    const corpus = await loadCorpus(corpusDir);
    const all = corpus.passages
      .filter((p) => p.articleId === 'the-harbour-gazette')
      .map((p) => p.text)
      .join('\n');
    for (const furniture of ['Home | News', 'By Petra Lund', 'Share this article', 'Facebook', 'The Harbour Gazette'])
      expect(all).not.toContain(furniture);
    const quote = await answer('quote', { who: 'Marko Tadic' });
    expect(quote.results[0]).toMatchObject({ outlet: 'The Harbour Gazette', speaker: 'Marko Tadic' });
  });

  it('refuses a text file without an address or outlet, naming the option that gives it', async () => {
    const error = await refusal(() => addPage({ corpusDir, source: { kind: 'file', path: GAZETTE } }));
    expect(error.message).toContain('the page does not say its own address');
    expect(error.fix).toContain('--url');
    const noOutlet = await refusal(() =>
      addPage({ corpusDir, source: { kind: 'file', path: GAZETTE }, overrides: { url: GAZETTE_OPTIONS.url } }),
    );
    expect(noOutlet.fix).toContain('--outlet');
  });
});

describe('adding from a URL', () => {
  it('fetches a web page, records where and when it was read', async () => {
    const summary = await addPage({
      corpusDir,
      source: { kind: 'url', url: server.url('/ledger') },
      fetch: allowLoopback,
      now: new Date('2025-06-05T12:00:00Z'),
    });
    expect(summary).toMatchObject({ outlet: 'The Northern Ledger', site: '127.0.0.1', url: server.url('/ledger') });
    const manifest = JSON.parse(readFileSync(path.join(corpusDir, 'sources.json'), 'utf8'));
    expect(manifest.pages.at(-1)).toMatchObject({ retrieved: '2025-06-05T12:00:00.000Z', file: summary.file });
  });

  it('follows a redirect and reads a text/plain page', async () => {
    const moved = await addPage({ corpusDir, source: { kind: 'url', url: server.url('/moved') }, fetch: allowLoopback });
    expect(moved.url).toBe(server.url('/ledger'));
    const text = await addPage({
      corpusDir,
      source: { kind: 'url', url: server.url('/gazette') },
      overrides: { outlet: 'The Harbour Gazette' },
      fetch: allowLoopback,
    });
    expect(text.headline).toBe('Croatian ports on alert as UK hub talks widen');
  });

  it('resolves a relative date against the day the page was read, marked approximate', async () => {
    const summary = await addPage({
      corpusDir,
      source: { kind: 'url', url: server.url('/gazette') },
      overrides: { outlet: 'The Harbour Gazette', date: '2 days ago' },
      fetch: allowLoopback,
      now: new Date('2025-06-05T12:00:00Z'),
    });
    expect(summary.shownDate).toBe('about 3 June 2025 (printed "2 days ago")');
    const outlet = await answer('outlet', { name: 'The Harbour Gazette' });
    expect(outlet.results[0]?.date).toBe('about 3 June 2025 (printed "2 days ago")');
  });
});

describe('refusals name the problem and the fix, and change nothing', () => {
  it('a loopback address without STORY_DESK_ALLOW_PRIVATE_FETCH', async () => {
    const error = await refusal(() =>
      addPage({ corpusDir, source: { kind: 'url', url: server.url('/ledger') }, fetch: { allowPrivate: false } }),
    );
    expect(error.problem).toMatch(/127\.0\.0\.1 is a loopback, private, link-local or otherwise non-public address/);
    const byName = await refusal(() =>
      addPage({
        corpusDir,
        source: { kind: 'url', url: server.url('/ledger').replace('127.0.0.1', 'localhost') },
        fetch: { allowPrivate: false },
      }),
    );
    expect(byName.problem).toContain('non-public address');
  });

  it('a scheme other than http and https, also behind a redirect', async () => {
    expect((await refusal(() => addPage({ corpusDir, source: { kind: 'url', url: 'file:///etc/passwd' } }))).problem).toContain(
      'only http and https',
    );
    expect(
      (await refusal(() => addPage({ corpusDir, source: { kind: 'url', url: server.url('/to-ftp') }, fetch: allowLoopback }))).problem,
    ).toContain('ftp address');
  });

  it('more than 5 redirects', async () => {
    const error = await refusal(() => addPage({ corpusDir, source: { kind: 'url', url: server.url('/loop/0') }, fetch: allowLoopback }));
    expect(error.problem).toContain('redirects more than 5 times');
  });

  it('a page over 5 MB', async () => {
    const error = await refusal(() => addPage({ corpusDir, source: { kind: 'url', url: server.url('/big') }, fetch: allowLoopback }));
    expect(error.problem).toContain('larger than 5 MB');
  });

  it('a content type other than text/html and text/plain', async () => {
    const error = await refusal(() =>
      addPage({ corpusDir, source: { kind: 'url', url: server.url('/report.pdf') }, fetch: allowLoopback }),
    );
    expect(error.problem).toContain('application/pdf, not a web page or text');
  });

  it('a server that does not finish in time', async () => {
    const error = await refusal(() =>
      addPage({ corpusDir, source: { kind: 'url', url: server.url('/slow') }, fetch: { allowPrivate: true, timeoutMs: 300 } }),
    );
    expect(error.problem).toContain('did not finish answering within 0.3 s');
  });

  it('a missing page', async () => {
    const error = await refusal(() =>
      addPage({ corpusDir, source: { kind: 'url', url: server.url('/nothing-here') }, fetch: allowLoopback }),
    );
    expect(error.problem).toContain('answered HTTP 404');
  });

  it('invalid UTF-8', async () => {
    const error = await refusal(() =>
      addPage({ corpusDir, source: { kind: 'url', url: server.url('/latin1') }, overrides: { outlet: 'X' }, fetch: allowLoopback }),
    );
    expect(error.problem).toMatch(/not valid UTF-8 \(first bad byte at offset 33\)/);
  });

  it('a page with no article text, and an empty file', async () => {
    const error = await refusal(() =>
      addPage({ corpusDir, source: { kind: 'url', url: server.url('/front-page') }, fetch: allowLoopback }),
    );
    expect(error.problem).toContain('no article text found');
    const empty = path.join(temp, 'empty.txt');
    writeFileSync(empty, '  \n');
    expect((await refusal(() => addPage({ corpusDir, source: { kind: 'file', path: empty } }))).problem).toContain('is empty');
  });

  it('a file that is neither .html nor .txt, and one that does not exist', async () => {
    const pdf = path.join(temp, 'report.pdf');
    writeFileSync(pdf, '%PDF');
    expect((await refusal(() => addPage({ corpusDir, source: { kind: 'file', path: pdf } }))).problem).toContain('neither a web page');
    expect((await refusal(() => addPage({ corpusDir, source: { kind: 'file', path: path.join(temp, 'nope.html') } }))).problem).toContain(
      'there is no file',
    );
  });
});

describe('duplicates and copies', () => {
  it('refuses the same article twice, naming its id', async () => {
    await addPage({ corpusDir, source: { kind: 'file', path: LEDGER } });
    const again = await refusal(() => addPage({ corpusDir, source: { kind: 'file', path: LEDGER } }));
    expect(again.problem).toContain('already in the corpus as "the-northern-ledger"');
    await addPage({
      corpusDir,
      source: { kind: 'url', url: server.url('/ledger') },
      overrides: { outlet: 'Loopback Ledger' },
      fetch: allowLoopback,
    }).catch(() => {});
  });

  it('refuses the same text from the same site under another address', async () => {
    await addPage({ corpusDir, source: { kind: 'url', url: server.url('/ledger') }, fetch: allowLoopback });
    const error = await refusal(() =>
      addPage({ corpusDir, source: { kind: 'url', url: server.url('/ledger-again') }, fetch: allowLoopback }),
    );
    expect(error.problem).toContain('already in the corpus as "the-northern-ledger"');
  });

  it('keeps a republication as a copy: the original is cited once with "republished by", never as another outlet agreeing', async () => {
    await addPage({ corpusDir, source: { kind: 'file', path: LEDGER } });
    const copy = await addPage({ corpusDir, source: { kind: 'url', url: server.url('/digest') }, fetch: allowLoopback });
    expect(copy.copyOf).toEqual({ id: 'the-northern-ledger', outlet: 'The Northern Ledger' });
    expect(summaryLines(copy).join('\n')).toContain('republished by Balkan Wire Digest');

    const quote = await answer('quote', { who: 'Vukovic' });
    expect(quote.results.length).toBeGreaterThan(0);
    for (const result of quote.results) {
      expect(result).toMatchObject({ outlet: 'The Northern Ledger', republishedBy: ['Balkan Wire Digest'], alsoIn: [] });
    }
    const outlets = await answer('sources', {});
    expect(outlets.results.map((r) => r.outlet)).not.toContain('Balkan Wire Digest');
  });
});

describe('removing', () => {
  it('takes the page out; answers no longer cite it', async () => {
    const added = await addPage({ corpusDir, source: { kind: 'file', path: GAZETTE }, overrides: GAZETTE_OPTIONS });
    const removal = await removePage(corpusDir, 'the-harbour-gazette');
    expect(removal).toMatchObject({ removed: 'the-harbour-gazette', file: added.file });
    expect(readdirSync(corpusDir)).not.toContain(added.file);
    const corpus = await loadCorpus(corpusDir);
    expect(corpus.articles.map((a) => a.id)).not.toContain('the-harbour-gazette');
  });

  it('refuses an unknown id, an aggregator item and an original with copies', async () => {
    expect((await refusal(() => removePage(corpusDir, 'nope'))).fix).toContain('gb-news');
    expect((await refusal(() => removePage(corpusDir, 'the-sun'))).problem).toContain('aggregator page');
    await addPage({ corpusDir, source: { kind: 'file', path: LEDGER } });
    const copy = await addPage({ corpusDir, source: { kind: 'url', url: server.url('/digest') }, fetch: allowLoopback });
    expect((await refusal(() => removePage(corpusDir, 'the-northern-ledger'))).fix).toContain(`remove ${copy.file}`);
    await removePage(corpusDir, copy.file);
    await removePage(corpusDir, 'the-northern-ledger');
  });
});

describe('safety of the corpus folder', () => {
  it('serialises two adds at once: both pages are listed', async () => {
    await Promise.all([
      addPage({ corpusDir, source: { kind: 'file', path: LEDGER } }),
      addPage({ corpusDir, source: { kind: 'file', path: GAZETTE }, overrides: GAZETTE_OPTIONS }),
    ]);
    const corpus = await loadCorpus(corpusDir);
    expect(corpus.articles.map((a) => a.id)).toEqual(expect.arrayContaining(['the-northern-ledger', 'the-harbour-gazette']));
  });

  it('an add that crashed after writing its page leaves the corpus as it was, and the next change clears it up', async () => {
    const before = await loadCorpus(corpusDir);
    // What a crash between writing the page and writing the manifest leaves behind.
    writeFileSync(path.join(corpusDir, PENDING_FILE), JSON.stringify({ file: '009_orphan.html' }));
    writeFileSync(path.join(corpusDir, '009_orphan.html'), readFileSync(LEDGER));
    expect((await loadCorpus(corpusDir)).hash).toBe(before.hash);
    await addPage({ corpusDir, source: { kind: 'file', path: GAZETTE }, overrides: GAZETTE_OPTIONS });
    expect(readdirSync(corpusDir)).not.toContain('009_orphan.html');
    expect(readdirSync(corpusDir)).not.toContain(PENDING_FILE);
  });
});
