import MiniSearch from 'minisearch';
import { fold } from '../text/fold.ts';
import type { StoryIndex } from '../search/story-index.ts';
import type { AutocompleteSource } from './commands.ts';
import type { Choice } from './model.ts';
import { AUTOCOMPLETE_MAX_CHOICES } from './limits.ts';

/** Something a user can name in an option: a place, a speaker (person, organisation or source) or an outlet. */
export interface NameTarget {
  source: AutocompleteSource;
  /** Canonical name: what autocomplete sends back and answers print. */
  name: string;
  /** Entity id for places, people and organisations; the speaker name for sources; the outlet for outlets. */
  key: string;
  /** Ranks the defaults shown for an empty field: mentions or quotations. */
  weight: number;
}

interface NameDocument {
  id: number;
  form: string;
  target: number;
}

/**
 * Autocomplete and name resolution over everything a user can name. A small MiniSearch index of every
 * form (canonical names and aliases): prefix and fuzzy matching come from the library; ranking puts
 * exact forms first, then MiniSearch's score (it already weighs prefix and fuzzy matches lower).
 */
export class NameIndex {
  private readonly engine = new MiniSearch<NameDocument>({
    fields: ['form'],
    storeFields: [],
    processTerm: (term) => fold(term).replace(/['’]s$/, '') || null,
  });
  private readonly exact = new Map<string, number[]>();
  private readonly forms: NameDocument[] = [];

  constructor(private readonly targets: NameTarget[], formsOf: (target: NameTarget) => string[]) {
    targets.forEach((target, index) => {
      for (const form of new Set([target.name, ...formsOf(target)])) {
        this.forms.push({ id: this.forms.length, form, target: index });
        const key = normalise(form);
        this.exact.set(key, [...(this.exact.get(key) ?? []), index]);
      }
    });
    this.engine.addAll(this.forms);
  }

  /** Up to 25 choices for what the user has typed so far; the best-known names when nothing is typed. */
  complete(source: AutocompleteSource, typed: string): Choice[] {
    return this.rank(source, typed)
      .slice(0, AUTOCOMPLETE_MAX_CHOICES)
      .map((target) => ({ name: target.name, value: target.name }));
  }

  /** The one target a typed name means: an exact form first, then the best prefix or fuzzy match. */
  resolve(source: AutocompleteSource, typed: string): NameTarget | undefined {
    return this.rank(source, typed)[0];
  }

  /** Targets of any source that a typed name means exactly (to say "Osmani is a person, not a place"). */
  exactAnywhere(typed: string): NameTarget[] {
    return (this.exact.get(normalise(typed)) ?? []).map((index) => this.targets[index]!);
  }

  private rank(source: AutocompleteSource, typed: string): NameTarget[] {
    const text = typed.trim();
    const ofSource = (index: number) => this.targets[index]!.source === source;
    if (text.length === 0) {
      return this.targets.filter((target) => target.source === source).sort((a, b) => b.weight - a.weight);
    }
    const ranked: number[] = (this.exact.get(normalise(text)) ?? []).filter(ofSource);
    const results = this.engine.search(text, {
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      combineWith: 'AND',
      filter: (result) => ofSource(this.forms[result.id as number]!.target),
    });
    for (const result of results) {
      const target = this.forms[result.id as number]!.target;
      if (!ranked.includes(target)) ranked.push(target);
    }
    return ranked.map((index) => this.targets[index]!);
  }
}

function normalise(form: string): string {
  return fold(form).replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

/** Every nameable thing in the story, from the analysis. */
export function buildNameIndex(story: StoryIndex): NameIndex {
  const mentionCounts = countBy(story.analysis.mentions.map((mention) => mention.entityId));
  const quoteCounts = countBy(story.analysis.quotations.map((quotation) => quotation.speaker ?? ''));
  const targets: NameTarget[] = [];
  for (const entity of story.analysis.entities) {
    const mentions = mentionCounts.get(entity.id) ?? 0;
    if (entity.kind === 'place') targets.push({ source: 'place', name: entity.name, key: entity.id, weight: mentions });
    else targets.push({ source: 'speaker', name: entity.name, key: entity.id, weight: (quoteCounts.get(entity.id) ?? 0) * 100 + mentions });
  }
  const sourceNames = new Set<string>();
  for (const quotation of story.analysis.quotations) {
    if (quotation.speaker === null || story.entityById.has(quotation.speaker) || !quotation.speakerName) continue;
    if (sourceNames.has(quotation.speakerName)) continue;
    sourceNames.add(quotation.speakerName);
    targets.push({ source: 'speaker', name: quotation.speakerName, key: quotation.speakerName, weight: (quoteCounts.get(quotation.speaker) ?? 0) * 100 });
  }
  const articleCounts = countBy(story.corpus.articles.map((article) => article.outlet));
  for (const [outlet, count] of articleCounts) targets.push({ source: 'outlet', name: outlet, key: outlet, weight: count });

  return new NameIndex(targets, (target) => {
    if (target.source === 'outlet') {
      const articles = story.corpus.articles.filter((article) => article.outlet === target.key);
      return articles.flatMap((article) => [article.id, article.site, ...(article.publishedVia ? [article.publishedVia] : [])]);
    }
    return story.entityById.get(target.key)?.aliases ?? [];
  });
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
