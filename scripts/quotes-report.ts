/**
 * The quotations report: every quotation with its speaker as printed and as resolved, and the other
 * outlets that carry the same words. Text for people; with `json`, one JSON object per quotation
 * occurrence (text, speakerAsPrinted, speaker, outlet, articleId, passageId, alsoIn).
 *
 * Run alone: `npx tsx scripts/quotes-report.ts [--json]` (the lead wires it to `npm run corpus -- --quotes`).
 */
import { parseCommandLine, parsedOrExit } from '../src/runtime/args.ts';
import { pathToFileURL } from 'node:url';
import { disagreements, type Phrase } from '../src/analysis/index.ts';
import type { Analysis, Quotation } from '../src/analysis/types.ts';
import type { Corpus } from '../src/corpus/types.ts';

export interface QuotesReportOptions {
  json?: boolean;
  /** Quoted phrases judged not to be quotations, listed at the end of the text report. */
  phrases?: Phrase[];
  /** Where lines go; stdout by default. */
  print?: (line: string) => void;
}

/** Another outlet's occurrence of the same words. */
export interface AlsoIn {
  outlet: string;
  articleId: string;
  quotationId: string;
  speaker: string | null;
}

export interface QuotationRecord {
  id: string;
  text: string;
  speakerAsPrinted: string | null;
  speaker: string | null;
  speakerName: string | null;
  speakerKind: Quotation['speakerKind'];
  /** The rules that gave the speaker (see Quotation.rule). */
  rule: string | null;
  outlet: string;
  articleId: string;
  passageId: string;
  groupId: string;
  alsoIn: AlsoIn[];
}

/** One record per quotation occurrence, in corpus order. */
export function quotationRecords(analysis: Pick<Analysis, 'quotations' | 'groups'>): QuotationRecord[] {
  const byId = new Map(analysis.quotations.map((quotation) => [quotation.id, quotation]));
  const groups = new Map(analysis.groups.map((group) => [group.id, group]));
  return analysis.quotations.map((quotation) => {
    const members = groups.get(quotation.groupId)?.members ?? [quotation.id];
    const alsoIn = members
      .map((id) => byId.get(id))
      .filter((other): other is Quotation => other !== undefined && other.articleId !== quotation.articleId)
      .map((other) => ({ outlet: other.outlet, articleId: other.articleId, quotationId: other.id, speaker: other.speaker }));
    return {
      id: quotation.id,
      text: quotation.text,
      speakerAsPrinted: quotation.speakerAsPrinted,
      speaker: quotation.speaker,
      speakerName: quotation.speakerName,
      speakerKind: quotation.speakerKind,
      rule: quotation.rule ?? null,
      outlet: quotation.outlet,
      articleId: quotation.articleId,
      passageId: quotation.passageId,
      groupId: quotation.groupId,
      alsoIn,
    };
  });
}

/** Prints the report; returns the records it printed. */
export function printQuotesReport(corpus: Corpus, analysis: Analysis, options: QuotesReportOptions = {}): QuotationRecord[] {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const records = quotationRecords(analysis);
  if (options.json) {
    for (const record of records) print(JSON.stringify(record));
    return records;
  }
  for (const article of corpus.articles) {
    const own = records.filter((record) => record.articleId === article.id);
    print(`${article.outlet} (${article.id}): ${own.length} quotation${own.length === 1 ? '' : 's'}`);
    for (const record of own) {
      const who = record.speaker === null ? 'unattributed' : `${record.speakerName} [${record.speaker}]`;
      const printed = record.speakerAsPrinted ? `, printed "${record.speakerAsPrinted}"` : '';
      print(`  "${record.text}"`);
      print(`      speaker: ${who} (${record.speakerKind}${printed})  ${record.passageId}`);
      if (record.rule) print(`      by: ${record.rule}`);
      if (record.alsoIn.length > 0) {
        const others = [
          ...new Set(
            record.alsoIn.map(
              (other) => `${other.outlet}${other.speaker === record.speaker ? '' : ` (says ${other.speaker ?? 'unattributed'})`}`,
            ),
          ),
        ];
        print(`      also in: ${others.join(', ')}`);
      }
    }
  }
  const disputed = disagreements(analysis);
  print(`\nOutlets disagree on the speaker: ${disputed.length} group${disputed.length === 1 ? '' : 's'}`);
  for (const disagreement of disputed) {
    const first = disagreement.attributions[0]!;
    print(`  "${first.text}"`);
    for (const attribution of disagreement.attributions) {
      print(`      ${attribution.outlet}: ${attribution.speakerName ?? 'unattributed'} (printed "${attribution.speakerAsPrinted ?? '-'}")`);
    }
  }
  if (options.phrases) {
    print(`\nQuoted words judged not to be quotations: ${options.phrases.length}`);
    const outletOf = new Map(corpus.articles.map((article) => [article.id, article.outlet]));
    for (const phrase of options.phrases)
      print(`  ${outletOf.get(phrase.articleId) ?? phrase.articleId}: "${phrase.text}" (${phrase.reason})`);
  }
  return records;
}

async function main(): Promise<void> {
  const { values } = parsedOrExit(() =>
    parseCommandLine({ options: { json: { type: 'boolean' } } }, 'Usage: npx tsx scripts/quotes-report.ts [--json]'),
  );
  const { loadCorpus } = await import('../src/corpus/index.ts');
  const { loadGazetteer } = await import('../src/analysis/gazetteer.ts');
  const { analyze, quotationsOf } = await import('../src/analysis/index.ts');
  const corpus = await loadCorpus();
  const gazetteer = loadGazetteer();
  const analysis = analyze(corpus, gazetteer);
  printQuotesReport(corpus, analysis, { json: values.json ?? false, phrases: quotationsOf(corpus, gazetteer).phrases });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
