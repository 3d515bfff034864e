/**
 * The analysis stage: from a clean corpus and the gazetteer to what the answers need: entity
 * mentions, number claims, quotations with their speakers, and what several outlets carry alike.
 * Pure and deterministic: the same corpus and gazetteer always give the same analysis.
 */
import type { Corpus } from '../corpus/types.ts';
import type { Gazetteer } from './gazetteer.ts';
import { nameFinderFor } from './name-finder.ts';
import { type FoundQuotations, findQuotations } from './quotations.ts';
import { analyzeWithState } from './update.ts';
import type { Analysis } from './types.ts';

export { disagreements, type Disagreement } from './alike.ts';
export { nameFinderFor } from './name-finder.ts';
export type { Phrase } from './quotations.ts';

/** Every quotation with its speaker, and the quoted phrases judged not to be quotations. */
export function quotationsOf(corpus: Corpus, gazetteer: Gazetteer): FoundQuotations {
  return findQuotations(corpus, nameFinderFor(gazetteer));
}

export function analyze(corpus: Corpus, gazetteer: Gazetteer): Analysis {
  return analyzeWithState(corpus, gazetteer).analysis;
}
