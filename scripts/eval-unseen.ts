/**
 * `npm run eval:unseen`: scores cleaning and analysis on the unseen set (test/fixtures/unseen-corpus/) against its
 * hand-made labels, with the shipped gazetteer (corpus/gazetteer.json, which names none of the set's people or
 * places) and without any gazetteer.
 */
import { analyze } from '../src/analysis/index.ts';
import { GazetteerError, buildGazetteer, loadGazetteer } from '../src/analysis/gazetteer.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { UNSEEN_CORPUS_DIR, loadUnseenLabels } from '../test/support/unseen-labels.ts';
import { formatAnalysisScore, formatTextScore, scoreAnalysis, scoreText } from './eval/unseen.ts';

const labels = loadUnseenLabels();
const corpus = await loadCorpus(UNSEEN_CORPUS_DIR);
const articles = labels.pages.reduce((sum, page) => sum + page.articles.length, 0);
console.log(`unseen set: ${labels.pages.length} pages, ${articles} articles, ${corpus.passages.length} passages\n`);
console.log(formatTextScore(scoreText(corpus, labels)));

const gazetteers: [string, () => ReturnType<typeof loadGazetteer>][] = [
  ['with the shipped gazetteer (corpus/gazetteer.json)', () => loadGazetteer('corpus/gazetteer.json')],
  ['without a gazetteer', () => buildGazetteer({ entities: [] }, 'an empty gazetteer')],
];
for (const [name, load] of gazetteers) {
  console.log(`\n== ${name}`);
  try {
    console.log(formatAnalysisScore(scoreAnalysis(analyze(corpus, load()), labels)));
  } catch (error) {
    if (!(error instanceof GazetteerError)) throw error;
    console.log(`not measured: ${error.message}`);
  }
}
