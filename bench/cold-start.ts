/**
 * Cold start, snapshot, heap and event-loop stalls, per corpus size. Every figure is taken in a fresh
 * process (this script runs itself as a child per measurement) so nothing is warm that a restart of
 * the bot would not have warm.
 *
 *   npx tsx bench/cold-start.ts [--sizes 1000,10000,100000] [--runs 3] [--out bench/out/cold-start.json]
 *                               [--corpora <folder of generated corpora; default bench/out>]
 *
 * Per size:
 * - first build: the pipeline in one process from an empty snapshot folder, the snapshot's size and
 *   write time, heap after GC. Above 20,000 passages src/analysis runs on slices of 1,000 passages
 *   (its alike grouping compares every pair: hours at 100,000; see slicedAnalysis).
 * - cold start from the snapshot, in process (the console's way) and with the desk in a worker (the
 *   bot's way): process start to the first answer, the snapshot's load time, heap after GC.
 * - the front end's thread's longest stall (a 5 ms interval's worst lateness) while the worker loads,
 *   while it builds (sizes where the real pipeline is feasible) and while a reload swaps in a changed
 *   corpus; and the same while the desk builds and loads in the front end's own thread.
 * And the console one-shot at the story's size (npm run ask, wall time).
 */
import { parseCommandLine, parsedOrExit, wholeNumbers } from '../src/runtime/args.ts';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analysis/index.ts';
import type { Gazetteer } from '../src/analysis/gazetteer.ts';
import type { Analysis } from '../src/analysis/types.ts';
import type { Corpus } from '../src/corpus/types.ts';
import { generateCorpus } from './generate.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
/** Above this, src/analysis's O(n²) alike grouping makes a real build take hours: the analysis runs by slices. */
const REAL_ANALYSIS_MAX = 20_000;
/** Passages per slice of a sliced analysis. */
const SLICE_PASSAGES = 1_000;

/**
 * src/analysis's analyze() run on slices of whole articles and concatenated. Mentions, figures and
 * quotations are found within an article, so they are exactly analyze()'s; alike groups only join
 * passages and quotations of the same slice (a few cross-slice groups are missed). The snapshot has the
 * shape and nearly the size of the real one: what load time, heap and stalls depend on.
 */
function slicedAnalysis(corpus: Corpus, gazetteer: Gazetteer): Analysis {
  const merged: Analysis = { entities: gazetteer.entities, mentions: [], quotations: [], figures: [], groups: [] };
  const passagesOf = new Map<string, Corpus['passages']>();
  for (const passage of corpus.passages) {
    const list = passagesOf.get(passage.articleId);
    if (list) list.push(passage);
    else passagesOf.set(passage.articleId, [passage]);
  }
  let slice: Corpus = { hash: corpus.hash, articles: [], passages: [] };
  const flush = () => {
    if (slice.articles.length === 0) return;
    const part = analyze(slice, gazetteer);
    for (const key of ['mentions', 'quotations', 'figures', 'groups'] as const) (merged[key] as unknown[]).push(...part[key]);
    slice = { hash: corpus.hash, articles: [], passages: [] };
  };
  for (const article of corpus.articles) {
    slice.articles.push(article);
    slice.passages.push(...(passagesOf.get(article.id) ?? []));
    if (slice.passages.length >= SLICE_PASSAGES) flush();
  }
  flush();
  return merged;
}

type Phase = 'build-main' | 'load-main' | 'load-worker' | 'build-worker' | 'swap-worker';

interface ChildJob {
  phase: Phase;
  corpusDir: string;
  cacheDir: string;
  slicedAnalysis: boolean;
  /** swap-worker: the page to add before reloading. */
  addPage?: { file: string; text: string; entry: Record<string, unknown> };
}

interface ChildResult {
  phase: Phase;
  /** ms from process start (performance.timeOrigin) to the first answer. */
  readyMs: number;
  source?: string;
  passages?: number;
  loadMs?: number;
  buildMs?: number;
  writeMs?: number;
  snapshotBytes?: number;
  /** The front end's thread's longest stall during the phase, ms. */
  stallMs: number;
  /** Heap after a full GC: this thread, and the desk's worker when there is one. */
  mainHeapMB: number;
  workerHeapMB?: number;
  rssMB: number;
  reloadMs?: number;
}

// ---- child side ------------------------------------------------------------------------------

