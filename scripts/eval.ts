/** `npm run eval`: scores the answers against the hand-written question set and prints the figures. */
import { startDesk } from '../src/desk/start-desk.ts';
import { loadCorpus } from '../src/corpus/index.ts';
import { corpusDirFromEnvironment } from '../src/runtime/env.ts';
import { loadQuestions, score } from './eval/score.ts';

const corpusDir = corpusDirFromEnvironment();
const [desk, corpus] = await Promise.all([startDesk({ corpusDir }), loadCorpus(corpusDir)]);
const figures = await score(desk, corpus, corpusDir, loadQuestions());
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
console.log(`questions            ${figures.questions}`);
console.log(`citation recall      ${percent(figures.citationRecall)}`);
console.log(`text recall          ${percent(figures.textRecall)}`);
console.log(`false citations      ${figures.falseCitations}`);
console.log(`false credits        ${figures.falseCredits} of ${figures.creditsChecked} "also reported by" checked`);
console.log(`false "only in"      ${figures.falseOnlyIn} of ${figures.onlyInChecked} checked`);
console.log(`padded results       ${figures.paddedResults} of ${figures.resultsJudged} judged`);
console.log(`off-topic figures    ${figures.offTopicFigures}`);
console.log(`leads right          ${figures.leadsRight}/${figures.leadsExpected}`);
console.log(`furniture snippets   ${figures.furnitureSnippets}`);
console.log(`status accuracy      ${percent(figures.statusAccuracy)}`);
console.log(`empty when expected  ${figures.emptyWhenExpected}/${figures.emptyExpected}`);
if (figures.failures.length > 0) console.log(`\nMisses:\n${figures.failures.map((failure) => `- ${failure}`).join('\n')}`);
