/** The seed corpus end to end: provenance, no furniture, every sentence kept, traceable offsets, passage shape. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  PASSAGE_MAX_CHARS,
  PASSAGE_MAX_SENTENCES,
  PASSAGE_MIN_CHARS,
  buildCorpus,
  loadCorpus,
} from '../../src/corpus/index.ts';
import type { Passage } from '../../src/corpus/types.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const corpusDir = SEED_CORPUS_DIR;
const fixtureDir = fileURLToPath(new URL('../fixtures/sentences/', import.meta.url));
const corpus = await loadCorpus(corpusDir);
const raw = (file: string): string => readFileSync(corpusDir + file, 'utf8');
const passagesOf = (id: string): Passage[] => corpus.passages.filter((p) => p.articleId === id);

const AGGREGATOR = {
  site: 'daily8.com',
  publishedVia: 'daily8',
  url: 'https://www.daily8.com/en/hashtag/Kosovo',
  file: '004_4c61330660ccd58a.txt',
  truncated: false,
};
const EXPECTED = [
  {
    id: 'gb-news', outlet: 'GB News', site: 'am1.news', publishedVia: 'The America One News', date: 'Jun 2, 2025', day: '2025-06-02', dayApproximate: false,
    file: '000_8faa19288015e52d.txt', itemIndex: 0, truncated: false,
    headline: "MI6 warns Vladimir Putin could hijack Keir Starmer's migrant returns hubs in Balkans",
    url: 'https://am1.news/usconservative/topic/gbnews/6-slug-mi6-warns-vladimir-putin-could-hijack-keir-starmer-s-migrant-returns-hubs-in-balkans',
  },
  {
    id: 'the-liberal-news', outlet: 'The Liberal News', site: 'theliberal.news', publishedVia: undefined, date: null,
    file: '002_d267e8ce1107b2f6.txt', itemIndex: 0, truncated: false,
    headline: 'MI6 warns Keir Starmer’s migrant return hubs risk Kremlin infiltration in the Balkans',
    url: 'https://theliberal.news/mi6-warns-keir-starmers-migrant-return-hubs-risk-kremlin-infiltration-in-the-balkans',
  },
  {
    id: 'daily-express', outlet: 'Daily Express', site: 'newszop.com', publishedVia: 'Newszop', date: null,
    file: '003_7bf66c5471eb4dd2.txt', itemIndex: 0, truncated: true,
    headline: 'Migration bombshell as Keir Starmer plan dealt blow by MI6',
    url: 'https://9334.read.newszop.com/english-news/publisher-reachdailyexpress_english/news/migration-bombshell-as-keir-starmer-plan-dealt-blow-by-mi6/articleshow/145048202e84447169e2b2cdde710a712dff9ab8',
  },
  { id: 'the-times', outlet: 'The Times', date: '2 days ago', itemIndex: 0, headline: 'Migrant return hubs could be hijacked by Russian spies', ...AGGREGATOR },
  {
    id: 'the-sun', outlet: 'The Sun', date: '6 days ago', itemIndex: 1, ...AGGREGATOR,
    headline: "Kosovo is ‘open' to becoming return hub for failed UK asylum seekers as President welcomes talks",
  },
  { id: 'forbes', outlet: 'Forbes', date: '7 days ago', itemIndex: 2, headline: 'U.K. Expected To Ask Kosovo For Deal On Migration Deportation Hubs', ...AGGREGATOR },
  {
    id: 'sky-news', outlet: 'Sky News', date: '7 days ago', itemIndex: 3, ...AGGREGATOR,
    headline: "UK to open talks with Kosovo about hosting 'return hub' for failed asylum seekers",
  },
  {
    id: 'the-independent', outlet: 'The Independent', date: '7 days ago', itemIndex: 4, ...AGGREGATOR,
    headline: "UK draws up list of nine countries for migrant ‘return hubs' plan",
  },
];

/** Page junk that must never reach a passage. */
const JUNK = [
  'THE AMERICA ONE NEWS', 'Remer,MN', 'Sponsor', 'QWIKET', 'Elevate your fantasy game', 'NextImg',
  'GETTY IMAGES', 'SAMEER AL-DOUMY', 'MIKHAIL SVETLOV', 'AFP',
  'Record numbers of migrants are crossing the Channel in small boats to reach Britain',
  'Presidents Vucic and Putin at the Kremlin in 2018',
  '1:30', 'You may also like', 'Op Sindoor', 'Declan Rice', 'French Open LIVE', 'Pune Railway', 'AAP dumps',
  'Download the App', 'DOWNLOAD THE APP', 'Download our app', 'app-store', 'play-store', 'Get Started Now',
  'time2 days ago', 'days ago', 'Latest news with', '#Kosovo', '• Politics', '• Times',
  'EXCLUSIVE', "Starmer's direct threat to smuggling gangs",
];

