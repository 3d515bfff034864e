/**
 * Times the analysis stages on one synthetic corpus size, for profiling (node --cpu-prof):
 *   node --import tsx bench/profile-analysis.ts 10000
 */
import { parseCommandLine, parsedOrExit, wholeNumbers } from '../src/runtime/args.ts';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadGazetteer } from '../src/analysis/gazetteer.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { analyzeForBench } from './analysis.ts';
import { BENCH_DIR, generateCorpus } from './generate.ts';

const { positionals } = parsedOrExit(() =>
  parseCommandLine({ allowPositionals: true, options: {} }, 'Usage: node --import tsx bench/profile-analysis.ts [passages, default 10000]'),
);
const passages = parsedOrExit(() =>
  wholeNumbers(positionals[0] ?? '10000', 'the passage count', 'node --import tsx bench/profile-analysis.ts 10000'),
)[0]!;
const generated = await generateCorpus({ passages, outDir: path.join(BENCH_DIR, 'out') });
const corpus = await loadCorpus(generated.dir);
const gazetteer = loadGazetteer(path.join(generated.dir, 'gazetteer.json'));
const started = performance.now();
const { analysis, stages } = analyzeForBench(corpus, gazetteer);
const total = performance.now() - started;
console.log(
  JSON.stringify({
    passages: corpus.passages.length,
    articles: corpus.articles.length,
    totalMs: Math.round(total),
    stages,
    quotations: analysis.quotations.length,
    groups: analysis.groups.length,
    hash: createHash('sha256').update(JSON.stringify(analysis)).digest('hex').slice(0, 16),
  }),
);
