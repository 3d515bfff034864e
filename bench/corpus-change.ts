/**
 * One article removed from a built story and added back, timed end to end as the desk does it
 * (src/desk/corpus-change.ts): the corpus folder read again, the analysis updated article by article,
 * the full-text index updated by MiniSearch's remove and add, the answer context made, and the first
 * answer asked of it. The folder without the article is a copy of the corpus folder made of hard links
 * (pages are not copied) with the article's page left out of the manifest.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleAnalysis } from '../src/analysis/article.ts';
import type { Gazetteer } from '../src/analysis/gazetteer.ts';
import { type AnalysisState, analysisStateOf, updateAnalysis } from '../src/analysis/update.ts';
import { answerRequest } from '../src/answers/answer-request.ts';
import { type AnswerContext, createAnswerContext } from '../src/answers/context.ts';
import { PageReadings } from '../src/corpus/build.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { updateStoryIndex } from '../src/search/update-story.ts';

export interface CorpusChangeResult {
  /** The article removed and added back, and its page. */
  articleId: string;
  file: string;
  passages: number;
  /** Where the time went, for the removal and the addition: reading the folder, the analysis, the index and maps, the first answer. */
  remove: ChangeTimes;
  add: ChangeTimes;
  /** Whether the first answer after the addition cites the article (and the one after the removal does not). */
  addedIsCited: boolean;
  removedIsCited: boolean;
  /** How the full-text index was brought up to date ('updated': MiniSearch remove/add; 'rebuilt'). */
  textIndex: string;
}

export interface ChangeTimes {
  totalMs: number;
  corpusMs: number;
  analysisMs: number;
  indexMs: number;
  answerMs: number;
}

interface Live {
  state: AnalysisState;
  context: AnswerContext;
}

export async function measureCorpusChange(
  context: AnswerContext,
  articles: ArticleAnalysis[],
  gazetteer: Gazetteer,
  corpusDir: string,
  workDir: string,
): Promise<CorpusChangeResult> {
  const corpus = context.story.corpus;
  const full: Live = {
    // The built story's state, with the cross-article work an update keeps (not part of the timed change).
    state: analysisStateOf(corpus, new Map(articles.map((own) => [own.articleId, own])), gazetteer),
    context,
  };
  // What reading every page gave, as the desk keeps it (not part of the timed change).
  const readings = new PageReadings();
  await loadCorpus(corpusDir, readings);
  const last = corpus.articles.at(-1)!;
  // Every article of the last page goes (an aggregator page holds several).
  const lastPage = last.file;
  const minusDir = folderWithout(corpusDir, lastPage, workDir);
  const question = { command: 'outlet', options: { name: last.outlet } };
  const cites = (live: Live, answer: ReturnType<typeof answerRequest>) =>
    answer.results.some((result) => live.context.story.articleById.get(result.articleId)?.file === lastPage);

  let textIndex = '';
  const apply = async (live: Live, dir: string): Promise<{ live: Live; times: ChangeTimes; cited: boolean }> => {
    const started = performance.now();
    const next = await loadCorpus(dir, readings);
    const read = performance.now();
    const { state } = updateAnalysis(live.state, next, gazetteer);
    const analysed = performance.now();
    const updated = updateStoryIndex(live.context.story, next, state.analysis);
    textIndex = updated.text;
    const nextContext = createAnswerContext(updated.story, gazetteer);
    const indexed = performance.now();
    const nextLive = { state, context: nextContext };
    const answer = answerRequest(nextContext, question);
    const answered = performance.now();
    return {
      live: nextLive,
      times: {
        totalMs: answered - started,
        corpusMs: read - started,
        analysisMs: analysed - read,
        indexMs: indexed - analysed,
        answerMs: answered - indexed,
      },
      cited: cites(nextLive, answer),
    };
  };
  const removed = await apply(full, minusDir);
  const added = await apply(removed.live, corpusDir);
  rmSync(minusDir, { recursive: true, force: true });
  return {
    articleId: last.id,
    file: lastPage,
    passages: corpus.passages.filter((passage) => corpus.articles.find((article) => article.id === passage.articleId)?.file === lastPage)
      .length,
    remove: removed.times,
    add: added.times,
    addedIsCited: added.cited,
    removedIsCited: removed.cited,
    textIndex,
  };
}

/** A copy of the corpus folder without one page: hard links to every other page, and a manifest without it. */
function folderWithout(corpusDir: string, file: string, workDir: string): string {
  const dir = path.join(workDir, `${path.basename(corpusDir)}-without-last-page`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(corpusDir, 'sources.json'), 'utf8')) as { pages: { file: string }[] };
  manifest.pages = manifest.pages.filter((page) => page.file !== file);
  for (const page of manifest.pages) {
    const target = path.join(dir, page.file);
    mkdirSync(path.dirname(target), { recursive: true });
    linkSync(path.join(corpusDir, page.file), target);
  }
  writeFileSync(path.join(dir, 'sources.json'), JSON.stringify(manifest));
  const gazetteer = path.join(corpusDir, 'gazetteer.json');
  if (existsSync(gazetteer)) linkSync(gazetteer, path.join(dir, 'gazetteer.json'));
  return dir;
}
