import MiniSearch from 'minisearch';
import { resolveName } from '../analysis/entities.ts';
import type { Gazetteer } from '../analysis/gazetteer.ts';
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
  private readonly indexOf = new Map<NameTarget, number>();
  /** Rankings by source and typed text (see ranking); entries are never changed. */
  private readonly ranked = new Map<string, readonly { index: number; fuzzy: boolean }[]>();
  /** Per source, every target best-known first: what an empty field shows (sorted once, on first use). */
  private readonly defaults = new Map<AutocompleteSource, { index: number; fuzzy: boolean }[]>();

  constructor(
    private readonly targets: NameTarget[],
    formsOf: (target: NameTarget) => string[],
    /** Names a form the index cannot list, by context: "Ms Osmani", "the president of Kosovo". Returns a target key. */
    private readonly resolveByContext: (typed: string) => string | undefined = () => undefined,
  ) {
    targets.forEach((target, index) => {
      this.indexOf.set(target, index);
      for (const form of new Set([target.name, ...formsOf(target)])) {
        this.forms.push({ id: this.forms.length, form, target: index });
        const key = normalise(form);
        const indexes = this.exact.get(key) ?? [];
        if (!indexes.includes(index)) this.exact.set(key, [...indexes, index]);
      }
    });
    this.engine.addAll(this.forms);
  }

  /** Up to 25 choices for what the user has typed so far; the best-known names when nothing is typed. */
  complete(source: AutocompleteSource, typed: string): Choice[] {
    return this.ranking(source, typed)
      .slice(0, AUTOCOMPLETE_MAX_CHOICES)
      .map((ranked) => this.targets[ranked.index]!.name)
      .map((name) => ({ name, value: name }));
  }

  /**
   * The one target a typed name means: an exact form first, then a name with its title or honorific
   * ("Ms Osmani"), then the best prefix or fuzzy match. `exact` is false for the last kind, so that an
   * answer can say it shows the closest match ("Prussia" is not Russia).
   */
  resolve(source: AutocompleteSource, typed: string): { target: NameTarget; exact: boolean } | undefined {
    const best = this.ranking(source, typed)[0];
    return best ? { target: this.targets[best.index]!, exact: !best.fuzzy } : undefined;
  }

  /**
   * For a name nothing resolves: the target whose forms share most with it by a looser match (any
   * word, more spelling slack), to say "the closest is ..." in an honest empty answer.
   */
  nearest(source: AutocompleteSource, typed: string): NameTarget | undefined {
    const [best] = this.engine.search(typed, {
      prefix: true,
      fuzzy: (term) => (term.length >= 3 ? 0.4 : false),
      combineWith: 'OR',
      boostDocument: this.onlyOf(source),
    });
    return best ? this.targets[this.forms[best.id as number]!.target] : undefined;
  }

  /** Every target of this source that the typed name means exactly (several: an ambiguous name). */
  exactMatches(source: AutocompleteSource, typed: string): NameTarget[] {
    const matches = (this.exact.get(normalise(typed)) ?? [])
      .map((index) => this.targets[index]!)
      .filter((target) => target.source === source);
    if (matches.length > 0) return matches;
    const key = this.resolveByContext(typed);
    if (key === undefined) return []; // nothing to look for: no need to walk every target
    return this.targets.filter((target) => target.source === source && target.key === key);
  }

  /** Whether a typed word is a name the story knows, or a misspelling of one ("Osmanni"). */
  knowsName(typed: string): boolean {
    return (['place', 'speaker', 'outlet'] as const).some((source) => this.ranking(source, typed).length > 0);
  }

  /**
   * rankAfresh, remembered: the same names are typed and looked up again and again (autocomplete sends every
   * keystroke; a question's capitalised words are checked by several steps of one answer). Callers read it and
   * never change it: a copy of a ranking that can hold every speaker of a big story costs more than the lookup.
   */
  private ranking(source: AutocompleteSource, typed: string): readonly { index: number; fuzzy: boolean }[] {
    const key = `${source}\u0000${typed}`;
    let ranked = this.ranked.get(key);
    if (!ranked) {
      if (this.ranked.size >= KEPT_RANKINGS) this.ranked.clear();
      ranked = this.rankAfresh(source, typed);
      this.ranked.set(key, ranked);
    }
    return ranked;
  }

  /** Targets of any source that a typed name means exactly (to say "Osmani is a person, not a place"). */
  exactAnywhere(typed: string): NameTarget[] {
    return (this.exact.get(normalise(typed)) ?? []).map((index) => this.targets[index]!);
  }

  /**
   * Keeps a search to the forms of one source. MiniSearch skips a document whose boost is 0 before scoring
   * it, and scores the rest exactly as without a boost (1), so the ranking is the one a search of every
   * source then filtered would give; `filter` instead runs after every form of every source (at 100,000
   * passages mostly article headlines and ids) has been scored and made into a result.
   */
  private onlyOf(source: AutocompleteSource): (id: unknown) => number {
    return (id) => (this.targets[this.forms[id as number]!.target]!.source === source ? 1 : 0);
  }

  /** Ranked targets, each marked fuzzy when some typed word matched only by spelling, not as typed or as a prefix. */
  private rankAfresh(source: AutocompleteSource, typed: string): { index: number; fuzzy: boolean }[] {
    const text = typed.trim();
    if (text.length === 0) {
      let defaults = this.defaults.get(source);
      if (!defaults) {
        defaults = this.targets
          .map((target, index) => ({ target, index }))
          .filter(({ target }) => target.source === source)
          .sort((a, b) => b.target.weight - a.target.weight)
          .map(({ index }) => ({ index, fuzzy: false }));
        this.defaults.set(source, defaults);
      }
      return [...defaults];
    }
    const ranked: { index: number; fuzzy: boolean }[] = this.exactMatches(source, text).map((target) => ({
      index: this.indexOf.get(target)!,
      fuzzy: false,
    }));
    const listed = new Set(ranked.map((entry) => entry.index));
    const search = (query: string) =>
      this.engine.search(query, {
        prefix: true,
        fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
        combineWith: 'AND',
        boostDocument: this.onlyOf(source),
      });
    // "Ms Os", "President Osm": a title or honorific the forms do not carry must not block the name.
    let results = search(text);
    const bare = text.replace(LEADING_TITLES, '');
    if (results.length === 0 && bare !== text && bare.length > 0) results = search(bare);
    for (const result of results) {
      const index = this.forms[result.id as number]!.target;
      if (listed.has(index)) continue;
      listed.add(index);
      const fuzzy = result.queryTerms.some((queryTerm) => !result.terms.some((term) => term.startsWith(queryTerm)));
      ranked.push({ index, fuzzy });
    }
    return ranked;
  }
}

