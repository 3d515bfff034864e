/** Builds the corpus from a manifest and page texts held in memory: pure, all-or-nothing, linear in the corpus size. */
import { createHash } from 'node:crypto';
import { splitAggregator } from './aggregator.ts';
import { type ArticleBody, cleanBody } from './body.ts';
import { visibleChars } from './clean-text.ts';
import { CorpusError } from './errors.ts';
import { CorpusHasher } from './hash.ts';
import { IdAllocator } from './ids.ts';
import { splitLines } from './lines.ts';
import { type AggregatorEntry, type ArticleEntry, MANIFEST_FILE, type Manifest, type PageEntry, parseManifest } from './manifest.ts';
import { resolveDate } from './dates.ts';
import { pageFormatOf, readPage } from './page-format.ts';
import { type PassageDraft, buildPassages } from './passages.ts';
import type { Article, Corpus, Passage, Republication } from './types.ts';

/** Page texts (decoded) by file name relative to corpus/. */
export type PageTexts = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface BuildOptions {
  manifestFile?: string;
  /** What each page gave when last read (see PageReadings). */
  readings?: PageReadings;
  /** The manifest input already validated by parseManifest (it is not validated again). */
  manifest?: Manifest;
}

/** An article found on a page, before it has an id: its fields and its passages' text. */
interface Found {
  field: string;
  file: string;
  explicitId: string | undefined;
  fields: Omit<Article, 'id' | 'furnitureChars'>;
  furnitureChars: number;
  drafts: PassageDraft[];
}

/**
 * What each page gave when it was last read, so that building the corpus again after a change reads
 * only the pages that changed (cleaning, splitting and dating a page is most of a build). A page is
 * read again unless its manifest entry and its text are the same as last time. Holds the passages'
 * text, which the built corpus shares.
 */
export class PageReadings {
  private byFile = new Map<string, { key: string; found: Found[] }>();
  private next = new Map<string, { key: string; found: Found[] }>();
  /** Pages the last build read (the others it took as they were). */
  pagesRead = 0;

  /** The page's articles as last read, with its current place in the manifest; undefined when it changed. */
  take(file: string, key: string, index: number): Found[] | undefined {
    const kept = this.byFile.get(file);
    if (kept?.key !== key) return undefined;
    this.next.set(file, kept);
    return kept.found.map((found) => ({ ...found, field: `pages[${index}]${found.field.slice(found.field.indexOf(']') + 1)}` }));
  }

  /** Before a build: forgets what an earlier build that failed half way noted. */
  begin(): void {
    this.next = new Map();
    this.pagesRead = 0;
  }

  keep(file: string, key: string, found: Found[]): void {
    this.pagesRead++;
    this.next.set(file, { key, found });
  }

  /** After a successful build: forgets the pages the corpus no longer has. */
  settle(): void {
    this.byFile = this.next;
    this.next = new Map();
  }
}

/** What a page's reading depends on: its manifest entry and its text. */
function readingKey(entry: PageEntry, text: string): string {
  return createHash('sha1').update(JSON.stringify(entry)).update('\0').update(text).digest('base64');
}

/**
 * Validates the manifest, cleans and splits every page, and cuts passages. Throws a CorpusError on
 * the first problem; never returns a partial corpus. With `readings` (kept from the last build), a
 * page whose entry and text did not change is not read again; the corpus is the same either way.
 */
export function buildCorpus(manifestInput: unknown, pageTexts: PageTexts, options: BuildOptions = {}): Corpus {
  const { manifestFile = MANIFEST_FILE, readings } = options;
  const manifest = options.manifest ?? parseManifest(manifestInput, manifestFile);
  const pages: ReadonlyMap<string, string> = pageTexts instanceof Map ? pageTexts : new Map(Object.entries(pageTexts));
  const listed = new Set(manifest.pages.map((p) => p.file));
  for (const file of pages.keys()) {
    if (!listed.has(file)) {
      throw new CorpusError({
        file,
        problem: 'the page is not in the manifest',
        fix: `add an entry for "${file}" to ${manifestFile} (file, kind, site, siteName, url, ...) or remove the page`,
      });
    }
  }

  readings?.begin();
  const found: Found[] = [];
  const copies: { entry: ArticleEntry; field: string; original: string }[] = [];
  const hash = new CorpusHasher(manifestInput);
  manifest.pages.forEach((entry, i) => {
    const text = pages.get(entry.file);
    if (text === undefined) {
      throw new CorpusError({
        file: entry.file,
        field: `pages[${i}].file`,
        problem: 'the manifest lists this page but the file is missing',
        fix: `put the page at corpus/${entry.file} or remove its entry from ${manifestFile}`,
      });
    }
    hash.page(entry.file, text);
    // A copy is cited with its original, never on its own: it gives no passages.
    if (entry.kind === 'article' && entry.copyOf !== undefined) {
      copies.push({ entry, field: `pages[${i}].copyOf`, original: entry.copyOf });
      return;
    }
    const key = readings ? readingKey(entry, text) : '';
    let read = readings?.take(entry.file, key, i);
    if (!read) {
      read = entry.kind === 'article' ? [readArticlePage(entry, i, text)] : readAggregatorPage(entry, i, text);
      readings?.keep(entry.file, key, read);
    }
    found.push(...read);
  });

  const ids = assignIds(found, manifestFile);
  const republished = republicationsById(copies, new Set(ids), manifestFile);
  const articles: Article[] = [];
  const passages: Passage[] = [];
  found.forEach((article, n) => {
    const id = ids[n] as string;
    const drafts = article.drafts;
    if (drafts.length === 0) {
      throw new CorpusError({
        file: article.file,
        field: article.field,
        problem: `article "${article.fields.headline ?? article.fields.outlet}" has no text left after cleaning`,
        fix: `check that ${article.file} holds the article's body, or remove its entry from ${manifestFile}`,
      });
    }
    const republishedBy = republished.get(id);
    articles.push({ id, ...article.fields, furnitureChars: article.furnitureChars, ...(republishedBy ? { republishedBy } : {}) });
    drafts.forEach((d, index) => {
      passages.push({ id: `${id}:${index}`, articleId: id, index, text: d.text, start: d.start, end: d.end, paragraph: d.paragraph });
    });
  });
  readings?.settle();
  return { hash: hash.digest(), articles, passages };
}

