/**
 * Synthetic corpora for the benchmark: the seed corpus's own sentences recombined into articles of
 * 8-15 passages by a few dozen synthetic outlets, with names and figures varied and a long tail of
 * made-up words (Zipf-distributed) so that the vocabulary grows the way months of coverage would.
 * Deterministic (seeded PRNG) and written in the corpus format, so the real pipeline ingests it.
 */
import { parseCommandLine, parsedOrExit, wholeNumbers } from '../src/runtime/args.ts';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/index.ts';
import { splitSentences } from '../src/corpus/sentences.ts';

/** Bump when the output changes, so cached corpora are regenerated. */
const GENERATOR_VERSION = 9;

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SEED_CORPUS_DIR = path.resolve(BENCH_DIR, '..', 'corpus');

export interface GenerateOptions {
  /** Passages to aim for (paragraphs written; the pipeline's count is within a few percent). */
  passages: number;
  seed?: number;
  /** Where generated corpora are cached (default bench/out). */
  outDir?: string;
  seedCorpusDir?: string;
}

export interface GeneratedCorpus {
  dir: string;
  articles: number;
  paragraphs: number;
  outlets: string[];
  /** Made-up names and words the generator used, most frequent first (for queries). */
  rareWords: string[];
  rarePlaces: string[];
  rarePeople: string[];
  /** True when an earlier run's corpus was reused. */
  cached: boolean;
}

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = ReturnType<typeof prng>;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Samples ranks 0..size-1 with probability proportional to 1/(rank+1)^s. */
export function zipf(random: Random, size: number, s = 1.05): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1) ** s;
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'vr',
  'z',
  'zl',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'k', 'v', 'sk', 'nd'];

