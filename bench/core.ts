/**
 * One size of the benchmark, in process: pipeline and index build, snapshot, heap, latency per
 * command kind (the synchronous core, answerRequest, and the async desk), and the side-by-side engines.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleAnalysis } from '../src/analysis/article.ts';
import { analyzeWithState } from '../src/analysis/update.ts';
import { loadGazetteer, type Gazetteer } from '../src/analysis/gazetteer.ts';
import type { Analysis } from '../src/analysis/types.ts';
import type { AnswerContext } from '../src/answers/context.ts';
import { answerRequest } from '../src/answers/answer-request.ts';
import { createAnswerContext } from '../src/answers/context.ts';
import { type Desk, mainThreadDesk } from '../src/desk/desk.ts';
import { findPassages } from '../src/answers/find-passages.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { PassageIndex } from '../src/search/passage-index.ts';
import { type ExclusivePositions, type StoryIndex, buildStoryIndex, exclusivePositions } from '../src/search/story-index.ts';
import { type CorpusChangeResult } from './corpus-change.ts';
import { analyzeForBench, cpuMsSince, type StageTimes } from './analysis.ts';
import { bareMiniSearch, flexSearch, linearScan, type BuiltEngine } from './engines.ts';
import { gc, heapAfterGc, medianOf, percentiles, time, timeAsync, type Percentiles } from './measure.ts';
import { BENCH_DIR } from './generate.ts';
import { buildQueryMix, type NameLists, type QueryMix } from './queries.ts';

export interface CoreOptions {
  /** Queries per command kind (see queries.ts). */
  perKind: number;
  completions: number;
  /**
   * Measured passes (after a warm-up pass); percentiles are medians of the passes. Every pass asks a
   * mix of its own (same kinds, other words and names), so that no measured query was asked before.
   */
  runs: number;
  /** Build the other engines and compare. */
  compareEngines: boolean;
  /** Where snapshots (and analyses of large corpora) are kept. */
  cacheDir: string;
  /** Write and load a snapshot (default true). */
  snapshot?: boolean;
  log: (line: string) => void;
}

export interface EngineResult {
  name: string;
  measures: string;
  buildMs: number;
  latency: Percentiles;
  /** Its p99 / the project's p99: above 1, the project is faster. */
  ratioP99: number;
}

export interface SizeResult {
  label: string;
  corpusDir: string;
  articles: number;
  passages: number;
  /** Distinct text terms the index holds. */
  vocabulary: number;
  corpusMs: number;
  analysisMs: number;
  /** True when the analysis was kept from an earlier run (analysisMs is then that run's time). */
  analysisKept: boolean;
  analysisStages?: StageTimes;
  /** CPU time of the analysis (user + system): on a shared machine, less noisy than analysisMs. */
  analysisCpuMs?: number;
  /**
   * Removing the corpus's last article from the built story, then adding it back, end to end: the
   * corpus folder read again, the analysis and the full-text index updated (src/desk/corpus-change.ts's
   * steps), and the first answer from the new context (see bench/corpus-change.ts). Absent when the
   * analysis was kept from an earlier run (its per-article results are not kept).
   */
  removeArticleMs?: number;
  addArticleMs?: number;
  corpusChange?: CorpusChangeResult;
  /** Full-text index, entity maps and name index. */
  indexBuildMs: number;
  snapshot: { via: string; bytes: number; writeMs: number; loadMs: number; readyMs: number };
  heapMb: number;
  /** The synchronous core (answerRequest / NameIndex.complete), cold: no query repeats within a pass. */
  latency: Record<string, Percentiles>;
  /** The same, through the async desk (mainThreadDesk). */
  deskLatency: Record<string, Percentiles>;
  engines: EngineResult[];
}

export interface PreparedSize {
  result: Omit<SizeResult, 'latency' | 'deskLatency' | 'engines'>;
  context: AnswerContext;
  gazetteer: Gazetteer;
  /** The first measured pass's mix (also sent end to end). */
  mix: QueryMix;
  /** One mix per pass: warm-up, in-process passes, desk passes. */
  mixes: { warmup: QueryMix; inProcess: QueryMix[]; desk: QueryMix[] };
  /** Each article's own analysis, when the analysis ran in this process (for the corpus change measure). */
  articles?: ArticleAnalysis[];
}

type SnapshotModule = {
  writeSnapshot(
    dir: string,
    key: string,
    contents: { corpus: Corpus; analysis: Analysis; gazetteer: unknown; index: PassageIndex; exclusives?: ExclusivePositions },
  ): Promise<number>;
  readSnapshot(
    dir: string,
    key: string,
  ): Promise<
    { ok: true; contents: { corpus: Corpus; analysis: Analysis; index: PassageIndex; exclusives?: ExclusivePositions } } | { ok: false }
  >;
};