function provenance(entry: ArticleEntry | AggregatorEntry, outlet: string) {
  return {
    outlet,
    site: entry.site,
    ...(entry.siteName !== outlet ? { publishedVia: entry.siteName } : {}),
    url: entry.url,
    file: entry.file,
  };
}

/** The copies of each original, by the original's id; a copy of an unknown article is an error. */
function republicationsById(
  copies: readonly { entry: ArticleEntry; field: string; original: string }[],
  ids: ReadonlySet<string>,
  manifestFile: string,
): Map<string, Republication[]> {
  const byId = new Map<string, Republication[]>();
  for (const { entry, field, original } of copies) {
    if (!ids.has(original)) {
      throw new CorpusError({
        file: manifestFile,
        field,
        problem: `"${entry.file}" is listed as a copy of "${original}", which is not an article of this corpus`,
        fix: `set "copyOf" to the id of the article it republishes (npm run corpus -- list), or remove "copyOf"`,
      });
    }
    const list = byId.get(original) ?? [];
    list.push({ siteName: entry.siteName, site: entry.site, url: entry.url, file: entry.file });
    byId.set(original, list);
  }
  return byId;
}

/** The day an article's printed date stands for, counted from the page's retrieval date when relative. */
function dayOf(date: string | null, retrieved: string | undefined): Pick<Article, 'day' | 'dayApproximate'> {
  const resolved = date === null ? undefined : resolveDate(date, retrieved);
  return resolved ? { day: resolved.iso, dayApproximate: resolved.approximate } : {};
}

function readArticlePage(entry: ArticleEntry, i: number, text: string): Found {
  const page = readPage(pageFormatOf(entry.file) ?? 'text', text);
  const body = cleanBody(page.text, splitLines(page.text), entry.headline ?? undefined);
  body.furnitureChars += page.removedChars;
  return {
    field: `pages[${i}]`,
    file: entry.file,
    explicitId: entry.id,
    fields: {
      ...provenance(entry, entry.outlet),
      headline: entry.headline,
      date: entry.date,
      ...dayOf(entry.date, entry.retrieved),
      itemIndex: 0,
      truncated: entry.truncated ?? false,
    },
    ...passagesOf(body),
  };
}

function passagesOf(body: ArticleBody): Pick<Found, 'furnitureChars' | 'drafts'> {
  return { furnitureChars: body.furnitureChars, drafts: buildPassages(body.paragraphs) };
}

function readAggregatorPage(entry: AggregatorEntry, i: number, text: string): Found[] {
  const items = splitAggregator(splitLines(text));
  if (items.length === 0) {
    throw new CorpusError({
      file: entry.file,
      field: `pages[${i}].kind`,
      problem: 'no items found on this aggregator page (an item is: headline printed twice, outlet, time stamp, body)',
      fix: 'check the page, or set "kind" to "article" if it holds a single article',
    });
  }
  if (entry.items && entry.items.length !== items.length) {
    throw new CorpusError({
      file: entry.file,
      field: `pages[${i}].items`,
      problem: `the manifest gives ${entry.items.length} item corrections but the page holds ${items.length} items (${items.map((it) => it.outletPrinted).join(', ')})`,
      fix: `give one entry per item, in page order, or remove "items"`,
    });
  }
  return items.map((item, k) => {
    const fix = entry.items?.[k];
    const outlet = fix?.outlet ?? entry.outletNames?.[item.outletPrinted] ?? item.outletPrinted;
    const headline = fix?.headline ?? item.headline;
    const date = fix?.date !== undefined ? fix.date : item.date;
    const body = cleanBody(text, item.body, headline);
    for (const line of item.structure) body.furnitureChars += visibleChars(text, line.start, line.end);
    return {
      field: `pages[${i}].items[${k}]`,
      file: entry.file,
      explicitId: fix?.id,
      fields: {
        ...provenance(entry, outlet),
        headline,
        date,
        ...dayOf(date, entry.retrieved),
        itemIndex: k,
        truncated: fix?.truncated ?? false,
      },
      ...passagesOf(body),
    };
  });
}

function assignIds(found: readonly Found[], manifestFile: string): string[] {
  const ids = new IdAllocator();
  for (const article of found) {
    if (article.explicitId !== undefined && !ids.reserve(article.explicitId)) {
      throw new CorpusError({
        file: manifestFile,
        field: `${article.field}.id`,
        problem: `id "${article.explicitId}" is used by more than one article`,
        fix: 'give each article its own id, or drop "id" to get the outlet\'s slug',
      });
    }
  }
  return found.map((article) => article.explicitId ?? ids.next(article.fields.outlet));
}
