/**
 * Loads the answer context for a corpus folder: from its snapshot when one matches the corpus, else by running
 * the pipeline (corpus -> analysis -> search) and saving a snapshot for next time. Runs in whichever
 * thread calls it: the desk's worker for the bot, the main thread for the console one-shot.
 */
import path from 'node:path';
import type { AnalysisState } from '../analysis/update.ts';
import { type Gazetteer, buildGazetteer } from '../analysis/gazetteer.ts';
import type { Analysis } from '../analysis/types.ts';
import { type AnswerContext, createAnswerContext } from '../answers/context.ts';
import { corpusHash } from '../corpus/hash.ts';
import { PageReadings } from '../corpus/build.ts';
import { loadCorpus } from '../corpus/load.ts';
import type { Corpus } from '../corpus/types.ts';
import { readSnapshot, writeSnapshot } from '../search/snapshot.ts';
import { analyzeWithStateInParallel } from './parallel-analysis.ts';
import { buildStoryIndex, exclusivePositions } from '../search/story-index.ts';
import { GAZETTEER_FILE, parseGazetteerBytes, readGazetteerBytes, snapshotKey } from './snapshot-key.ts';

export interface LoadContextOptions {
  /** The corpus folder: pages, sources.json, gazetteer.json. */
  corpusDir: string;
  /** Where snapshots live; false to always build and save nothing. */
  cacheDir: string | false;
  /** Stop early, opening nothing, when the corpus's snapshot key is this one (a reload that finds no change). */
  unlessKey?: string;
  /** The analysis stage (default src/analysis's analyze); the benchmark passes its own, same-result version. */
  analyze?: (corpus: Corpus, gazetteer: Gazetteer) => Analysis;
}

/** How the answer context was loaded, for logs and the benchmark. */
export interface DeskInfo {
  corpusDir: string;
  /** Snapshot key: corpus, gazetteer and pipeline code. */
  key: string;
  corpusHash: string;
  articles: number;
  passages: number;
  /** 'snapshot' when loaded from one, 'build' when the pipeline ran, 'update' when a corpus change was applied to the previous one. */
  source: 'snapshot' | 'build' | 'update';
  /** Size of the snapshot loaded or written, in bytes; undefined when none was. */
  snapshotBytes?: number;
  /** Why an existing snapshot was not used, or why none could be written. */
  snapshotProblem?: string;
  /** Milliseconds spent: hashing the corpus, loading the snapshot or building, writing the snapshot. */
  timings: { keyMs: number; loadMs?: number; buildMs?: number; writeMs?: number; totalMs: number };
}

export type LoadedContext =
  | {
      unchanged: false;
      context: AnswerContext;
      info: DeskInfo;
      /**
       * What applying a corpus change needs (src/desk/corpus-change.ts): present when the pipeline ran
       * here with the default analysis (a snapshot does not hold each article's own analysis).
       */
      live?: LiveStory;
    }
  | { unchanged: true; key: string };

/** The context with the state it was made from, kept by the desk so that a corpus change updates it instead of rebuilding. */
export interface LiveStory {
  context: AnswerContext;
  analysis: AnalysisState;
  /** What each page gave when last read: a corpus change reads only the pages that changed. */
  readings: PageReadings;
  gazetteerBytes: Buffer;
  /** gazetteer.json as parsed JSON, for the snapshot. */
  gazetteerData: unknown;
  info: DeskInfo;
}

