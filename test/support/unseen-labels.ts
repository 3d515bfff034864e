/**
 * The unseen set (test/fixtures/unseen-corpus/): original articles about people and places the shipped pages and
 * their gazetteer never name, with labels written by hand before the code ran on them. Loads and validates labels.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';

/** The unseen corpus folder: pages, sources.json and labels.json (no gazetteer.json, on purpose). */
export const UNSEEN_CORPUS_DIR = fileURLToPath(new URL('../fixtures/unseen-corpus/', import.meta.url));

export const UNSEEN_LABELS_FILE = path.join(UNSEEN_CORPUS_DIR, 'labels.json');

const text = z.string().min(1);

const quotationLabel = z.strictObject({
  /** The quoted words as printed, without their marks. */
  text,
  /** Full canonical name (person, organisation), the source as printed (anonymous, document), or null: the text does not settle it. */
  speaker: text.nullable(),
  kind: z.enum(['person', 'organisation', 'anonymous', 'document', 'unattributed']),
  /** How the text names the speaker, for a reader of the labels. */
  asPrinted: text,
  /** Other names for the same source that are not wrong ("the report" for "a report by the Greek coastguard"). */
  accept: z.array(text).optional(),
});

const notQuotationLabel = z.strictObject({ text, why: text });

const articleLabel = z.strictObject({
  /** The article id the manifest gives. */
  id: text,
  outlet: text,
  headline: text,
  date: text,
  /** Every body paragraph as printed, in page order: the passages must keep each one. */
  body: z.array(text).min(1),
  quotations: z.array(quotationLabel),
  /** Quoted words that are not speech: scare quotes and terms. */
  notQuotations: z.array(notQuotationLabel),
  /** Canonical names of the people the body names. */
  people: z.array(text),
  /** Canonical names of the places the body names, by name or demonym. */
  places: z.array(text),
});

const pageLabel = z.strictObject({
  file: text,
  /** House style: tabloid, broadsheet, wire, aggregator, translated, live-blog, ... */
  style: text,
  /** Every furniture line of the page as printed (for an inline dateline, the dateline alone). */
  furniture: z.array(text),
  articles: z.array(articleLabel).min(1),
});

const labelsSchema = z.strictObject({ about: text, pages: z.array(pageLabel).min(1) });

export type UnseenLabels = z.infer<typeof labelsSchema>;
export type UnseenPageLabel = z.infer<typeof pageLabel>;
export type UnseenArticleLabel = z.infer<typeof articleLabel>;
export type UnseenQuotationLabel = z.infer<typeof quotationLabel>;

/** Reads and validates the labels; throws naming the first bad field. */
export function loadUnseenLabels(file = UNSEEN_LABELS_FILE): UnseenLabels {
  const parsed = labelsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid labels'}`);
  }
  return parsed.data;
}
