/**
 * Reads a saved web page: the article text by @mozilla/readability (the reader-mode extractor) over a
 * DOM from linkedom, and what the page says about itself (outlet, headline, date, address) from its
 * Open Graph, article and JSON-LD metadata. Pure: a string in, text and metadata out.
 *
 * The extracted text is one block (paragraph, heading, list item, quotation) per line, blank lines
 * between: the furniture rules then read it like a plain-text page, and passage offsets point into it.
 * It is a function of the page's bytes alone, so an offset always leads back to the same words.
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import { collapseSpace } from './text.ts';

/** What a page says about itself; each field only when the page gives it. */
export interface PageMetadata {
  outlet?: string;
  headline?: string;
  /** As the page gives it: an ISO time stamp from metadata, or a date as printed. */
  date?: string;
  /** The page's own address (canonical link or og:url). */
  url?: string;
}

export interface HtmlExtraction {
  /** Article text, one block per line with a blank line between blocks; "" when no article was found. */
  text: string;
  metadata: PageMetadata;
  /** Visible characters of the page body that are not in the article text: navigation, banners, captions... */
  removedChars: number;
}

/** Blocks whose text is one line of the article. */
const TEXT_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH']);
/** Blocks that are never article text: picture captions and credits, embedded media, forms. */
const SKIPPED = new Set(['FIGCAPTION', 'FIGURE', 'PICTURE', 'IMG', 'VIDEO', 'AUDIO', 'IFRAME', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'FORM', 'BUTTON', 'SVG']);

/** The little of the DOM this module reads (the project builds without the DOM's global types). */
interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  tagName: string;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}
interface DomDocument {
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|WebPage)$/u;

// Loaded on first use: they cost a worker start a quarter of a second, and most corpora hold no web page.
const require = createRequire(import.meta.url);
let dom: { parseHTML: typeof ParseHtml; Readability: typeof ReadabilityClass } | undefined;
function domLibraries(): NonNullable<typeof dom> {
  if (!dom) {
    const { parseHTML } = require('linkedom') as { parseHTML: typeof ParseHtml };
    const { Readability } = require('@mozilla/readability') as { Readability: typeof ReadabilityClass };
    dom = { parseHTML, Readability };
  }
  return dom;
}

export function extractHtmlPage(html: string): HtmlExtraction {
  const { parseHTML, Readability } = domLibraries();
  const document = parseHTML(html).document as unknown as DomDocument;
  // Metadata first: Readability rewrites the document it reads.
  const metadata = readMetadata(document);
  const pageChars = visibleLength(document.body?.textContent ?? '', document.body);
  const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { disableJSONLD: true }).parse();
  const lines: string[] = [];
  if (article?.content) {
    const content = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as DomDocument;
    if (content.body) collectBlocks(content.body, lines);
  }
  const text = lines.join('\n\n');
  return { text, metadata, removedChars: Math.max(0, pageChars - visibleLength(text)) };
}

/** Appends the text of every innermost block under `node`, skipping captions and media. */
function collectBlocks(node: DomElement, lines: string[]): void {
  let inline = '';
  const flush = () => {
    const line = collapseSpace(inline);
    if (line !== '') lines.push(line);
    inline = '';
  };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      inline += child.textContent ?? '';
      continue;
    }
    if (child.nodeType !== 1) continue;
    const element = child as DomElement;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag)) continue;
    if (tag === 'BR') {
      flush();
      continue;
    }
    if (TEXT_BLOCKS.has(tag) && !hasBlockInside(element)) {
      flush();
      const line = collapseSpace(element.textContent ?? '');
      if (line !== '') lines.push(line);
      continue;
    }
    if (isInline(tag)) {
      inline += element.textContent ?? '';
      continue;
    }
    flush();
    collectBlocks(element, lines);
  }
  flush();
}

const INLINE = new Set(['A', 'B', 'STRONG', 'I', 'EM', 'SPAN', 'SMALL', 'SUB', 'SUP', 'U', 'Q', 'CITE', 'ABBR', 'TIME', 'MARK', 'CODE', 'S', 'DEL', 'INS']);

function isInline(tag: string): boolean {
  return INLINE.has(tag);
}

function hasBlockInside(element: DomElement): boolean {
  for (const child of Array.from(element.children)) {
    const tag = child.tagName.toUpperCase();
    if (!isInline(tag) && tag !== 'BR') return true;
  }
  return false;
}

function visibleLength(text: string, body?: DomElement | null): number {
  let hidden = 0;
  if (body) {
    for (const el of Array.from(body.querySelectorAll('script, style, noscript, template'))) {
      hidden += (el.textContent ?? '').replace(/\s+/gu, '').length;
    }
  }
  return text.replace(/\s+/gu, '').length - hidden;
}

function readMetadata(document: DomDocument): PageMetadata {
  const meta = (...names: string[]): string | undefined => {
    for (const name of names) {
      const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
      const content = collapseSpace(element?.getAttribute('content') ?? '');
      if (content !== '') return content;
    }
    return undefined;
  };
  const ld = readJsonLd(document);
  const h1 = collapseSpace(document.querySelector('h1')?.textContent ?? '');
  const time = document.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? undefined;
  const timeText = collapseSpace(document.querySelector('time')?.textContent ?? '');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;

  const metadata: PageMetadata = {};
  const outlet = meta('og:site_name') ?? ld.publisher;
  const headline = meta('og:title', 'twitter:title') ?? ld.headline ?? (h1 || undefined);
  const date = meta('article:published_time', 'datePublished') ?? ld.datePublished ?? time ?? (timeText || undefined);
  const url = canonical ?? meta('og:url');
  if (outlet) metadata.outlet = outlet;
  if (headline) metadata.headline = headline;
  if (date) metadata.date = date;
  if (url && /^https?:\/\//iu.test(url)) metadata.url = url;
  return metadata;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  publisher?: string;
}

/** The first article-like object in the page's JSON-LD blocks (a malformed block is skipped). */
function readJsonLd(document: DomDocument): JsonLdArticle {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of flattenLd(data)) {
      const type = item['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue;
      const found: JsonLdArticle = {};
      if (typeof item['headline'] === 'string') found.headline = collapseSpace(item['headline']);
      if (typeof item['datePublished'] === 'string') found.datePublished = item['datePublished'].trim();
      const publisher = item['publisher'];
      const publisherName = Array.isArray(publisher) ? (publisher[0] as Record<string, unknown>)?.['name'] : (publisher as Record<string, unknown> | undefined)?.['name'];
      if (typeof publisherName === 'string') found.publisher = collapseSpace(publisherName);
      if (found.headline || found.datePublished || found.publisher) return found;
    }
  }
  return {};
}

function flattenLd(data: unknown): Record<string, unknown>[] {
  if (Array.isArray(data)) return data.flatMap(flattenLd);
  if (data === null || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const graph = record['@graph'];
  return [record, ...(Array.isArray(graph) ? graph.flatMap(flattenLd) : [])];
}
