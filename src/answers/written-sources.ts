/**
 * Words quoted from a written source: "The advice privately warned that ... 'a Russian sphere of
 * influence' ...". An organisation that speaks through its advice, report or statement has no
 * speaker tag in the text, but the words in quote marks are its words. They are the organisation's
 * when its article names it as the author of such a source ("an MI6 warning", "advice from MI6",
 * "MI6 warns", in the text or the headline), and the sentence's subject is that source.
 */
import type { StoryIndex } from '../search/story-index.ts';
import { citeSpan } from './cite.ts';
import { sentencesOf } from './passage-sentences.ts';
import type { Result } from './model.ts';

const SOURCE_NOUNS = 'advice|report|warning|statement|briefing|manifesto|assessment|review|guidance|document|letter|memo|dossier|paper';
const SPEECH =
  'warned|warns|said|says|added|adds|stated|states|concluded|concludes|noted|notes|argued|argues|suggested|suggests|advised|advises|claimed|claims|found|finds|read|reads';
/** A sentence whose subject is a written source that speaks: "The advice privately warned that". */
const SOURCE_SPEAKS = new RegExp(
  `(?:^|[,;:]\\s*|\\b(?:the|this|that|its|their|his|her|a)\\s+)(?:\\w+\\s+){0,2}(${SOURCE_NOUNS})\\s+(?:\\w+ly\\s+)?(?:${SPEECH})\\b`,
  'iu',
);
/** Quoted words of two or more words, in any quote marks (an apostrophe inside a word does not open one). */
const QUOTED = /(?<![\p{L}\p{N}])["“'‘]([^"“”'‘’\n]*?\s[^"“”'‘’\n]*?)["”'’](?![\p{L}\p{N}])/gu;

/** Results for the words written sources of `entityId` are quoted as saying, one per sentence, in corpus order. */
export function writtenSourceQuotations(story: StoryIndex, entityId: string, name: string): Result[] {
  const entity = story.entityById.get(entityId);
  const forms = [...new Set([name, ...(entity?.aliases ?? [])])].filter((form) => form.length > 1).map(escapeRegExp);
  if (forms.length === 0) return [];
  const names = `(?:${forms.join('|')})`;
  const authorship = new RegExp(
    `\\b${names}(?:'s|’s)?\\s+(?:${SOURCE_NOUNS}|${SPEECH}|warn|warning)\\b|\\b(?:${SOURCE_NOUNS})\\s+(?:from|by|of)\\s+(?:the\\s+)?${names}\\b`,
    'iu',
  );
  const articles = new Set<string>();
  for (const position of story.passagesByEntity.get(entityId) ?? []) articles.add(story.corpus.passages[position]!.articleId);
  const results: Result[] = [];
  for (const articleId of articles) {
    const article = story.articleById.get(articleId)!;
    const passages = story.passagesByArticle.get(articleId) ?? [];
    if (!authorship.test(article.headline ?? '') && !passages.some((passage) => authorship.test(passage.text))) continue;
    for (const passage of passages) {
      for (const span of sentencesOf(passage)) {
        const sentence = passage.text.slice(span.start, span.end);
        const speaks = SOURCE_SPEAKS.exec(sentence);
        if (!speaks) continue;
        const quoted = [...sentence.matchAll(QUOTED)].filter((match) => match.index > speaks.index);
        if (quoted.length === 0) continue;
        const highlights = quoted.map((match): [number, number] => [
          span.start + match.index + 1,
          span.start + match.index + match[0].length - 1,
        ]);
        const result = citeSpan(story, passage, span.start, span.end, highlights);
        result.speaker = name;
        result.speakerAsPrinted = `the ${speaks[1]!.toLowerCase()}`;
        results.push(result);
      }
    }
  }
  return results;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