/** The n-th made-up word: unique per n (n written in base-192 syllables), pronounceable, 2+ syllables. */
export function madeUpWord(n: number): string {
  const base = ONSETS.length * VOWELS.length;
  let word = '';
  let rest = n;
  do {
    const digit = rest % base;
    word = ONSETS[digit % ONSETS.length]! + VOWELS[Math.floor(digit / ONSETS.length)]! + word;
    rest = Math.floor(rest / base);
  } while (rest > 0);
  if (word.length < 4) word = `ka${word}`;
  return word + CODAS[n % CODAS.length]!;
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const OUTLET_FIRST = [
  'The Daily',
  'The Evening',
  'The Northern',
  'Metro',
  'The Weekly',
  'The Morning',
  'Capital',
  'Harbour',
  'The Western',
  'City',
  'National',
  'The Border',
];
const OUTLET_SECOND = [
  'Ledger',
  'Courier',
  'Herald',
  'Post',
  'Chronicle',
  'Observer',
  'Dispatch',
  'Gazette',
  'Sentinel',
  'Tribune',
  'Record',
  'Bulletin',
];
const MONTHS = ['May', 'Jun'];
/** A quoted phrase in straight or curly, double or single quotes (no apostrophes inside). */
const QUOTED = /(^|[\s(])(["“‘'])([^"“”‘’']{2,200}?)(["”’'])(?=[\s.,;:!?)]|$)/g;
/** Share of paragraphs that reprint a recent one (figures varied). */
const WIRE_COPY_RATE = 0.03;

interface Outlet {
  name: string;
  slug: string;
  site: string;
}

function outletsFor(count: number): Outlet[] {
  const outlets: Outlet[] = [];
  for (let i = 0; outlets.length < count; i++) {
    const name = `${OUTLET_FIRST[i % OUTLET_FIRST.length]} ${OUTLET_SECOND[(i * 5 + Math.floor(i / OUTLET_FIRST.length)) % OUTLET_SECOND.length]}`;
    if (outlets.some((outlet) => outlet.name === name)) continue;
    const slug = name
      .toLowerCase()
      .replace(/^the /, '')
      .replace(/[^a-z0-9]+/g, '-');
    outlets.push({ name, slug, site: `${slug.replace(/-/g, '')}.news` });
  }
  return outlets;
}

interface Gazetteer {
  entities: { kind: string; aliases: string[]; demonyms?: string[] }[];
}

/** Swaps gazetteer names for others of the same kind and form, so that every place and person gets coverage. */
class NameSwapper {
  private readonly pattern: RegExp;
  private readonly formsByKey = new Map<string, string[]>();
  private readonly keyOf = new Map<string, string>();

  constructor(
    gazetteer: Gazetteer,
    private readonly rarePerson: () => { full: string; surname: string },
    private readonly rarePlace: () => string,
  ) {
    for (const entity of gazetteer.entities) {
      if (entity.kind === 'organisation') continue;
      for (const alias of entity.aliases) {
        // Only forms of capitalised words swap cleanly ("UK" stays, it would swap into odd places).
        if (!/^\p{Lu}\p{Ll}/u.test(alias)) continue;
        const key = entity.kind === 'person' ? `person:${alias.includes(' ') ? 'full' : 'surname'}` : 'place';
        this.add(key, alias);
      }
      for (const demonym of entity.demonyms ?? []) if (!demonym.endsWith('s')) this.add('demonym', demonym);
    }
    const forms = [...this.keyOf.keys()].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(`\\b(?:${forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gu');
  }

  private add(key: string, form: string): void {
    if (this.keyOf.has(form)) return;
    this.keyOf.set(form, key);
    this.formsByKey.set(key, [...(this.formsByKey.get(key) ?? []), form]);
  }

  swap(text: string, random: Random, rate: number): string {
    return text.replace(this.pattern, (form) => {
      if (random() >= rate) return form;
      const key = this.keyOf.get(form)!;
      // One swap in four brings in a made-up name: the long tail of people and places.
      if (random() < 0.25 && key !== 'demonym') {
        if (key === 'place') return this.rarePlace();
        const person = this.rarePerson();
        return key === 'person:full' ? person.full : person.surname;
      }
      return pick(random, this.formsByKey.get(key)!);
    });
  }
}

/** Varies figures: "2,000" -> "1,740", "46" -> "51"; years stay years. */
function varyFigures(text: string, random: Random): string {
  return text.replace(/\b\d{1,3}(?:,\d{3})+\b|\b\d+\b/g, (printed) => {
    const value = Number(printed.replace(/,/g, ''));
    if (value >= 1900 && value <= 2100) return printed;
    if (random() < 0.5) return printed;
    const varied = Math.max(1, Math.round(value * (0.5 + random())));
    return printed.includes(',') ? varied.toLocaleString('en-US') : String(varied);
  });
}

/** Seed sentences that stand alone: balanced quotation marks, a full stop at the end. */
function seedSentences(texts: string[]): string[] {
  const sentences = new Set<string>();
  for (const text of texts) {
    for (const span of splitSentences(text)) {
      const sentence = text.slice(span.start, span.end).trim();
      if (sentence.length < 40 || sentence.length > 420) continue;
      const opens = (sentence.match(/[“]/g) ?? []).length;
      const closes = (sentence.match(/[”]/g) ?? []).length;
      const straight = (sentence.match(/"/g) ?? []).length;
      if (opens !== closes || straight % 2 !== 0) continue;
      if (!/[.!?]["”’')]?$/.test(sentence)) continue;
      sentences.add(sentence);
    }
  }
  return [...sentences];
}

const isBalanced = (text: string) =>
  (text.match(/“/g) ?? []).length === (text.match(/”/g) ?? []).length && (text.match(/"/g) ?? []).length % 2 === 0;

/** Pieces of seed sentences, cut at commas and conjunctions: openings, middles and endings to recombine. */
interface Pieces {
  heads: string[];
  middles: string[];
  /** Each with the joiner (", ", " and ", " that " ...) that leads into it. */
  tails: string[];
}

function piecesOf(sentences: string[]): Pieces {
  const pieces: Pieces = { heads: [], middles: [], tails: [] };
  for (const sentence of sentences) {
    const cuts = [
      ...sentence.matchAll(/, | and | but | that | which | while | after | with | who | in | on | to | for | by | from | over /g),
    ].map((match) => ({ at: match.index, joiner: match[0] }));
    const bounds = [{ at: 0, joiner: '' }, ...cuts, { at: sentence.length, joiner: '' }];
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i]!;
      const to = bounds[i + 1]!;
      const text = sentence.slice(from.at + from.joiner.length, to.at);
      if (text.length < 15 || text.length > 120 || !isBalanced(text)) continue;
      if (i === 0 && to.at < sentence.length) pieces.heads.push(text);
      else if (i > 0 && to.at === sentence.length) pieces.tails.push(from.joiner + text);
      else if (i > 0) pieces.middles.push(from.joiner + text);
    }
  }
  return pieces;
}

/** Adds a made-up word or name to a sentence ending in a plain full stop: the long tail of the vocabulary. */
function withRareWords(sentence: string, random: Random, word: () => string, place: () => string, person: () => { full: string }): string {
  if (!sentence.endsWith('.') || /["”’']\.$/.test(sentence)) return sentence;
  const body = sentence.slice(0, -1);
  const choice = random();
  if (choice < 0.35) return `${body}, near ${place()}.`;
  if (choice < 0.6) return `${body}, in the ${word()} ${pick(random, ['district', 'case', 'scheme', 'talks', 'report'])}.`;
  if (choice < 0.8) return `${body}, ${person().full} noted.`;
  return `${body} amid ${word()} and ${word()} concerns.`;
}

/**
 * Generates (or reuses) a corpus of about `passages` passages in outDir/passages-<n>-seed-<seed>-v<version>.
 * Returns where it is and the made-up names it used.
 */
export async function generateCorpus(options: GenerateOptions): Promise<GeneratedCorpus> {
  const seed = options.seed ?? 6;
  const outDir = options.outDir ?? path.join(BENCH_DIR, 'out');
  const seedDir = options.seedCorpusDir ?? SEED_CORPUS_DIR;
  const dir = path.join(outDir, `passages-${options.passages}-seed-${seed}-v${GENERATOR_VERSION}`);
  const summaryFile = path.join(dir, 'generated.json');
  if (existsSync(summaryFile)) {
    return { ...(JSON.parse(readFileSync(summaryFile, 'utf8')) as Omit<GeneratedCorpus, 'cached' | 'dir'>), dir, cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const seedCorpus = await loadCorpus(seedDir);
  const gazetteer = JSON.parse(readFileSync(path.join(seedDir, 'gazetteer.json'), 'utf8')) as Gazetteer;
  const sentences = seedSentences(seedCorpus.passages.map((passage) => passage.text));
  const headlines = seedCorpus.articles.flatMap((article) => (article.headline === null ? [] : [article.headline]));
  const random = prng(seed);

  // The long tail grows with the corpus: tens of thousands of distinct made-up terms at 100,000 passages.
  const tail = Math.max(500, Math.round(options.passages * 0.6));
  const rank = zipf(random, tail);
  const word = () => madeUpWord(rank());
  const place = () => capitalise(madeUpWord(rank() + 1_000_000));
  const person = () => {
    const surname = capitalise(madeUpWord(rank() + 2_000_000));
    return { full: `${capitalise(madeUpWord((rank() % 400) + 3_000_000))} ${surname}`, surname };
  };
  const swapper = new NameSwapper(gazetteer, person, place);
  const outlets = outletsFor(36);
  const used = { words: new Map<string, number>(), places: new Map<string, number>(), people: new Map<string, number>() };
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const trackedWord = () => {
    const w = word();
    count(used.words, w);
    return w;
  };
  const trackedPlace = () => {
    const p = place();
    count(used.places, p);
    return p;
  };
  const trackedPerson = () => {
    const p = person();
    count(used.people, p.full);
    return p;
  };

  const pieces = piecesOf(sentences);
  const sentence = (): string => {
    // Recombined from pieces of two to four seed sentences, so that no two passages share most of
    // their words by chance (wire copy, below, is what outlets carry alike).
    let text = pick(random, pieces.heads);
    for (let middles = Math.floor(random() * 4); middles > 0; middles--) text += pick(random, pieces.middles);
    text += pick(random, pieces.tails);
    text = swapper.swap(text, random, 0.35);
    // Outlets trim and paraphrase quotations: most quoted words vary, so that a handful of famous
    // lines is not repeated thousands of times (the quotation grouping is quadratic in repeats).
    text = text.replace(QUOTED, (quoted, before: string, open: string, inner: string, close: string) => {
      if (random() >= 0.8) return quoted;
      const words = [...inner.matchAll(/\b[a-z]{3,}\b/g)];
      if (words.length === 0) return quoted;
      const chosen = pick(random, words);
      const varied = madeUpWord(Math.floor(random() * tail));
      return `${before}${open}${inner.slice(0, chosen.index)}${varied}${inner.slice(chosen.index + chosen[0].length)}${close}`;
    });
    // Now and then a long word gives way to a made-up one: the long tail of the vocabulary.
    text = text.replace(/\b[a-z]{7,}\b/g, (word) => (random() < 0.04 ? trackedWord() : word));
    text = varyFigures(text, random);
    if (random() < 0.45) text = withRareWords(text, random, trackedWord, trackedPlace, trackedPerson);
    return text;
  };

  /** Recent paragraphs: a few are reprinted by other outlets, as wire copy is. */
  const recent: string[] = [];
  const paragraph = (): string => {
    if (recent.length > 0 && random() < WIRE_COPY_RATE) return varyFigures(pick(random, recent), random);
    // One or more sentences, within a passage's length (200-600 characters).
    let text = sentence();
    while (text.length < 200) {
      const next = sentence();
      if (text.length + next.length > 560) break;
      text += ` ${next}`;
    }
    if (recent.length < 500) recent.push(text);
    else recent[Math.floor(random() * recent.length)] = text;
    return text;
  };

  const pages: {
    file: string;
    kind: 'article';
    id: string;
    site: string;
    siteName: string;
    url: string;
    outlet: string;
    headline: string;
    date: string;
  }[] = [];
  let paragraphs = 0;
  while (paragraphs < options.passages) {
    const outlet = outlets[pages.length % outlets.length]!;
    const number = Math.floor(pages.length / outlets.length) + 1;
    const id = `${outlet.slug}-${number}`;
    const wanted = Math.min(8 + Math.floor(random() * 8), options.passages - paragraphs);
    const body: string[] = [];
    for (let i = 0; i < Math.max(1, wanted); i++) body.push(paragraph());
    paragraphs += body.length;
    const headline = swapper.swap(pick(random, headlines), random, 0.6).replace(/\s+/g, ' ');
    const file = `${String(pages.length).padStart(6, '0')}_${id}.txt`;
    writeFileSync(path.join(dir, file), `${headline}\n${body.join('\n')}\n`);
    const day = 1 + Math.floor(random() * 30);
    pages.push({
      file,
      kind: 'article',
      id,
      site: outlet.site,
      siteName: outlet.name,
      url: `https://${outlet.site}/${id}`,
      outlet: outlet.name,
      headline,
      date: `${pick(random, MONTHS)} ${day}, 2025`,
    });
  }
  writeFileSync(path.join(dir, 'sources.json'), `${JSON.stringify({ pages }, null, 1)}\n`);
  copyFileSync(path.join(seedDir, 'gazetteer.json'), path.join(dir, 'gazetteer.json'));
  const byUse = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const summary = {
    articles: pages.length,
    paragraphs,
    outlets: outlets.map((outlet) => outlet.name),
    rareWords: byUse(used.words).slice(0, 2000),
    rarePlaces: byUse(used.places).slice(0, 500),
    rarePeople: byUse(used.people).slice(0, 500),
  };
  writeFileSync(summaryFile, JSON.stringify(summary));
  return { ...summary, dir, cached: false };
}

// `npx tsx bench/generate.ts 10000`: generate one corpus and say where it is.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { positionals } = parsedOrExit(() =>
    parseCommandLine({ allowPositionals: true, options: {} }, 'Usage: npx tsx bench/generate.ts [passages, default 1000]'),
  );
  const passages = parsedOrExit(() => wholeNumbers(positionals[0] ?? '1000', 'the passage count', 'npx tsx bench/generate.ts 10000'))[0]!;
  const generated = await generateCorpus({ passages });
  console.log(`${generated.dir}: ${generated.articles} articles, ${generated.paragraphs} paragraphs${generated.cached ? ' (cached)' : ''}`);
}