/** src/search/snapshot.ts when it is there (the cold-start work); else PassageIndex's own JSON. */
async function snapshotModule(): Promise<SnapshotModule | undefined> {
  try {
    return await import('../src/search/snapshot.ts');
  } catch {
    return undefined;
  }
}

async function measureSnapshot(
  corpus: Corpus,
  analysis: Analysis,
  gazetteer: Gazetteer,
  gazetteerFile: string,
  story: StoryIndex,
  cacheDir: string,
): Promise<SizeResult['snapshot']> {
  const index = story.text;
  const module = await snapshotModule();
  if (module) {
    const key = `bench-${corpus.hash.slice(0, 24)}`;
    const gazetteerData: unknown = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(gazetteerFile, 'utf8')));
    const exclusives = exclusivePositions(story);
    const write = await timeAsync(() =>
      module.writeSnapshot(cacheDir, key, { corpus, analysis, gazetteer: gazetteerData, index, exclusives }),
    );
    gc();
    const load = await timeAsync(() => module.readSnapshot(cacheDir, key));
    if (!load.value.ok) throw new Error(`the snapshot just written in ${cacheDir} does not load`);
    const contents = load.value.contents;
    const ready = time(() =>
      createAnswerContext(buildStoryIndex(contents.corpus, contents.analysis, contents.index, contents.exclusives), gazetteer),
    );
    return {
      via: 'src/search/snapshot.ts (whole desk: corpus, analysis, index)',
      bytes: write.value,
      writeMs: write.ms,
      loadMs: load.ms,
      readyMs: load.ms + ready.ms,
    };
  }
  const write = time(() => JSON.stringify(index.toJSON()));
  const load = time(() => PassageIndex.fromJSON(write.value));
  return {
    via: 'PassageIndex toJSON/fromJSON (index only)',
    bytes: Buffer.byteLength(write.value),
    writeMs: write.ms,
    loadMs: load.ms,
    readyMs: load.ms,
  };
}

type Analysed = {
  ms: number;
  value: { analysis: Analysis; stages: StageTimes | undefined; articles?: ArticleAnalysis[]; cpuMs?: number };
  cached: boolean;
};

/** The analysis of this corpus from bench/out when the corpus, gazetteer and analysis code are unchanged; else run and kept. */
export async function cachedAnalysis(
  corpus: Corpus,
  gazetteer: Gazetteer,
  gazetteerFile: string,
  cacheDir: string,
  run: () => Promise<{ ms: number; value: { analysis: Analysis; stages: StageTimes; articles: ArticleAnalysis[]; cpuMs: number } }>,
): Promise<Analysed> {
  // The corpus as built (not its pages: how they are cut into passages is code too), the gazetteer, and the analysis code.
  const hash = createHash('sha256')
    .update(JSON.stringify(corpus.articles))
    .update(JSON.stringify(corpus.passages))
    .update(readFileSync(gazetteerFile));
  for (const dir of ['src/analysis', 'src/text']) {
    const root = path.join(BENCH_DIR, '..', dir);
    for (const file of readdirSync(root, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.ts'))
      .sort())
      hash.update(`${dir}/${file}\0`).update(readFileSync(path.join(root, file)));
  }
  hash.update(readFileSync(path.join(BENCH_DIR, 'analysis.ts')));
  // How the per-article step is shared out changes the time it takes, not its result.
  hash.update(readFileSync(path.join(BENCH_DIR, '..', 'src/desk/parallel-analysis.ts')));
  const file = path.join(cacheDir, `analysis-${hash.digest('hex').slice(0, 24)}.json`);
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { ms: number; cpuMs?: number; stages: StageTimes; analysis: Analysis };
    return {
      ms: kept.ms,
      value: {
        analysis: { ...asBuilt(kept.analysis, corpus), entities: kept.analysis.entities },
        stages: kept.stages,
        ...(kept.cpuMs === undefined ? {} : { cpuMs: kept.cpuMs }),
      },
      cached: true,
    };
  }
  const result = await run();
  writeFileSync(
    file,
    JSON.stringify({ ms: result.ms, cpuMs: result.value.cpuMs, stages: result.value.stages, analysis: result.value.analysis }),
  );
  return { ...result, cached: false };
}

/**
 * Strings as an analysis built in this process holds them. JSON.parse slices strings of 13+ characters
 * out of the text it parses, so one kept id would keep the whole 60 MB file alive; and the analysis a
 * process builds shares its ids with the corpus. Ids become the corpus's own strings, the rest flat copies.
 */
