/** The corpus manifest (corpus/sources.json): what is known of each page's provenance, validated with zod. */
import { posix } from 'node:path';
import { z } from 'zod';
import { CorpusError } from './errors.ts';
import { pageFormatOf } from './page-format.ts';

export const MANIFEST_FILE = 'sources.json';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A page path relative to corpus/: no absolute paths, no "..", a .txt, .html or .htm page. */
const pageFile = z
  .string()
  .min(1)
  .superRefine((file, ctx) => {
    const problem = pagePathProblem(file);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export function pagePathProblem(file: string): string | undefined {
  if (/^[\\/]/.test(file) || /^[A-Za-z]:/.test(file)) return `"${file}" is an absolute path, which leaves corpus/`;
  if (file.includes('\\')) return `"${file}" uses backslashes`;
  const normal = posix.normalize(file);
  if (normal === '..' || normal.startsWith('../') || file.split('/').includes('..')) {
    return `"${file}" leaves corpus/`;
  }
  if (pageFormatOf(file) === undefined) return `"${file}" is not a .txt, .html or .htm page`;
  return undefined;
}

const common = {
  file: pageFile,
  /** Domain the page was read from, e.g. "am1.news"; the url's host must be it or a subdomain of it. */
  site: z
    .string()
    // A domain, or an IPv4 address or localhost for pages served on a private network (tests).
    .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$|^\d{1,3}(?:\.\d{1,3}){3}$|^localhost$/, 'expected a domain such as "am1.news"'),
  /** Display name of that site, e.g. "The America One News". */
  siteName: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  /** When the page was read ("2025-06-03" or an ISO time stamp): what a relative date ("2 days ago") counts from. */
  retrieved: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
};

const articleEntry = z.strictObject({
  ...common,
  kind: z.literal('article'),
  /** Optional explicit article id; by default the outlet's slug. */
  id: z.string().regex(ID, 'expected lowercase words joined by "-", e.g. "gb-news"').optional(),
  outlet: z.string().min(1),
  /** As printed; null when the page prints none. */
  headline: z.string().min(1).nullable(),
  /** As printed ("Jun 2, 2025"); null when the page prints no date. */
  date: z.string().min(1).nullable(),
  /** The page lost its opening or has cuts inside. */
  truncated: z.boolean().optional(),
  /** The page republishes this article (its id) word for word: it is cited as the original's republication, never on its own. */
  copyOf: z.string().regex(ID, 'expected an article id such as "gb-news"').optional(),
});

const itemOverride = z.strictObject({
  id: z.string().regex(ID, 'expected lowercase words joined by "-", e.g. "the-times"').optional(),
  outlet: z.string().min(1).optional(),
  headline: z.string().min(1).optional(),
  date: z.string().min(1).nullable().optional(),
  truncated: z.boolean().optional(),
});

const aggregatorEntry = z.strictObject({
  ...common,
  kind: z.literal('aggregator'),
  /** Corrects outlet names as the page prints them, e.g. { "Times": "The Times" }. */
  outletNames: z.record(z.string().min(1), z.string().min(1)).optional(),
  /** Per-item corrections, by position on the page; when given, one per item the page holds. */
  items: z.array(itemOverride).optional(),
});

const pageEntry = z
  .discriminatedUnion('kind', [articleEntry, aggregatorEntry])
  .superRefine((entry, ctx) => {
    if (!URL.canParse(entry.url)) return; // reported by the url field itself
    const host = new URL(entry.url).hostname;
    if (host !== entry.site && !host.endsWith(`.${entry.site}`)) {
      ctx.addIssue({ code: 'custom', path: ['site'], message: `"${entry.site}" is not the host of the url (${host})` });
    }
  });

const manifestSchema = z.strictObject({ pages: z.array(pageEntry).min(1) });

export type Manifest = z.infer<typeof manifestSchema>;
export type PageEntry = z.infer<typeof pageEntry>;
export type ArticleEntry = z.infer<typeof articleEntry>;
export type AggregatorEntry = z.infer<typeof aggregatorEntry>;
export type ItemOverride = z.infer<typeof itemOverride>;

/** Validates a parsed manifest; throws a CorpusError naming the first bad field. */
export function parseManifest(input: unknown, manifestFile = MANIFEST_FILE): Manifest {
  const result = manifestSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new CorpusError({ file: manifestFile, problem: 'invalid manifest', fix: 'see the manifest format in README.md' });
    throw new CorpusError({
      file: manifestFile,
      field: fieldName(issue.path, input),
      problem: issue.message,
      fix: fixFor(issue),
    });
  }
  const manifest = result.data;
  const seen = new Map<string, number>();
  manifest.pages.forEach((page, i) => {
    const first = seen.get(page.file);
    if (first !== undefined) {
      throw new CorpusError({
        file: manifestFile,
        field: `pages[${i}].file`,
        problem: `"${page.file}" is listed twice (also pages[${first}])`,
        fix: 'list each page once',
      });
    }
    seen.set(page.file, i);
    if (page.kind === 'aggregator' && pageFormatOf(page.file) !== 'text') {
      throw new CorpusError({
        file: manifestFile,
        field: `pages[${i}].file`,
        problem: `"${page.file}" is an aggregator page but not plain text`,
        fix: 'save the aggregator page as .txt, or list the web page as an "article"',
      });
    }
  });
  return manifest;
}

/** "pages[2].kind (003_x.txt)": the path, plus the page's file when the input has one. */
function fieldName(path: readonly PropertyKey[], input: unknown): string {
  let name = '';
  for (const key of path) name += typeof key === 'number' ? `[${key}]` : `${name ? '.' : ''}${String(key)}`;
  const index = path[1];
  if (path[0] === 'pages' && typeof index === 'number') {
    const file = (input as { pages?: { file?: unknown }[] }).pages?.[index]?.file;
    if (typeof file === 'string') name += ` (${file})`;
  }
  return name || '(top level)';
}

function fixFor(issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'unrecognized_keys':
      return `remove ${issue.keys.map((k) => `"${k}"`).join(', ')} (unknown keys are not allowed)`;
    case 'invalid_union':
      return last === 'kind' ? 'set "kind" to "article" or "aggregator"' : 'make the entry match the article or aggregator format';
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? `add "${String(last)}" (${issue.expected})` : `make "${String(last)}" a ${issue.expected}`;
    case 'custom':
      return last === 'file' ? 'give a .txt or .html path relative to corpus/, inside it' : `correct "${String(last)}"`;
    default:
      return `correct "${String(last)}"`;
  }
}