/** Rankings remembered at once (the cache is emptied when full). */
const KEPT_RANKINGS = 4096;

// Honorifics and titles a user may type before a name.
const LEADING_TITLES =
  /^(?:(?:the|mr|mrs|ms|miss|dr|sir|dame|lord|lady|president|prime|minister|pm|shadow|home|foreign|secretary)\.?\s+)+/iu;

function normalise(form: string): string {
  return fold(form)
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Every nameable thing in the story, from the analysis. */
export function buildNameIndex(story: StoryIndex, gazetteer: Gazetteer): NameIndex {
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
    targets.push({
      source: 'speaker',
      name: quotation.speakerName,
      key: quotation.speakerName,
      weight: (quoteCounts.get(quotation.speaker) ?? 0) * 100,
    });
  }
  const articleCounts = countBy(story.corpus.articles.map((article) => article.outlet));
  for (const [outlet, count] of articleCounts) targets.push({ source: 'outlet', name: outlet, key: outlet, weight: count });
  for (const article of story.corpus.articles) targets.push({ source: 'article', name: article.id, key: article.id, weight: 1 });

  return new NameIndex(
    targets,
    (target) => {
      if (target.source === 'outlet') {
        const articles = story.corpus.articles.filter((article) => article.outlet === target.key);
        return articles.flatMap((article) => [article.id, article.site, ...(article.publishedVia ? [article.publishedVia] : [])]);
      }
      if (target.source === 'article') {
        const article = story.articleById.get(target.key);
        return article ? [article.outlet, ...(article.headline ? [article.headline] : [])] : [];
      }
      return story.entityById.get(target.key)?.aliases ?? [];
    },
    (typed) => resolveName(gazetteer, typed)?.id,
  );
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
