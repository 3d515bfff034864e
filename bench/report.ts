/** The benchmark's tables (Markdown, readable in a terminal too) and RESULTS.md. */
import type { SizeResult } from './core.ts';
import type { EndToEndResult } from './e2e.ts';
import type { Percentiles } from './measure.ts';
import type { BenchResults } from './results.ts';
import { checkTargets, renderTargets } from './targets.ts';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const triple = (p: Percentiles | undefined) => (p ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}` : '–');
const thousands = (value: number) => value.toLocaleString('en-US');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width, i) => (i === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** Rows of the latency table, in this order (rows a size lacks are shown as –). */
const LATENCY_ROWS = [
  'ask',
  'country',
  'quote',
  'outlet',
  'compare',
  'sources',
  'check',
  'misspelt',
  'autocomplete',
  'autocomplete place',
  'autocomplete speaker',
  'autocomplete outlet',
];

export function renderTable(results: Pick<BenchResults, 'sizes' | 'endToEnd'>): string {
  const { sizes, endToEnd } = results;
  const parts: string[] = [];
  parts.push(
    table(
      [
        'corpus',
        'passages',
        'articles',
        'terms',
        'corpus ms',
        'analysis ms',
        'index build ms',
        'snapshot MB',
        'snapshot load ms',
        'ready ms',
        'heap MB',
      ],
      sizes.map((size) => [
        size.label,
        thousands(size.passages),
        thousands(size.articles),
        thousands(size.vocabulary),
        ms(size.corpusMs),
        `${ms(size.analysisMs)}${size.analysisKept ? '*' : ''}`,
        ms(size.indexBuildMs),
        (size.snapshot.bytes / 1024 / 1024).toFixed(1),
        ms(size.snapshot.loadMs),
        ms(size.snapshot.readyMs),
        size.heapMb.toFixed(0),
      ]),
    ),
  );
  if (sizes.some((size) => size.analysisKept))
    parts.push('* analysis kept from an earlier run of the same corpus and code: the time it took then.');
  if (sizes.some((size) => size.corpusChange || size.analysisCpuMs !== undefined || size.analysisStages)) {
    const change = (size: SizeResult, which: 'add' | 'remove') => {
      const times = size.corpusChange?.[which];
      return times
        ? `${ms(times.totalMs)} (${ms(times.corpusMs)} + ${ms(times.analysisMs)} + ${ms(times.indexMs)} + ${ms(times.answerMs)})`
        : '–';
    };
    parts.push(
      `Analysis CPU time, its stages (wall), and one page removed then added back end to end: ms (folder read + analysis + index and maps + first answer):\n${table(
        [
          'corpus',
          'analysis CPU ms',
          'per-article ms',
          'terms ms',
          'merge ms',
          'grouping ms',
          'remove page ms',
          'add page ms',
          'cited after add',
        ],
        sizes.map((size) => [
          size.label,
          size.analysisCpuMs === undefined ? '–' : ms(size.analysisCpuMs),
          size.analysisStages ? ms(size.analysisStages.articlesMs) : '–',
          size.analysisStages ? ms(size.analysisStages.termsMs) : '–',
          size.analysisStages ? ms(size.analysisStages.mergeMs) : '–',
          size.analysisStages ? ms(size.analysisStages.groupingMs) : '–',
          change(size, 'remove'),
          change(size, 'add'),
          size.corpusChange ? (size.corpusChange.addedIsCited && !size.corpusChange.removedIsCited ? 'yes' : 'no') : '–',
        ]),
      )}`,
    );
  }
  parts.push(
    `Latency in process, cold (no repeated query), ms p50 / p95 / p99:\n${table(
      ['command', ...sizes.map((size) => size.label)],
      LATENCY_ROWS.filter((row) => sizes.some((size) => size.latency[row])).map((row) => [
        row,
        ...sizes.map((size) => triple(size.latency[row])),
      ]),
    )}`,
  );
  parts.push(
    `Through the async desk (mainThreadDesk), ms p50 / p95 / p99:\n${table(
      ['command', ...sizes.map((size) => size.label)],
      LATENCY_ROWS.filter((row) => sizes.some((size) => size.deskLatency[row])).map((row) => [
        row,
        ...sizes.map((size) => triple(size.deskLatency[row])),
      ]),
    )}`,
  );
  const withEngines = sizes.filter((size) => size.engines.length > 0);
  if (withEngines.length > 0) {
    const names = withEngines[0]!.engines.map((engine) => engine.name);
    parts.push(
      `Text search of the /ask and /compare queries, ms p50 / p99 (their p99 / ours):\n${table(
        ['engine', ...withEngines.map((size) => size.label)],
        names.map((name) => [
          name,
          ...withEngines.map((size) => {
            const engine = size.engines.find((candidate) => candidate.name === name);
            return engine ? `${ms(engine.latency.p50)} / ${ms(engine.latency.p99)} (${engine.ratioP99.toFixed(1)}x)` : '–';
          }),
        ]),
      )}`,
    );
    parts.push(
      `Engine build, ms:\n${table(
        ['engine', ...withEngines.map((size) => size.label)],
        names.map((name) => [name, ...withEngines.map((size) => ms(size.engines.find((engine) => engine.name === name)?.buildMs ?? 0))]),
      )}`,
    );
  }
  if (endToEnd.length > 0) {
    parts.push(
      `End to end through the Discord emulator (gateway event sent -> first REST response), ms:\n${table(
        ['corpus', 'interactions', 'p50', 'p95', 'p99', 'max'],
        endToEnd.map((row) => [
          row.label,
          String(row.latency.count),
          ms(row.latency.p50),
          ms(row.latency.p95),
          ms(row.latency.p99),
          ms(row.latency.max),
        ]),
      )}`,
    );
  }
  return parts.join('\n\n');
}

export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  const engines = results.sizes.find((size) => size.engines.length > 0)?.engines ?? [];
  return `# Benchmark results

Written by \`npm run bench\` (bench/run.ts); the numbers are in results.json.

- Date: ${results.date}
- Machine: ${machine.cpus} CPUs (\`nproc\`), ${machine.cpuModel}, ${machine.memoryGb} GB memory, ${machine.platform}
- Node: ${machine.node}
- Command: \`${results.command}\`
- Query mix per size: ${results.sizes[0]?.latency['ask']?.count ?? 0} /ask, ${results.options.perKind} each of /country, /quote, /outlet, /compare, ${results.sizes[0]?.latency['sources']?.count ?? 0} /sources, ${results.options.completions} autocomplete; ${results.options.runs} measured pass(es) after a warm-up pass, each with a mix of its own (other passages' words, misspellings and made-up names; the story's questions, places, speakers and outlets recur, as they do in use), medians of the passes' percentiles. Cold: nothing caches query results (the project has no query cache).
- Corpora: the seed corpus (the story's size) and synthetic corpora from bench/generate.ts (seed sentences recombined, names and figures varied, a Zipf tail of made-up words).
- Snapshot: ${results.sizes[0]?.snapshot.via ?? '–'}.

Targets (the performance issue's, judged on this run; main-thread stalls are measured by bench/cold-start.ts):

${renderTargets(checkTargets(results))}

${renderTable(results)}

What each engine's figure measures (same passages, same query texts: those of the /ask and /compare queries):
${engines.map((engine) => `- ${engine.name}: ${engine.measures}.`).join('\n')}
`;
}

export type { EndToEndResult, SizeResult };
