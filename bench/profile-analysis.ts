/**
 * Times the analysis stages on one synthetic corpus size, for profiling (node --cpu-prof):
 *   node --import tsx bench/profile-analysis.ts 10000 [workers]
 * `workers` (default: one per CPU beyond this thread's) 0 keeps the per-article step on this thread.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadGazetteer } from '../src/analysis/gazetteer.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { analyzeForBench } from './analysis.ts';
import { BENCH_DIR, generateCorpus } from './generate.ts';

const passages = Number(process.argv[2] ?? '10000');
const workers = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
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