export async function loadAnswerContext(options: LoadContextOptions): Promise<LoadedContext> {
  const started = performance.now();
  const corpusDir = path.resolve(options.corpusDir);
  const gazetteerFile = path.join(corpusDir, GAZETTEER_FILE);
  // A corpus whose hash cannot even be taken, or a gazetteer that cannot be read, is broken: the
  // pipeline below says how (the corpus's errors first, as when there is no snapshot).
  const [gazetteerRead, hash] = await Promise.all([
    readGazetteerBytes(gazetteerFile).then(
      (bytes) => ({ bytes }),
      (error: unknown) => ({ error }),
    ),
    hashOrUndefined(corpusDir),
  ]);
  const key = hash === undefined || !('bytes' in gazetteerRead) ? undefined : await snapshotKey(hash, gazetteerRead.bytes);
  const keyMs = performance.now() - started;
  if (key !== undefined && key === options.unlessKey) return { unchanged: true, key };

  let snapshotProblem: string | undefined;
  if (options.cacheDir !== false && key !== undefined && hash !== undefined) {
    const loadStarted = performance.now();
    const read = await readSnapshot(options.cacheDir, key);
    if (read.ok) {
      try {
        const { corpus, analysis } = read.contents;
        const gazetteer = buildGazetteer(read.contents.gazetteer, gazetteerFile);
        const story = buildStoryIndex(corpus, analysis, read.contents.index, read.contents.exclusives);
        const context = createAnswerContext(story, gazetteer);
        const loadMs = performance.now() - loadStarted;
        const info: DeskInfo = {
          corpusDir,
          key,
          corpusHash: hash,
          articles: corpus.articles.length,
          passages: corpus.passages.length,
          source: 'snapshot',
          snapshotBytes: read.bytes,
          timings: { keyMs, loadMs, totalMs: performance.now() - started },
        };
        return { unchanged: false, context, info };
      } catch (error) {
        snapshotProblem = `snapshot ${key} is unusable (${(error as Error).message}); rebuilt it`;
      }
    } else if (!read.missing) {
      snapshotProblem = `snapshot ${key} is unusable (${read.problem}); rebuilt it`;
    }
  }

  const buildStarted = performance.now();
  const readings = new PageReadings();
  const corpus = await loadCorpus(corpusDir, readings);
  if (!('bytes' in gazetteerRead)) throw gazetteerRead.error;
  const gazetteerBytes = gazetteerRead.bytes;
  const gazetteerData = parseGazetteerBytes(gazetteerBytes, gazetteerFile);
  const gazetteer = buildGazetteer(gazetteerData, gazetteerFile);
  const state = options.analyze
    ? undefined
    : await analyzeWithStateInParallel(corpus, gazetteer, { data: gazetteerData, file: gazetteerFile });
  const analysis = state?.analysis ?? options.analyze!(corpus, gazetteer);
  const story = buildStoryIndex(corpus, analysis);
  const context = createAnswerContext(story, gazetteer);
  const buildMs = performance.now() - buildStarted;
  // Keyed by what was actually read: the pages may have changed since the hash above was taken.
  const builtKey = await snapshotKey(corpus.hash, gazetteerBytes);

  let snapshotBytes: number | undefined;
  let writeMs: number | undefined;
  if (options.cacheDir !== false) {
    const writeStarted = performance.now();
    try {
      snapshotBytes = await writeSnapshot(options.cacheDir, builtKey, {
        corpus,
        analysis,
        gazetteer: gazetteerData,
        index: story.text,
        exclusives: exclusivePositions(story),
      });
    } catch (error) {
      // The desk works without a snapshot; the next start rebuilds.
      snapshotProblem = `${snapshotProblem ? `${snapshotProblem}; ` : ''}cannot save a snapshot in ${options.cacheDir} (${(error as Error).message})`;
    }
    writeMs = performance.now() - writeStarted;
  }
  const info: DeskInfo = {
    corpusDir,
    key: builtKey,
    corpusHash: corpus.hash,
    articles: corpus.articles.length,
    passages: corpus.passages.length,
    source: 'build',
    ...(snapshotBytes === undefined ? {} : { snapshotBytes }),
    ...(snapshotProblem === undefined ? {} : { snapshotProblem }),
    timings: { keyMs, buildMs, ...(writeMs === undefined ? {} : { writeMs }), totalMs: performance.now() - started },
  };
  const live = state ? { context, analysis: state, readings, gazetteerBytes, gazetteerData, info } : undefined;
  return { unchanged: false, context, info, ...(live ? { live } : {}) };
}

async function hashOrUndefined(corpusDir: string): Promise<string | undefined> {
  try {
    return corpusHash(corpusDir);
  } catch {
    return undefined;
  }
}
