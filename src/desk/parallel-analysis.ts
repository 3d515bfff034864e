/**
 * The per-article step of a large corpus's analysis on every CPU. analyzeArticle is a pure function of one
 * article and the gazetteer, so articles can be analysed on any thread in any order: worker threads and
 * the calling thread take chunks of articles from one queue, and the results are put back in corpus order,
 * the same as analysing the articles one after another. A small corpus stays on the calling thread: a
 * worker costs about a second of its own to start (the TypeScript loader, the world's data). Workers only
 * pay on a CPU nothing else is using: the work costs about a third more CPU over two threads (each warms up
 * its own code; chunks and results are copied), so on a busy machine it stays on the calling thread.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type ArticleAnalysis, analyzeArticle } from '../analysis/article.ts';
import type { Gazetteer } from '../analysis/gazetteer.ts';
import { passagesByArticle } from '../analysis/quotations.ts';
import { type AnalysisState, analysisStateOf } from '../analysis/update.ts';
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { bootstrapUrl } from './worker-url.ts';

const ENTRY = new URL('./article-worker.ts', import.meta.url);

/** Below this many articles the per-article step stays on the calling thread. */
export const PARALLEL_MIN_ARTICLES = 2000;
/** Articles per chunk: small enough to share the work out evenly, large enough that messages cost little. */
const CHUNK_ARTICLES = 40;
/** Chunks a worker holds at once, so it never waits for the calling thread to hand it the next. */
const CHUNKS_AHEAD = 2;

/** What a worker rebuilds the gazetteer from: gazetteer.json as parsed, and its file name (for messages). */
export interface GazetteerSource {
  data: unknown;
  file: string;
}

export interface ArticleJob {
  article: Article;
  passages: Passage[];
}

/** A chunk of articles for a worker, by its place in the queue. */
export interface ChunkRequest {
  index: number;
  jobs: ArticleJob[];
}

/** A worker's answer: the chunk's analyses in order, or that it failed (the calling thread then redoes the chunk and reports the error). */
export type ChunkReply = { index: number; analyses: ArticleAnalysis[] } | { index: number; failed: string };

export interface ParallelOptions {
  /** Worker threads to use (default: one per idle CPU beyond the calling thread's; see idleCpus). */
  workers?: number;
  /** The fewest articles worth starting workers for (default PARALLEL_MIN_ARTICLES). */
  minArticles?: number;
  /** Articles per chunk (default CHUNK_ARTICLES). */
  chunkArticles?: number;
  /** False: the calling thread only hands chunks out and waits (default true: it analyses its share too). */
  callingThread?: boolean;
  /** Told, when workers were used, how many articles each side analysed (for logs and tests). */
  onShare?: (share: { callingThread: number; workers: number }) => void;
}

/** Every article's own analysis, in corpus order: exactly what analyzeArticle gives for each. */
export async function analyzeArticles(
  corpus: Corpus,
  gazetteer: Gazetteer,
  source: GazetteerSource,
  options: ParallelOptions = {},
): Promise<ArticleAnalysis[]> {
  const byArticle = passagesByArticle(corpus);
  const jobs = corpus.articles.map((article) => ({ article, passages: byArticle.get(article.id) ?? [] }));
  const workers = Math.max(0, options.workers ?? Math.min(availableParallelism() - 1, idleCpus()));
  const analyse = (job: ArticleJob) => analyzeArticle(job.article, job.passages, gazetteer);
  if (workers === 0 || jobs.length < (options.minArticles ?? PARALLEL_MIN_ARTICLES)) return jobs.map(analyse);

  const chunks: ArticleJob[][] = [];
  const size = options.chunkArticles ?? CHUNK_ARTICLES;
  for (let i = 0; i < jobs.length; i += size) chunks.push(jobs.slice(i, i + size));
  const done = new Map<number, ArticleAnalysis[]>();
  const queue = chunks.map((_, index) => index);
  let callingThread = 0;
  let wake: (() => void) | undefined;
  const pool = Array.from({ length: workers }, () => new ChunkWorker(source));
  const feed = (worker: ChunkWorker) => {
    while (worker.alive && worker.held.size < CHUNKS_AHEAD && queue.length > 0) {
      const index = queue.shift()!;
      worker.send({ index, jobs: chunks[index]! });
    }
  };
  for (const worker of pool) {
    worker.onReply = (reply) => {
      if ('analyses' in reply) {
        if (!done.has(reply.index)) done.set(reply.index, reply.analyses);
      } else {
        // The calling thread redoes the chunk (and the worker's others), and so meets the error itself.
        queue.unshift(reply.index);
        void worker.stop();
      }
      feed(worker);
      wake?.();
    };
    worker.onStop = (held) => {
      queue.unshift(...held);
      wake?.();
    };
    feed(worker);
  }
  // With nothing left to hand out, the calling thread does not wait for a slow or starting worker: it
  // does the chunks workers still hold itself, the last handed out first (the same result either way).
  const nextChunk = () =>
    queue.shift() ??
    pool
      .flatMap((worker) => [...worker.held])
      .filter((index) => !done.has(index))
      .sort((a, b) => b - a)[0];
  try {
    if (options.callingThread === false) {
      while (done.size < chunks.length && pool.some((worker) => worker.alive)) await new Promise<void>((resolve) => (wake = resolve));
    }
    // Everything (when the calling thread shares the work), or what stopped workers left.
    for (let index = nextChunk(); index !== undefined; index = nextChunk()) {
      if (done.has(index)) continue;
      done.set(index, chunks[index]!.map(analyse));
      callingThread += chunks[index]!.length;
      // Let the workers' replies in, so that they are fed again.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.stop()));
  }
  options.onShare?.({ callingThread, workers: jobs.length - callingThread });
  return chunks.flatMap((_, index) => done.get(index)!);
}

/** CPUs the last minute left idle (the calling thread, already busy, counts in the load average). */
export function idleCpus(): number {
  return Math.max(0, Math.round(availableParallelism() - loadavg()[0]!));
}

/** The analysis of a corpus with what updating it later needs: what analyzeWithState gives, its per-article step on every CPU. */
export async function analyzeWithStateInParallel(
  corpus: Corpus,
  gazetteer: Gazetteer,
  source: GazetteerSource,
  options: ParallelOptions = {},
): Promise<AnalysisState> {
  const analyses = await analyzeArticles(corpus, gazetteer, source, options);
  return analysisStateOf(corpus, new Map(corpus.articles.map((article, i) => [article.id, analyses[i]!])), gazetteer);
}

/** One worker thread and the chunks it holds. */
class ChunkWorker {
  readonly held = new Set<number>();
  alive = true;
  onReply: (reply: ChunkReply) => void = () => {};
  /** Called once when the worker stops with chunks still held (a crash, or a chunk that failed). */
  onStop: (held: number[]) => void = () => {};
  private readonly worker: Worker;

  constructor(source: GazetteerSource) {
    this.worker = new Worker(bootstrapUrl(ENTRY), { workerData: source });
    this.worker.on('message', (reply: ChunkReply) => {
      this.held.delete(reply.index);
      this.onReply(reply);
    });
    // A worker that cannot start or dies leaves its chunks to the calling thread.
    this.worker.on('error', () => void this.stop());
    this.worker.on('exit', () => void this.stop());
  }

  send(request: ChunkRequest): void {
    this.held.add(request.index);
    this.worker.postMessage(request);
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    this.alive = false;
    const held = [...this.held];
    this.held.clear();
    if (held.length > 0) this.onStop(held);
    await this.worker.terminate();
  }
}