/** Follows the hand-made sentence list through the passages: what is missing, what is extra, sentences per passage. */
function traceSentences(passages: readonly Passage[], sentences: readonly string[]) {
  const extra: string[] = [];
  const perPassage: number[] = [];
  let k = 0;
  for (const p of passages) {
    let pos = 0;
    let count = 0;
    for (let at = p.text.indexOf(sentences[k] ?? '\u0000', pos); k < sentences.length && at !== -1; at = p.text.indexOf(sentences[k] ?? '\u0000', pos)) {
      if (p.text.slice(pos, at).trim() !== '') extra.push(`${p.id}: ${p.text.slice(pos, at)}`);
      pos = at + (sentences[k] ?? '').length;
      k++;
      count++;
    }
    if (p.text.slice(pos).trim() !== '') extra.push(`${p.id}: ${p.text.slice(pos)}`);
    perPassage.push(count);
  }
  return { missing: sentences.slice(k), extra, perPassage };
}

function fixtureSentences(id: string): string[] {
  return readFileSync(`${fixtureDir}${id}.txt`, 'utf8').split('\n').filter((l) => l.trim() !== '');
}

describe('the seed corpus', () => {
  it('lists the 8 articles with their provenance', () => {
    expect(corpus.articles.map(({ furnitureChars: _, ...a }) => ({ publishedVia: undefined, ...a }))).toEqual(EXPECTED);
  });

  it('gives every article passages with ids `${articleId}:${index}` in order', () => {
    for (const a of corpus.articles) {
      const ps = passagesOf(a.id);
      expect(ps.length).toBeGreaterThan(0);
      ps.forEach((p, i) => {
        expect(p).toMatchObject({ id: `${a.id}:${i}`, articleId: a.id, index: i });
        if (i > 0) expect(p.paragraph).toBeGreaterThanOrEqual(ps[i - 1]?.paragraph ?? 0);
      });
    }
    expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(corpus.passages.length);
  });

  it('records the furniture removed, none for the clean Liberal News page', () => {
    const chars = Object.fromEntries(corpus.articles.map((a) => [a.id, a.furnitureChars]));
    expect(chars['the-liberal-news']).toBe(0);
    // Sponsor lines alone on the GB News page make 200+ characters; the Express's link block 250+.
    expect(chars['gb-news']).toBeGreaterThan(300);
    expect(chars['daily-express']).toBeGreaterThan(250);
    for (const id of ['the-times', 'the-sun', 'forbes', 'sky-news', 'the-independent']) expect(chars[id]).toBeGreaterThan(0);
  });

  describe.each(EXPECTED.map((e) => e.id))('%s', (id) => {
    const passages = passagesOf(id);
    const sentences = fixtureSentences(id);
    const article = corpus.articles.find((a) => a.id === id);

    it('has no page furniture in any passage', () => {
      for (const p of passages) {
        for (const junk of JUNK) expect(p.text, `${p.id} contains "${junk}"`).not.toContain(junk);
        expect(p.text).not.toMatch(/\b(?:Reuters|Getty)\b/); // credit lines (the articles never name them)
        expect(p.text).not.toMatch(/[.!?'"”’] \d{1,2} [A-Z]/); // an image counter between sentences
        expect(p.text).not.toMatch(/ \d{1,2}$/); // an image counter at the end
        expect(p.text).not.toMatch(/\u00a0/);
        expect(p.text).not.toMatch(/^(?:back|topic|logo|#)\s/m); // navigation words
        expect(p.text).not.toContain(article?.headline);
      }
    });

    it('keeps every body sentence, in order, and nothing else', () => {
      const { missing, extra } = traceSentences(passages, sentences);
      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
    });

    it('traces every passage back to its place in the raw page', () => {
      const page = raw(article?.file ?? '');
      for (const p of passages) {
        const slice = page.slice(p.start, p.end);
        expect(slice[0]).toBe(p.text[0]);
        expect(slice.at(-1)).toBe(p.text.at(-1));
        // The passage's visible characters appear in order in the slice (which may also hold removed furniture).
        const visible = p.text.replace(/\s+/g, '');
        let j = 0;
        for (const ch of slice) if (ch === visible[j]) j++;
        expect(j, `${p.id} does not trace back to [${p.start}, ${p.end})`).toBe(visible.length);
      }
    });

    it('keeps passages to 1-3 sentences and 200-600 characters unless a quotation or a short paragraph forces otherwise', () => {
      const { perPassage } = traceSentences(passages, sentences);
      const quoted = (QUOTATIONS[id] ?? []).map(([open]) => open);
      const fits = (a: number, b: number): boolean =>
        (perPassage[a] ?? 0) + (perPassage[b] ?? 0) <= PASSAGE_MAX_SENTENCES &&
        (passages[a]?.text.length ?? 0) + (passages[b]?.text.length ?? 0) + 1 <= PASSAGE_MAX_CHARS;
      passages.forEach((p, i) => {
        expect(perPassage[i]).toBeGreaterThanOrEqual(1);
        const long = (perPassage[i] ?? 0) > PASSAGE_MAX_SENTENCES || p.text.length > PASSAGE_MAX_CHARS;
        if (long) expect(quoted.some((q) => p.text.includes(q)), `${p.id} is long without a quotation forcing it`).toBe(true);
        if (p.text.length < PASSAGE_MIN_CHARS) {
          for (const j of [i - 1, i + 1]) {
            if (passages[j]?.paragraph === p.paragraph) expect(fits(i, j), `${p.id} is short but could join ${passages[j]?.id}`).toBe(false);
          }
        }
      });
    });

    it('never cuts a quotation', () => {
      for (const [open, close] of QUOTATIONS[id] ?? []) {
        const holder = passages.find((p) => p.text.includes(open));
        expect(holder?.text, `the quotation "${open}..." is split`).toContain(close);
      }
      for (const p of passages) expect(endsInsideDoubleQuote(p.text), `${p.id} ends inside a quotation`).toBe(false);
    });

    it('stores text as printed, in NFC', () => {
      for (const p of passages) expect(p.text).toBe(p.text.normalize('NFC'));
    });
  });

  it('gives the same ids, passages and hash on every load, whatever order the pages come in', async () => {
    const again = await loadCorpus(corpusDir);
    expect(again).toEqual(corpus);
    const manifest = JSON.parse(readFileSync(`${corpusDir}sources.json`, 'utf8')) as { pages: { file: string }[] };
    const reversed = new Map(manifest.pages.map((p): [string, string] => [p.file, raw(p.file)]).reverse());
    expect(buildCorpus(manifest, reversed)).toEqual(corpus);
  });

  it('changes the hash when a page changes', () => {
    const manifest = JSON.parse(readFileSync(`${corpusDir}sources.json`, 'utf8')) as { pages: { file: string }[] };
    const pages = new Map(manifest.pages.map((p) => [p.file, raw(p.file)]));
    pages.set('002_d267e8ce1107b2f6.txt', `${raw('002_d267e8ce1107b2f6.txt')}\nOne more sentence.`);
    expect(buildCorpus(manifest, pages).hash).not.toBe(corpus.hash);
  });
});

/**
 * Quotations that run over several sentences (or paragraphs), by their first and last words as printed:
 * each must sit whole in one passage.
 */
const QUOTATIONS: Record<string, [string, string][]> = {
  'daily-express': [
    ['said: "The advice we got', 'in the interest of the Kremlin."'],
    ['They added: "The security view', 'from a security perspective."'],
  ],
  'the-times': [
    ["said: 'The advice we got", "from a security perspective.'"],
    ["'The concerns are at different stages.", "than others,' the source said."],
    ["'This is the former Yugoslavia", "to handle those threats.'"],
  ],
  'sky-news': [
    ['Vjosa Osmani said: "There\'s been', 'a request that hasn\'t been made so far."'],
    ['report: "The prime minister\'s attempt', 'under the return hubs plan."'],
  ],
};

/** Independent check on double quotes: a straight quote after a space (or at the start) opens, any other closes. */
function endsInsideDoubleQuote(text: string): boolean {
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') open = true;
    else if (ch === '”') open = false;
    else if (ch === '"') open = i === 0 || /[\s([—–-]/.test(text[i - 1] ?? '');
  }
  return open;
}
