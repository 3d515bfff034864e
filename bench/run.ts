/**
 * `npm run bench`: story-desk's performance from the story's size to 100,000 passages (issue 6).
 *
 *   node --expose-gc --import tsx bench/run.ts [--sizes 1000,10000,100000] [--runs 3] [--quick]
 *        [--no-engines] [--no-snapshot] [--no-e2e] [--e2e-sizes story,100000] [--interactions 300]
 *
 * Prints the table and writes bench/results.json and bench/RESULTS.md (not with --no-write). --help
 * lists every option (bench/args.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsedOrExit } from '../src/runtime/args.ts';
import { BENCH_USAGE, parseBenchArgs } from './args.ts';
import { compareEngines, measureLatency, prepareSize, type CoreOptions, type SizeResult } from './core.ts';
import { measureCorpusChange } from './corpus-change.ts';
import { measureEndToEnd, type EndToEndResult } from './e2e.ts';
import { SEED_CORPUS_DIR, generateCorpus } from './generate.ts';
import { gc } from './measure.ts';
import { renderMarkdown, renderTable } from './report.ts';
import type { BenchOptions, BenchResults, Machine } from './results.ts';

export function machine(): Machine {
  let cpus = os.cpus().length;
  try {
    cpus = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || cpus;
  } catch {
    // nproc is not everywhere; os.cpus() is close enough
  }
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux
  }
  return {
    cpus,
    cpuModel,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResults> {
  const started = new Date();
  const core: CoreOptions = {
    perKind: options.perKind,
    completions: options.completions,
    runs: options.runs,
    compareEngines: options.engines,
    cacheDir: path.join(options.outDir, 'snapshots'),
    snapshot: options.snapshot ?? true,
    log: options.log,
  };
  mkdirSync(core.cacheDir, { recursive: true });
  const seedCorpusDir = options.seedCorpusDir ?? SEED_CORPUS_DIR;
  const sizes: SizeResult[] = [];
  const endToEnd: EndToEndResult[] = [];
  const targets: {
    label: string;
    dir: string;
    synthetic: boolean;
    e2e: boolean;
    rare: { rareWords: string[]; rarePlaces: string[]; rarePeople: string[] };
  }[] = [
    {
      label: 'story',
      dir: seedCorpusDir,
      synthetic: false,
      e2e: options.e2eSizes.includes('story'),
      rare: { rareWords: [], rarePlaces: [], rarePeople: [] },
    },
  ];
  for (const passages of options.sizes) {
    const generated = await generateCorpus({ passages, outDir: options.outDir, seedCorpusDir });
    options.log(`corpus of ${passages} passages: ${generated.dir}${generated.cached ? ' (cached)' : ''}`);
    targets.push({
      label: passages.toLocaleString('en-US'),
      dir: generated.dir,
      synthetic: true,
      e2e: options.e2eSizes.includes(passages),
      rare: generated,
    });
  }
  for (const target of targets) {
    options.log(`size ${target.label}`);
    const prepared = await prepareSize(target.label, target.dir, target.rare, target.synthetic, core);
    options.log(`  ${target.label}: latency`);
    const latency = await measureLatency(prepared);
    const engines = options.engines ? compareEngines(prepared, core) : [];
    const result: SizeResult = { ...prepared.result, ...latency, engines };
    sizes.push(result);
    if (target.e2e) {
      options.log(`  ${target.label}: end to end through the Discord emulator`);
      endToEnd.push(
        await measureEndToEnd({ label: target.label, context: prepared.context, mix: prepared.mix, interactions: options.interactions }),
      );
    }
    if (prepared.articles) {
      // Last: the update changes the built story's full-text index in place.
      options.log(`  ${target.label}: removing and adding back the last page`);
      const change = await measureCorpusChange(prepared.context, prepared.articles, prepared.gazetteer, target.dir, options.outDir);
      Object.assign(result, { removeArticleMs: change.remove.totalMs, addArticleMs: change.add.totalMs, corpusChange: change });
      options.log(`  ${target.label}: ${JSON.stringify(change)}`);
    }
    options.log(renderTable({ sizes: [result], endToEnd: endToEnd.filter((row) => row.label === target.label) }));
    gc();
  }
  const results: BenchResults = {
    date: started.toISOString(),
    machine: machine(),
    command: `node --expose-gc --import tsx bench/run.ts ${process.argv.slice(2).join(' ')}`.trim(),
    options: {
      sizes: options.sizes,
      perKind: options.perKind,
      completions: options.completions,
      runs: options.runs,
      engines: options.engines,
      e2eSizes: options.e2eSizes,
      interactions: options.interactions,
    },
    sizes,
    endToEnd,
  };
  if (options.writeTo !== false) {
    mkdirSync(options.writeTo, { recursive: true });
    writeFileSync(path.join(options.writeTo, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
    writeFileSync(path.join(options.writeTo, 'RESULTS.md'), renderMarkdown(results));
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const parsed = parsedOrExit(() => parseBenchArgs(process.argv.slice(2)));
  if (parsed === 'help') {
    console.log(BENCH_USAGE);
    process.exit(0);
  }
  const options = parsed;
  const results = await runBenchmark(options);
  console.log(`\n${renderTable(results)}`);
  if (options.writeTo !== false)
    console.log(`\nWrote ${path.join(options.writeTo, 'results.json')} and ${path.join(options.writeTo, 'RESULTS.md')}.`);
  // The emulator and the bot are stopped; nothing else should keep the process alive, but do not wait on a stray handle.
  process.exit(0);
}
