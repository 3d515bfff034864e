/**
 * Times the analysis stages on one synthetic corpus size, for profiling (node --cpu-prof):
 *   node --import tsx bench/profile-analysis.ts 10000 [--workers N]
 * --workers: threads for the per-article step besides this one (default: one per idle CPU, as the desk
 * decides; 0 keeps it on this thread).
 */
import { UsageError, parseCommandLine, parsedOrExit, wholeNumbers } from '../src/runtime/args.ts';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadGazetteer } from '../src/analysis/gazetteer.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { analyzeForBench } from './analysis.ts';
import { BENCH_DIR, generateCorpus } from './generate.ts';

const USAGE = 'Usage: node --import tsx bench/profile-analysis.ts [passages, default 10000] [--workers N]';
const { positionals, values } = parsedOrExit(() =>
  parseCommandLine({ allowPositionals: true, options: { workers: { type: 'string' } } }, USAGE),
);
const passages = parsedOrExit(() =>
  wholeNumbers(positionals[0] ?? '10000', 'the passage count', 'node --import tsx bench/profile-analysis.ts 10000'),
)[0]!;
const workers = parsedOrExit(() => {
  if (values.workers === undefined) return undefined;
  const count = Number(values.workers);
  if (!Number.isInteger(count) || count < 0)
    throw new UsageError(`--workers takes a whole number, 0 or more (got "${values.workers}"). ${USAGE}`);
  return count;
});
const generated = await generateCorpus({ passages, outDir: path.join(BENCH_DIR, 'out') });
const corpus = await loadCorpus(generated.dir);
const gazetteerFile = path.join(generated.dir, 'gazetteer.json');
const gazetteer = loadGazetteer(gazetteerFile);
const started = performance.now();
const { analysis, stages, cpuMs } = await analyzeForBench(corpus, gazetteer, gazetteerFile, workers === undefined ? {} : { workers });
const total = performance.now() - started;
console.log(
  JSON.stringify({
    passages: corpus.passages.length,
    articles: corpus.articles.length,
    totalMs: Math.round(total),
    cpuMs: Math.round(cpuMs),
    stages,
    quotations: analysis.quotations.length,
    groups: analysis.groups.length,
    hash: createHash('sha256').update(JSON.stringify(analysis)).digest('hex').slice(0, 16),
  }),
);