/** The worst lateness of a 5 ms interval: how long the thread could not run anything else. */
function stallProbe(): { stop(): number } {
  const interval = 5;
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - interval);
    last = now;
  }, interval);
  return {
    stop() {
      clearInterval(timer);
      worst = Math.max(worst, performance.now() - last - interval);
      return Math.max(0, worst);
    },
  };
}

const MB = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
function heapAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return MB(process.memoryUsage().heapUsed);
}

async function runChild(job: ChildJob): Promise<ChildResult> {
  const { startDesk } = await import('../src/desk/start-desk.ts');
  const { loadAnswerContext } = await import('../src/desk/load-context.ts');
  const { answerRequest } = await import('../src/answers/answer-request.ts');
  const request = { command: 'country', options: { name: 'Serbia' } };
  // Let the probe see a quiet loop first, so that its first interval is not start-up.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const probe = stallProbe();

  if (job.phase === 'build-main' || job.phase === 'load-main') {
    const opened = await loadAnswerContext({
      corpusDir: job.corpusDir,
      cacheDir: job.cacheDir,
      ...(job.slicedAnalysis ? { analyze: slicedAnalysis } : {}),
    });
    if (opened.unchanged) throw new Error('unexpected');
    answerRequest(opened.context, request);
    const readyMs = performance.now();
    const stallMs = probe.stop();
    const { info } = opened;
    return {
      phase: job.phase,
      readyMs,
      source: info.source,
      passages: info.passages,
      ...(info.timings.loadMs === undefined ? {} : { loadMs: info.timings.loadMs }),
      ...(info.timings.buildMs === undefined ? {} : { buildMs: info.timings.buildMs }),
      ...(info.timings.writeMs === undefined ? {} : { writeMs: info.timings.writeMs }),
      ...(info.snapshotBytes === undefined ? {} : { snapshotBytes: info.snapshotBytes }),
      stallMs,
      mainHeapMB: heapAfterGc(),
      rssMB: MB(process.memoryUsage().rss),
    };
  }

  const desk = await startDesk({ corpusDir: job.corpusDir, cacheDir: job.cacheDir, thread: 'worker' });
  await desk.answer(request);
  const readyMs = performance.now();
  const info = desk.info!;
  let reloadMs: number | undefined;
  let stallMs = probe.stop();
  if (job.phase === 'swap-worker' && job.addPage) {
    const page = job.addPage;
    writeFileSync(path.join(job.corpusDir, page.file), page.text);
    const manifestFile = path.join(job.corpusDir, 'sources.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { pages: unknown[] };
    manifest.pages.push({ file: page.file, ...page.entry });
    writeFileSync(manifestFile, JSON.stringify(manifest));
    // Answers keep flowing during the reload, as they would in the bot.
    let answering = true;
    const answers = (async () => {
      while (answering) await desk.answer(request);
    })();
    const swapProbe = stallProbe();
    const started = performance.now();
    const outcome = await desk.reload();
    reloadMs = performance.now() - started;
    stallMs = swapProbe.stop();
    answering = false;
    await answers;
    if (outcome.status !== 'reloaded') throw new Error(`reload: ${outcome.status}`);
  }
  const workerHeapMB = MB((await desk.memory(true)).heapUsed);
  const result: ChildResult = {
    phase: job.phase,
    readyMs,
    source: info.source,
    passages: info.passages,
    ...(info.timings.loadMs === undefined ? {} : { loadMs: info.timings.loadMs }),
    ...(info.timings.buildMs === undefined ? {} : { buildMs: info.timings.buildMs }),
    ...(info.snapshotBytes === undefined ? {} : { snapshotBytes: info.snapshotBytes }),
    stallMs,
    mainHeapMB: heapAfterGc(),
    workerHeapMB,
    rssMB: MB(process.memoryUsage().rss),
    ...(reloadMs === undefined ? {} : { reloadMs }),
  };
  await desk.close();
  return result;
}

// ---- parent side -----------------------------------------------------------------------------

function child(job: ChildJob): Promise<ChildResult & { wallMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--child', JSON.stringify(job)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const wallMs = performance.now() - started;
      const line = out.split('\n').find((text) => text.startsWith('RESULT '));
      if (code !== 0 || !line) return reject(new Error(`${job.phase} failed (exit ${code}): ${out.slice(-2000)}`));
      resolve({ ...(JSON.parse(line.slice('RESULT '.length)) as ChildResult), wallMs });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

async function medianOf(runs: number, job: () => ChildJob, before?: () => void): Promise<ChildResult & { wallMs: number; runs: number }> {
  const results: (ChildResult & { wallMs: number })[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    results.push(await child(job()));
  }
  const pick = results.map((result) => result.readyMs);
  const middle = results[pick.indexOf(median(pick))]!;
  return { ...middle, stallMs: Math.max(...results.map((result) => result.stallMs)), runs };
}

const NEW_PAGE = {
  file: 'zz_cold-start-reload.txt',
  text: 'Montenegro says it was never asked to host a return hub, its interior minister told reporters on Tuesday.\n\nThe minister added that the government in Podgorica would study any British proposal carefully before it answered.\n',
  entry: {
    kind: 'article',
    id: 'cold-start-reload',
    site: 'harbour-gazette.example',
    siteName: 'Harbour Gazette',
    url: 'https://harbour-gazette.example/montenegro',
    outlet: 'Harbour Gazette',
    headline: 'Montenegro was never asked to host a hub',
    date: 'Jun 3, 2025',
  },
};

interface SizeReport {
  passages: number;
  analysis: 'src' | 'sliced';
  build: ChildResult & { wallMs: number };
  loadMain: ChildResult & { wallMs: number };
  loadWorker: ChildResult & { wallMs: number };
  buildWorker?: ChildResult & { wallMs: number };
  swapWorker: ChildResult & { wallMs: number };
}

async function measureSize(passages: number, runs: number, corporaDir: string | undefined): Promise<SizeReport> {
  const generated = await generateCorpus({ passages, ...(corporaDir ? { outDir: corporaDir } : {}) });
  const work = mkdtempSync(path.join(tmpdir(), `story-desk-cold-${passages}-`));
  try {
    const cacheDir = path.join(work, 'cache');
    const slicedAnalysis = passages > REAL_ANALYSIS_MAX;
    const base = { corpusDir: generated.dir, cacheDir, slicedAnalysis };
    log(`${passages}: first build (${slicedAnalysis ? 'sliced' : 'full'} analysis)`);
    const build = await child({ ...base, phase: 'build-main' });
    log(`${passages}: cold start from the snapshot, in process`);
    const loadMain = await medianOf(runs, () => ({ ...base, phase: 'load-main' }));
    log(`${passages}: cold start from the snapshot, worker`);
    const loadWorker = await medianOf(runs, () => ({ ...base, phase: 'load-worker' }));
    let buildWorker: SizeReport['buildWorker'];
    if (!slicedAnalysis) {
      log(`${passages}: build in the worker`);
      buildWorker = await child({ ...base, cacheDir: path.join(work, 'empty-cache'), phase: 'build-worker' });
    }
    // The reload swaps in a corpus with one more page, from its snapshot when the real build is infeasible.
    const copy = path.join(work, 'corpus');
    cpSync(generated.dir, copy, { recursive: true });
    const changed = path.join(work, 'changed');
    cpSync(generated.dir, changed, { recursive: true });
    writeFileSync(path.join(changed, NEW_PAGE.file), NEW_PAGE.text);
    const manifest = JSON.parse(readFileSync(path.join(changed, 'sources.json'), 'utf8')) as { pages: unknown[] };
    manifest.pages.push({ file: NEW_PAGE.file, ...NEW_PAGE.entry });
    writeFileSync(path.join(changed, 'sources.json'), JSON.stringify(manifest));
    // The copy has the same key as the generated corpus (keys hash contents, not paths): its snapshot is there.
    if (slicedAnalysis) {
      log(`${passages}: prebuilding the changed corpus's snapshot`);
      await child({ ...base, corpusDir: changed, phase: 'build-main' });
    }
    log(`${passages}: reload and swap in the worker`);
    const swapWorker = await child({ ...base, corpusDir: copy, phase: 'swap-worker', addPage: NEW_PAGE });
    return {
      passages: build.passages ?? passages,
      analysis: slicedAnalysis ? 'sliced' : 'src',
      build,
      loadMain,
      loadWorker,
      ...(buildWorker ? { buildWorker } : {}),
      swapWorker,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function consoleOneShot(runs: number): { medianMs: number; runs: number[] } {
  const times: number[] = [];
  execFileSync('npm', ['run', '--silent', 'ask', '--', '/country Serbia'], { cwd: ROOT, stdio: 'ignore' });
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    execFileSync('npm', ['run', '--silent', 'ask', '--', '/country Serbia'], { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), runs: times };
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (value: number | undefined) =>
  value === undefined ? '-' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;

function table(reports: SizeReport[]): string {
  const rows = [
    ['passages', ...reports.map((report) => report.passages.toLocaleString('en'))],
    [
      'analysis used for the build',
      ...reports.map((report) => (report.analysis === 'src' ? 'src/analysis' : `src/analysis by ${SLICE_PASSAGES}-passage slices`)),
    ],
    ['first build (pipeline)', ...reports.map((report) => ms(report.build.buildMs))],
    ['snapshot write', ...reports.map((report) => ms(report.build.writeMs))],
    ['snapshot size', ...reports.map((report) => `${MB(report.build.snapshotBytes ?? 0)} MB`)],
    ['snapshot load (in its thread)', ...reports.map((report) => ms(report.loadWorker.loadMs))],
    ['cold start to first answer, worker (bot)', ...reports.map((report) => ms(report.loadWorker.readyMs))],
    ['cold start to first answer, in process', ...reports.map((report) => ms(report.loadMain.readyMs))],
    ['heap after GC, worker + main', ...reports.map((report) => `${report.loadWorker.workerHeapMB} + ${report.loadWorker.mainHeapMB} MB`)],
    ['heap after GC, in process', ...reports.map((report) => `${report.loadMain.mainHeapMB} MB`)],
    ['rss, worker desk', ...reports.map((report) => `${report.loadWorker.rssMB} MB`)],
    ['main-thread stall: worker loads snapshot', ...reports.map((report) => ms(report.loadWorker.stallMs))],
    ['main-thread stall: worker builds', ...reports.map((report) => ms(report.buildWorker?.stallMs))],
    ['main-thread stall: worker reload + swap', ...reports.map((report) => ms(report.swapWorker.stallMs))],
    [
      'reload + swap took',
      ...reports.map(
        (report) =>
          `${ms(report.swapWorker.reloadMs)} (${report.swapWorker.source === 'build' || report.analysis === 'src' ? 'build' : 'snapshot'})`,
      ),
    ],
    ['main-thread stall: in-process load', ...reports.map((report) => ms(report.loadMain.stallMs))],
    ['main-thread stall: in-process build', ...reports.map((report) => ms(report.build.stallMs))],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const USAGE =
  'Usage: node --import tsx bench/cold-start.ts [--sizes 1000,10000,100000] [--runs 3] [--out bench/out/cold-start.json] [--corpora <folder>]';

async function main(argv: string[]): Promise<void> {
  const { values } = parsedOrExit(() =>
    parseCommandLine(
      {
        args: argv,
        options: {
          sizes: { type: 'string', default: '1000,10000,100000' },
          runs: { type: 'string', default: '3' },
          out: { type: 'string', default: 'bench/out/cold-start.json' },
          corpora: { type: 'string' },
          // One measurement in a fresh process, as the parent runs it (JSON).
          child: { type: 'string' },
        },
      },
      USAGE,
      { sizes: '1000,10000', runs: '3', out: 'bench/out/cold-start.json', corpora: 'bench/out/corpora' },
    ),
  );
  if (values.child !== undefined) {
    const result = await runChild(JSON.parse(values.child) as ChildJob);
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  }
  const sizes = parsedOrExit(() => wholeNumbers(values.sizes, '--sizes', '--sizes 1000,10000'));
  const runs = parsedOrExit(() => wholeNumbers(values.runs, '--runs', '--runs 3'))[0]!;
  const out = path.resolve(ROOT, values.out);
  const reports: SizeReport[] = [];
  const corpora = values.corpora === undefined ? undefined : path.resolve(values.corpora);
  for (const size of sizes) reports.push(await measureSize(size, runs, corpora));
  log('console one-shot at the story size');
  const oneShot = consoleOneShot(runs);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, reports, consoleOneShot: oneShot }, null, 2));
  process.stdout.write(
    `${table(reports)}\n\nconsole one-shot at the story's size (npm run --silent ask -- "/country Serbia"), median of ${runs}: ${ms(oneShot.medianMs)}\n(results in ${path.relative(ROOT, out)})\n`,
  );
}

await main(process.argv.slice(2));
