/**
 * The manifest entry for a page being added: what the page says about itself (src/corpus/page-format.ts),
 * overridden by what the person adding it says. Pure: the host (src/coverage/) does the reading and writing.
 */
import { createHash } from 'node:crypto';
import type { PageMetadata } from './html.ts';
import type { ArticleEntry } from './manifest.ts';
import type { PageFormat } from './page-format.ts';

/** What the person adding the page gives; each overrides what the page says. */
export interface EntryOverrides {
  outlet?: string;
  /** The article's address, when it is not where the page was read. */
  url?: string;
  date?: string;
  headline?: string;
  /** The display name of the site the page was read from, when it is not the outlet's own. */
  via?: string;
}

export interface DraftInput {
  metadata: PageMetadata;
  overrides: EntryOverrides;
  /** Where the page was fetched from, for a URL; undefined for a saved file. */
  fetchedFrom?: string;
  /** When the page was read: ISO time stamp. */
  retrieved: string;
  file: string;
}

/** A page that cannot be listed yet: what is missing and which option gives it. */
export interface DraftProblem {
  problem: string;
  fix: string;
}

export function draftEntry(input: DraftInput): ArticleEntry | DraftProblem {
  const { metadata, overrides } = input;
  const url = overrides.url ?? input.fetchedFrom ?? metadata.url;
  if (url === undefined) {
    return { problem: 'the page does not say its own address', fix: 'give the article\'s address with --url https://… (on Discord: the url option)' };
  }
  if (!URL.canParse(url) || !/^https?:$/u.test(new URL(url).protocol)) {
    return { problem: `"${url}" is not an http or https address`, fix: 'give the article\'s address with --url https://…' };
  }
  const outlet = overrides.outlet ?? metadata.outlet;
  if (outlet === undefined) {
    return { problem: 'the page does not name its outlet (no og:site_name or JSON-LD publisher)', fix: 'give it with --outlet "Outlet Name" (on Discord: the outlet option)' };
  }
  const site = siteOf(url);
  return {
    file: input.file,
    kind: 'article',
    site,
    siteName: overrides.via ?? outlet,
    url,
    retrieved: input.retrieved,
    outlet,
    headline: overrides.headline ?? metadata.headline ?? null,
    date: overrides.date ?? metadata.date ?? null,
  };
}

export function isDraftProblem(draft: ArticleEntry | DraftProblem): draft is DraftProblem {
  return 'problem' in draft;
}

/** The domain a page was read from: the URL's host without "www.". */
export function siteOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./u, '');
}

/** A name for the new page: "NNN_<hash of its bytes>.<ext>", NNN one past the highest number in use. */
export function newPageFile(bytes: Uint8Array, format: PageFormat, existing: readonly string[]): string {
  const numbers = existing.map((file) => /^(\d+)_/u.exec(file)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  const next = numbers.length === 0 ? 0 : Math.max(...numbers) + 1;
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `${String(next).padStart(3, '0')}_${hash}.${format === 'html' ? 'html' : 'txt'}`;
}
