/**
 * The corpus tool. `npm run corpus -- list` (or no command) prints the articles found; with a view flag it
 * prints one view instead: `--show <article id>` one article's passages, `--quotes` every quotation with its
 * speaker as printed and as resolved, `--entities` the places, people and organisations with their mentions
 * per outlet, each marked curated, discovered or world, `--unknown-names` the discovered names the gazetteer
 * lacks (`--json`: JSON lines). A new view is one more entry in VIEWS. `add <file or URL>` adds a page,
 * `remove <article id>` takes one out. `--dir <path>` works on another corpus folder; `--help` prints the usage.
 */
import path from 'node:path';
import { parseArgs as parseArgv } from 'node:util';
import { analyze } from '../src/analysis/index.ts';
import { GazetteerError, loadGazetteer } from '../src/analysis/gazetteer.ts';
import { CorpusError, loadCorpus } from '../src/corpus/index.ts';
import { corpusDirFromEnvironment } from '../src/runtime/env.ts';
import type { Article, Corpus } from '../src/corpus/types.ts';
import { printEntitiesReport } from './entities-report.ts';
import { printQuotesReport } from './quotes-report.ts';
import { addPage } from '../src/coverage/add-page.ts';
import { CoverageError } from '../src/coverage/coverage-error.ts';
import { removePage } from '../src/coverage/remove-page.ts';
import { summaryLines } from '../src/coverage/summary.ts';

interface View {
  /** Name of the flag's value, if it takes one. */
  value?: string;
  help: string;
  /** Returns the text to print, or prints it itself (the analysis reports do). */
  run(corpus: Corpus, value: string, options: ViewOptions): string | void;
}

interface ViewOptions {
  dir: string;
  json: boolean;
}

class UsageError extends Error {}

const VIEWS: Record<string, View> = {
  '--show': { value: '<article id>', help: "print one article's passages with their ids", run: showArticle },
  '--quotes': {
    help: 'every quotation: speaker as printed and as resolved, outlets that carry it (--json: one object per line)',
    run: (corpus, _value, options) => {
      const gazetteer = loadGazetteer(path.join(options.dir, 'gazetteer.json'));
      printQuotesReport(corpus, analyze(corpus, gazetteer), { json: options.json });
    },
  },
  '--entities': {
    help: 'places, people and organisations with mentions per outlet, each curated, discovered or world (--json: one object per line)',
    run: (corpus, _value, options) =>
      printEntitiesReport(corpus, analyze(corpus, loadGazetteer(path.join(options.dir, 'gazetteer.json'))), { json: options.json }),
  },
  '--unknown-names': {
    help: 'people and organisations the coverage names that the gazetteer lacks, with mentions and quotations: what to curate',
    run: (corpus, _value, options) =>
      printEntitiesReport(corpus, analyze(corpus, loadGazetteer(path.join(options.dir, 'gazetteer.json'))), {
        json: options.json,
        unknownOnly: true,
      }),
  },
};

