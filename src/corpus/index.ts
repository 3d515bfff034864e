/** The corpus stage: raw pages in, clean articles and passages out, each traceable to its page. */
export { loadCorpus } from './load.ts';
export { PageReadings, buildCorpus, type PageTexts } from './build.ts';
export { CorpusError } from './errors.ts';
export { MANIFEST_FILE, parseManifest, type Manifest, type PageEntry } from './manifest.ts';
export { PASSAGE_MAX_CHARS, PASSAGE_MAX_SENTENCES, PASSAGE_MIN_CHARS } from './passages.ts';
export type { Article, Corpus, PageKind, Passage } from './types.ts';
