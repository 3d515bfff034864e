/**
 * `add`: one page into the corpus folder, from a saved file, a URL or a download. Everything is checked
 * in memory first (the page decodes, yields article text, is not already there, and the whole corpus
 * still builds with it); only then is anything written, under the corpus lock.
 */
import path from 'node:path';
import { analyze } from '../analysis/index.ts';
import { loadGazetteer } from '../analysis/gazetteer.ts';
import { buildCorpus } from '../corpus/build.ts';
import { CorpusError } from '../corpus/errors.ts';
import { readCorpusFiles } from '../corpus/load.ts';
import { type ArticleEntry, type Manifest, parseManifest } from '../corpus/manifest.ts';
import { type EntryOverrides, draftEntry, isDraftProblem, newPageFile } from '../corpus/new-entry.ts';
import { readPage } from '../corpus/page-format.ts';
import { findSameText } from '../corpus/same-text.ts';
import type { Article, Corpus } from '../corpus/types.ts';
import { decodeUtf8, firstInvalidUtf8 } from '../corpus/utf8.ts';
import { withCorpusLock } from './corpus-lock.ts';
import { commitAdd, recoverPending } from './corpus-writes.ts';
import { CoverageError } from './coverage-error.ts';
import type { FetchOptions } from './fetch-page.ts';
import { type PageSource, readPageSource } from './page-source.ts';
import { type CoverageSummary, summarise } from './summary.ts';

const NO_TEXT_FIX = 'give the page of the article itself (not a front page or a list of links), or save its text as .txt';

export interface AddOptions {
  corpusDir: string;
  source: PageSource;
  overrides?: EntryOverrides;
  /** Check and report, write nothing. */
  dryRun?: boolean;
  fetch?: FetchOptions;
  now?: Date;
}

export async function addPage(options: AddOptions): Promise<CoverageSummary> {
  const corpusDir = path.resolve(options.corpusDir);
  const page = await readPageSource(options.source, options.fetch, options.now);
  const text = decodeUtf8(page.bytes);
  if (text === undefined) {
    throw new CoverageError(
      `${page.shown} is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(page.bytes)})`,
      're-save the page as UTF-8 (e.g. iconv -f <its encoding> -t UTF-8)',
    );
  }
  if (text.trim() === '') throw new CoverageError(`${page.shown} is empty`, 'give a page that holds the article');
  const read = readPage(page.format, text);
  if (read.text.trim() === '') {
    throw new CoverageError(`no article text found in ${page.shown}`, NO_TEXT_FIX);
  }

  return withCorpusLock(corpusDir, async () => {
    const files = await readCorpusFiles(corpusDir).catch((error: unknown) => {
      throw brokenCorpus(corpusDir, error);
    });
    const manifest = parseManifest(files.manifestJson);
    await recoverPending(corpusDir, new Set(manifest.pages.map((p) => p.file)));
    const before = buildCorpus(files.manifestJson, files.pages);

    const file = newPageFile(
      page.bytes,
      page.format,
      manifest.pages.map((p) => p.file),
    );
    const draft = draftEntry({
      metadata: read.metadata,
      overrides: options.overrides ?? {},
      ...(page.fetchedFrom ? { fetchedFrom: page.fetchedFrom } : {}),
      retrieved: page.retrieved,
      file,
    });
    if (isDraftProblem(draft)) throw new CoverageError(`${draft.problem} (${page.shown})`, draft.fix);
    refuseSameAddress(draft, manifest, before);

    const pages = new Map(files.pages).set(file, text);
    let entry: ArticleEntry = draft;
    let after = build([...manifest.pages, entry], pages, page.shown);
    const added = after.articles.find((article) => article.file === file);
    if (!added) throw new Error(`the added page ${file} gave no article`);
    const same = findSameText(
      textsOf(after, added.id),
      before.articles.map((article) => textsOf(before, article.id)),
    );
    let copyOf: Article | undefined;
    if (same) {
      const original = before.articles.find((article) => article.id === same.id)!;
      if (original.site === added.site || original.url === added.url) {
        throw new CoverageError(
          `this article is already in the corpus as "${original.id}" (${original.outlet}, ${original.url})`,
          `nothing to do; to replace it, first run: npm run corpus -- remove ${original.id}`,
        );
      }
      copyOf = original;
      entry = { ...draft, copyOf: original.id };
      after = build([...manifest.pages, entry], pages, page.shown);
    }

    const gazetteer = loadGazetteer(path.join(corpusDir, 'gazetteer.json'));
    const summary = summarise({
      before,
      after,
      // The new article alone: its quotations and names, without analysing the whole coverage again.
      analysis: analyze(copyOf ? { ...after, articles: [], passages: [] } : articleOnly(after, added.id), gazetteer),
      entry,
      added: copyOf ? undefined : added,
      copyOf,
      removedChars: read.removedChars,
      dryRun: options.dryRun ?? false,
    });
    if (!options.dryRun)
      await commitAdd(corpusDir, file, page.bytes, { ...(files.manifestJson as object), pages: [...manifest.pages, entry] });
    return summary;
  });
}

function build(entries: Manifest['pages'], pages: ReadonlyMap<string, string>, shown: string): Corpus {
  try {
    return buildCorpus({ pages: entries }, pages);
  } catch (error) {
    if (error instanceof CorpusError && /no text left/u.test(error.problem)) {
      throw new CoverageError(`no article text found in ${shown} (nothing was left after removing the page furniture)`, NO_TEXT_FIX);
    }
    if (error instanceof CorpusError) throw new CoverageError(`${shown} cannot be added: ${error.problem}`, error.fix);
    throw error;
  }
}

function articleOnly(corpus: Corpus, articleId: string): Corpus {
  return {
    hash: corpus.hash,
    articles: corpus.articles.filter((article) => article.id === articleId),
    passages: corpus.passages.filter((passage) => passage.articleId === articleId),
  };
}

function textsOf(corpus: Corpus, articleId: string): { id: string; texts: string[] } {
  return { id: articleId, texts: corpus.passages.filter((p) => p.articleId === articleId).map((p) => p.text) };
}

/** The same address listed already: the same article twice. */
function refuseSameAddress(entry: ArticleEntry, manifest: Manifest, corpus: Corpus): void {
  const listed = manifest.pages.find((p) => p.url === entry.url);
  if (!listed) return;
  const article = corpus.articles.find((a) => a.file === listed.file);
  const name = article ? `"${article.id}"` : `a copy (${listed.file})`;
  throw new CoverageError(
    `${entry.url} is already in the corpus as ${name}`,
    `nothing to do; to replace it, first run: npm run corpus -- remove ${article?.id ?? listed.file}`,
  );
}

function brokenCorpus(corpusDir: string, error: unknown): CoverageError {
  const message = error instanceof Error ? error.message : String(error);
  return new CoverageError(
    `the corpus in ${corpusDir} cannot be read as it is (${message})`,
    'fix the corpus first (npm run corpus -- list shows the problem), then add the page',
  );
}