function asBuilt(analysis: Omit<Analysis, 'entities'>, corpus: Corpus): Omit<Analysis, 'entities'> {
  const canonical = new Map<string, string>();
  for (const passage of corpus.passages) canonical.set(passage.id, passage.id);
  for (const article of corpus.articles) {
    canonical.set(article.id, article.id);
    canonical.set(article.outlet, article.outlet);
  }
  const own = (text: string): string => {
    let kept = canonical.get(text);
    if (kept === undefined) {
      kept = text.length >= 13 ? ` ${text}`.slice(1) : text;
      canonical.set(text, kept);
    }
    return kept;
  };
  const rebuild = (value: unknown): unknown => {
    if (typeof value === 'string') return own(value);
    if (Array.isArray(value)) return value.map(rebuild);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rebuild(item)]));
    return value;
  };
  return rebuild(analysis) as Omit<Analysis, 'entities'>;
}

/** Names users type: the gazetteer's places and speakers, quoted sources, the outlets, and the generator's made-up names. */
function nameListsOf(corpus: Corpus, analysis: Analysis, rare: Pick<NameLists, 'rareWords' | 'rarePlaces' | 'rarePeople'>): NameLists {
  const places = analysis.entities.filter((entity) => entity.kind === 'place').flatMap((entity) => [entity.name, ...entity.aliases]);
  const speakers = [
    ...analysis.entities.filter((entity) => entity.kind !== 'place').flatMap((entity) => [entity.name, ...entity.aliases.slice(-1)]),
    ...new Set(
      analysis.quotations
        .flatMap((quotation) => (quotation.speakerName && !quotation.speaker?.match(/^[a-z0-9-]+$/) ? [quotation.speakerName] : []))
        .slice(0, 200),
    ),
  ];
  const outlets = [...new Set(corpus.articles.map((article) => article.outlet))];
  return { places: [...new Set(places)], speakers: [...new Set(speakers)], outlets, ...rare };
}

export async function prepareSize(
  label: string,
  corpusDir: string,
  rare: Pick<NameLists, 'rareWords' | 'rarePlaces' | 'rarePeople'>,
  synthetic: boolean,
  options: CoreOptions,
): Promise<PreparedSize> {
  const gazetteerFile = path.join(corpusDir, 'gazetteer.json');
  const loaded = await timeAsync(() => loadCorpus(corpusDir));
  const corpus = loaded.value;
  const gazetteer = loadGazetteer(gazetteerFile);
  options.log(
    `  ${label}: corpus ${corpus.articles.length} articles, ${corpus.passages.length} passages in ${loaded.ms.toFixed(0)} ms; analysing`,
  );
  // The seed corpus goes through analyze() itself; synthetic ones through the same-result version (bench/analysis.ts).
  // The analysis of a large corpus takes minutes (see bench/analysis.ts): it is kept per corpus and
  // analysis code, and the time it took when it ran is reported.
  const analysed = synthetic
    ? await cachedAnalysis(corpus, gazetteer, gazetteerFile, options.cacheDir, () =>
        timeAsync(() => analyzeForBench(corpus, gazetteer, gazetteerFile)),
      )
    : {
        ...time(() => {
          const cpuStart = process.cpuUsage();
          const state = analyzeWithState(corpus, gazetteer);
          return { analysis: state.analysis, stages: undefined, articles: [...state.articles.values()], cpuMs: cpuMsSince(cpuStart) };
        }),
        cached: false,
      };
  const analysis = analysed.value.analysis;
  options.log(
    `  ${label}: analysis in ${analysed.ms.toFixed(0)} ms${analysed.cached ? ' (when it ran; kept from an earlier run)' : ''}; indexing`,
  );
  const built = time(() => createAnswerContext(buildStoryIndex(corpus, analysis), gazetteer));
  const context = built.value;
  options.log(`  ${label}: index in ${built.ms.toFixed(0)} ms; snapshot`);
  const snapshot =
    options.snapshot === false
      ? { via: 'not measured (--no-snapshot)', bytes: 0, writeMs: 0, loadMs: 0, readyMs: 0 }
      : await measureSnapshot(corpus, analysis, gazetteer, gazetteerFile, context.story, options.cacheDir);
  const heapMb = heapAfterGc();
  const names = nameListsOf(corpus, analysis, rare);
  const mixOf = (seed: number) => buildQueryMix(corpus, names, { perKind: options.perKind, completions: options.completions, seed });
  const inProcess = Array.from({ length: options.runs }, (_, run) => mixOf(66 + run));
  const mixes = { warmup: mixOf(1066), inProcess, desk: Array.from({ length: options.runs }, (_, run) => mixOf(166 + run)) };
  return {
    result: {
      label,
      corpusDir,
      articles: corpus.articles.length,
      passages: corpus.passages.length,
      vocabulary: context.story.text.vocabularySize,
      corpusMs: loaded.ms,
      analysisMs: analysed.ms,
      analysisKept: analysed.cached,
      ...(analysed.value.cpuMs === undefined ? {} : { analysisCpuMs: analysed.value.cpuMs }),
      ...(analysed.value.stages ? { analysisStages: analysed.value.stages } : {}),
      indexBuildMs: built.ms,
      snapshot,
      heapMb,
    },
    context,
    gazetteer,
    mix: inProcess[0]!,
    mixes,
    ...(analysed.value.articles ? { articles: analysed.value.articles } : {}),
  };
}

