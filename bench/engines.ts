/**
 * The engines the project's search is set against, over the same passages and query texts:
 * - bare MiniSearch, default options, one field (text); `search(query)` (OR of the words, every
 *   matching passage scored and sorted, no prefix or fuzzy matching, no stop words);
 * - FlexSearch 0.8, a Document index over text with default options; `search(query)` (its default:
 *   passages holding every word, at most 100 ids, unscored);
 * - a linear scan: the query's folded content words (stop words dropped) looked for as substrings of
 *   every passage's folded text, passages holding any ranked by how many they hold.
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { stopWords } from '../src/search/stop-words.ts';
import { fold } from '../src/text/fold.ts';

export interface Engine {
  name: string;
  /** What one search call does, for the report. */
  measures: string;
  search(text: string): number;
}

export interface BuiltEngine {
  engine: Engine;
  buildMs: number;
}

function timed(build: () => Engine): BuiltEngine {
  const start = performance.now();
  const engine = build();
  return { engine, buildMs: performance.now() - start };
}

export function bareMiniSearch(texts: readonly string[]): BuiltEngine {
  return timed(() => {
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    index.addAll(texts.map((text, id) => ({ id, text })));
    return {
      name: 'MiniSearch (bare)',
      measures: 'search(query): every passage holding any word, scored and sorted',
      search: (query) => index.search(query).length,
    };
  });
}

export function flexSearch(texts: readonly string[]): BuiltEngine {
  return timed(() => {
    const index = new FlexSearch.Document<{ id: number; text: string }>({ document: { id: 'id', index: ['text'] } });
    texts.forEach((text, id) => index.add({ id, text }));
    return {
      name: 'FlexSearch 0.8 (Document)',
      measures: 'search(query): passages holding every word, first 100 ids',
      search: (query) => index.search(query).reduce((count, field) => count + field.result.length, 0),
    };
  });
}

export function linearScan(texts: readonly string[]): BuiltEngine {
  return timed(() => {
    const folded = texts.map((text) => fold(text));
    return {
      name: 'Linear scan',
      measures: 'every passage tested for each folded content word (substring), hits ranked by words held',
      search: (query) => {
        const words = [...new Set(fold(query).match(/[\p{L}\p{N}]+/gu) ?? [])].filter((word) => !stopWords.has(word));
        if (words.length === 0) return 0;
        const hits: { position: number; held: number }[] = [];
        for (let position = 0; position < folded.length; position++) {
          const text = folded[position]!;
          let held = 0;
          for (const word of words) if (text.includes(word)) held++;
          if (held > 0) hits.push({ position, held });
        }
        hits.sort((a, b) => b.held - a.held || a.position - b.position);
        return hits.length;
      },
    };
  });
}