function table(corpus: Corpus): string {
  const counts = new Map<string, number>();
  for (const p of corpus.passages) counts.set(p.articleId, (counts.get(p.articleId) ?? 0) + 1);
  const header = ['id', 'outlet', 'read from', 'headline', 'date', 'passages', 'furniture'];
  const rows = corpus.articles.map((a) => [
    a.id,
    a.outlet,
    readFrom(a),
    clip(a.headline ?? '(none printed)', 60),
    (a.date ?? '-') + (a.truncated ? ' (truncated)' : ''),
    String(counts.get(a.id) ?? 0),
    String(a.furnitureChars),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const total = `${corpus.articles.length} articles, ${corpus.passages.length} passages (corpus ${corpus.hash.slice(0, 12)})`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', total].join('\n');
}

function showArticle(corpus: Corpus, id: string): string {
  const article = corpus.articles.find((a) => a.id === id);
  if (!article) throw new UsageError(`no article "${id}"; the ids are: ${corpus.articles.map((a) => a.id).join(', ')}`);
  const head = [
    `${article.id}: ${article.headline}`,
    `${article.outlet}, read from ${readFrom(article)}, ${article.date ?? 'no date printed'}${article.truncated ? ', truncated' : ''}`,
    `${article.url}`,
    `file ${article.file}, item ${article.itemIndex}, ${article.furnitureChars} characters of furniture removed`,
  ];
  const passages = corpus.passages
    .filter((p) => p.articleId === id)
    .map((p) => `[${p.id}] paragraph ${p.paragraph}, chars ${p.start}-${p.end}\n${p.text}`);
  return [...head, '', passages.join('\n\n')].join('\n');
}

function readFrom(a: Article): string {
  return a.publishedVia ? `${a.site} (${a.publishedVia})` : a.site;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Options of `add`: each overrides what the page says about itself. */
const ADD_OPTIONS = {
  outlet: { value: '<name>', help: 'the outlet that wrote it, e.g. "The Northern Ledger"' },
  url: { value: '<address>', help: "the article's address, when the page does not give it or was read elsewhere" },
  date: { value: '<date>', help: 'the date as printed, e.g. "3 June 2025" or "2 days ago"' },
  headline: { value: '<text>', help: 'the headline as printed' },
  via: { value: '<site name>', help: 'the name of the site it was read from, when not the outlet (a republisher)' },
} as const;

function usage(): string {
  const views = Object.entries(VIEWS).map(([flag, v]) => `    ${flag}${v.value ? ` ${v.value}` : ''}  ${v.help}`);
  const adds = Object.entries(ADD_OPTIONS).map(([name, o]) => `    --${name} ${o.value}  ${o.help}`);
  return [
    'usage: npm run corpus -- [command] [options]',
    '  list (the default)  the articles found: outlet, site, headline, date, passages, furniture removed',
    ...views,
    '    --json  with --quotes, --entities or --unknown-names: JSON lines',
    '  add <file or URL>  add a saved web page (.html, .htm), a text file (.txt) or a page fetched from an http(s) address',
    ...adds,
    '    --dry-run  say what would be added, change nothing',
    "  remove <article id>  take an article's page out of the corpus (a copy: give its file)",
    '  --dir <corpus dir>  work on another corpus folder (default: STORY_DESK_CORPUS, else corpus/)',
    '  --help  this text',
  ].join('\n');
}

type Command =
  | { kind: 'help' }
  | { kind: 'list'; dir: string; json: boolean; view?: { flag: string; value: string } }
  | { kind: 'add'; dir: string; source: string; options: Record<string, string>; dryRun: boolean }
  | { kind: 'remove'; dir: string; id: string };

/** Reads argv with node:util parseArgs: one command, its positional argument and its options. */
function parseArgs(args: readonly string[]): Command {
  const viewOptions = Object.fromEntries(
    Object.entries(VIEWS).map(([flag, view]) => [flag.slice(2), { type: view.value ? ('string' as const) : ('boolean' as const) }]),
  );
  const addOptions = Object.fromEntries(Object.keys(ADD_OPTIONS).map((name) => [name, { type: 'string' as const }]));
  let parsed;
  try {
    parsed = parseArgv({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        ...viewOptions,
        ...addOptions,
        dir: { type: 'string' },
        json: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const dir = values.dir ?? corpusDirFromEnvironment();
  const [command = 'list', argument, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const given = (names: readonly string[]) =>
    names.filter((name) => values[name as keyof typeof values] !== undefined).map((n) => `--${n}`);
  const addGiven = given([...Object.keys(ADD_OPTIONS), 'dry-run']);
  const viewGiven = given([...Object.keys(viewOptions), 'json']);
  if (command !== 'add' && addGiven.length > 0) throw new UsageError(`${addGiven[0]} goes with add`);
  if (command !== 'list' && viewGiven.length > 0) throw new UsageError(`${viewGiven[0]} goes with list (or no command)`);
  switch (command) {
    case 'list': {
      if (argument !== undefined) throw new UsageError(`unexpected argument "${argument}"`);
      const views = Object.keys(viewOptions).filter((name) => values[name as keyof typeof values] !== undefined);
      if (views.length > 1) throw new UsageError(`give one view at a time (--${views[0]} and --${views[1]})`);
      const flag = views[0];
      const json = values.json ?? false;
      if (flag === undefined) return { kind: 'list', dir, json };
      const value = values[flag as keyof typeof values];
      return { kind: 'list', dir, json, view: { flag: `--${flag}`, value: typeof value === 'string' ? value : '' } };
    }
    case 'add': {
      if (argument === undefined) throw new UsageError('add needs a file or URL, e.g. add saved-page.html');
      const options: Record<string, string> = {};
      for (const name of Object.keys(ADD_OPTIONS)) {
        const value = values[name as keyof typeof values];
        if (typeof value === 'string') options[name] = value;
      }
      return { kind: 'add', dir, source: argument, options, dryRun: values['dry-run'] ?? false };
    }
    case 'remove':
      if (argument === undefined) throw new UsageError('remove needs an article id (npm run corpus -- list shows them)');
      return { kind: 'remove', dir, id: argument };
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function run(command: Command): Promise<string | void> {
  switch (command.kind) {
    case 'help':
      return usage();
    case 'list': {
      const corpus = await loadCorpus(command.dir);
      const spec = command.view ? VIEWS[command.view.flag] : undefined;
      return spec && command.view ? spec.run(corpus, command.view.value, { dir: command.dir, json: command.json }) : table(corpus);
    }
    case 'add': {
      const isUrl = /^[a-z][a-z0-9+.-]*:\/\//iu.test(command.source);
      const summary = await addPage({
        corpusDir: command.dir,
        source: isUrl ? { kind: 'url', url: command.source } : { kind: 'file', path: command.source },
        overrides: command.options,
        dryRun: command.dryRun,
      });
      return summaryLines(summary).join('\n');
    }
    case 'remove': {
      const removal = await removePage(command.dir, command.id);
      return `Removed "${removal.removed}" (${removal.outlet}${removal.headline ? `, "${removal.headline}"` : ''}); deleted ${removal.file}.`;
    }
  }
}

async function main(): Promise<number> {
  try {
    const text = await run(parseArgs(process.argv.slice(2)));
    if (typeof text === 'string') console.log(text);
    return 0;
  } catch (err) {
    if (err instanceof CorpusError || err instanceof GazetteerError || err instanceof CoverageError) {
      console.error(err.message);
      return 1;
    }
    if (err instanceof UsageError) {
      console.error(`${err.message}\n${usage()}`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = await main();