/** One pass over the mix: a duration per query, by row. */
function passInProcess(context: AnswerContext, mix: QueryMix): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  const record = (row: string, ms: number) => (rows.get(row) ?? rows.set(row, []).get(row)!).push(ms);
  for (const query of mix.commands) {
    const start = performance.now();
    answerRequest(context, { command: query.command, options: query.options });
    const ms = performance.now() - start;
    record(query.kind, ms);
    if (query.misspelt) record('misspelt', ms);
  }
  for (const query of mix.completions) {
    const start = performance.now();
    context.names.complete(query.source, query.typed);
    const ms = performance.now() - start;
    record('autocomplete', ms);
    record(`autocomplete ${query.source}`, ms);
  }
  return rows;
}

async function passThroughDesk(desk: Desk, mix: QueryMix): Promise<Map<string, number[]>> {
  const rows = new Map<string, number[]>();
  const record = (row: string, ms: number) => (rows.get(row) ?? rows.set(row, []).get(row)!).push(ms);
  for (const query of mix.commands) {
    const start = performance.now();
    await desk.answer({ command: query.command, options: query.options });
    record(query.kind, performance.now() - start);
  }
  for (const query of mix.completions) {
    const start = performance.now();
    await desk.complete(query.source, query.typed);
    record('autocomplete', performance.now() - start);
  }
  return rows;
}

function mediansOfPasses(passes: Map<string, number[]>[]): Record<string, Percentiles> {
  const rows: Record<string, Percentiles> = {};
  for (const row of passes[0]?.keys() ?? []) rows[row] = medianOf(passes.map((pass) => percentiles(pass.get(row) ?? [])));
  return rows;
}

export async function measureLatency(prepared: PreparedSize): Promise<Pick<SizeResult, 'latency' | 'deskLatency'>> {
  const { context, mixes } = prepared;
  passInProcess(context, mixes.warmup); // compiles the code paths; its timings are dropped
  const passes: Map<string, number[]>[] = [];
  for (const mix of mixes.inProcess) {
    gc();
    passes.push(passInProcess(context, mix));
  }
  const desk = mainThreadDesk(context);
  await passThroughDesk(desk, mixes.warmup);
  const deskPasses: Map<string, number[]>[] = [];
  for (const mix of mixes.desk) {
    gc();
    deskPasses.push(await passThroughDesk(desk, mix));
  }
  return { latency: mediansOfPasses(passes), deskLatency: mediansOfPasses(deskPasses) };
}

/** The project's text search (findPassages: entities, full-text search, the honest-emptiness rule, ranking) against the other engines. */
export function compareEngines(prepared: PreparedSize, options: CoreOptions): EngineResult[] {
  const { context, mixes } = prepared;
  const texts = context.story.corpus.passages.map((passage) => passage.text);
  const ours: BuiltEngine = {
    engine: {
      name: 'story-desk (findPassages)',
      measures: 'findPassages(text): entity names, full-text search, the honest-emptiness rule, ranking and highlights of the results used',
      search: (query) => {
        const found = findPassages(context, query);
        return found.kind === 'found' ? found.passages.length : 0;
      },
    },
    buildMs: prepared.result.indexBuildMs,
  };
  const built: BuiltEngine[] = [ours];
  for (const build of [bareMiniSearch, flexSearch, linearScan]) {
    gc();
    const engine = build(texts);
    options.log(`  ${prepared.result.label}: ${engine.engine.name} built in ${engine.buildMs.toFixed(0)} ms`);
    built.push(engine);
  }
  const latencies = built.map(({ engine }) => {
    for (const text of mixes.warmup.texts) engine.search(text); // warm-up
    const passes: Percentiles[] = [];
    for (const mix of mixes.inProcess) {
      gc();
      const samples = mix.texts.map((text) => {
        const start = performance.now();
        engine.search(text);
        return performance.now() - start;
      });
      passes.push(percentiles(samples));
    }
    return medianOf(passes);
  });
  const ourP99 = latencies[0]!.p99;
  return built.map(({ engine, buildMs }, i) => ({
    name: engine.name,
    measures: engine.measures,
    buildMs,
    latency: latencies[i]!,
    ratioP99: latencies[i]!.p99 / Math.max(ourP99, 1e-6),
  }));
}
