import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Answer, FigureComparison, Result } from '../answers/model.ts';
import {
  EMBED_AUTHOR_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_URL_MAX,
  EMBEDS_PER_MESSAGE_MAX,
  EMBEDS_TOTAL_MAX,
} from './limits.ts';
import { normaliseRanges } from '../answers/highlight.ts';
import { escapeText, fitEscaped, fitRendered } from './text.ts';

/**
 * Answer -> pages of embeds. Each page is one message: a header embed (what was asked, the answer's
 * one-line message, notes on the first page), the figures on the first page for /compare, then one
 * embed per cited result: the outlet as author and the headline as title, both linked to the source,
 * the snippet, the speaker for quotations, "also reported by", and the date in the footer. Whole
 * articles (/sources) are listed a line each instead.
 * Everything from the answer is escaped; every page fits Discord's limits.
 */

export interface RenderedPage {
  embeds: APIEmbed[];
}

/** Results per page: enough for /ask's five, few enough to read at a glance. */
export const RESULTS_PER_PAGE = 5;
/*
 * Budgets that keep the worst first page under 6,000 characters: header (title 256 + 1,000 + footer)
 * + figures (2,000) + one result (author 256 + title 256 + label 100 + snippet 700 + speaker 200 + also 300
 * + date 100).
 * Later results go to the next page when they do not fit.
 */
const SNIPPET_MAX = 700;
const SPEAKER_LINE_MAX = 200;
const ALSO_LINE_MAX = 300;
const DATE_MAX = 100;
const LABEL_MAX = 100;
/** A message's altered version of a quotation (Check in coverage), beside the printed one. */
const AS_QUOTED_MAX = 300;
/** Room for the first page's message and notes when results or figures follow them. */
const HEADER_WITH_RESULTS_MAX = 1_000;
/** Room for all figure fields together. */
const FIGURES_MAX = 2_000;

const COLOURS = { ok: 0x2b6cb0, empty: 0x718096, invalid: 0xc53030 } as const;

export function renderAnswer(answer: Answer): RenderedPage[] {
  const colour = COLOURS[answer.status];
  // Whole articles (/sources) are a compact list, a line each; passages are an embed each.
  const resultEmbeds = answer.results.every((result) => result.passageId === null)
    ? renderArticleList(answer.results, colour)
    : answer.results.map((result) => renderResult(result, colour));
  const figures = renderFigures(answer.figures ?? [], colour);

  const pages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let used = 0;
  const startPage = () => {
    current = [];
    // Reserve the largest header this page could get (notes only on page one; a page count footer).
    const header = renderHeader(answer, colour, { notes: pages.length === 0, page: 999, pageCount: 999, roomy: false });
    const reserved = pages.length === 0 ? [header, ...figures] : [header];
    used = reserved.reduce((sum, embed) => sum + embedLength(embed), 0);
    return reserved.length;
  };
  let reservedCount = startPage();
  for (const embed of resultEmbeds) {
    const length = embedLength(embed);
    const full =
      current.length >= RESULTS_PER_PAGE || reservedCount + current.length + 1 > EMBEDS_PER_MESSAGE_MAX || used + length > EMBEDS_TOTAL_MAX;
    if (full && current.length > 0) {
      pages.push(current);
      reservedCount = startPage();
    }
    current.push(embed);
    used += length;
  }
  pages.push(current);

  return pages.map((results, index) => ({
    embeds: [
      renderHeader(answer, colour, {
        notes: index === 0,
        page: index + 1,
        pageCount: pages.length,
        roomy: resultEmbeds.length === 0 && figures.length === 0,
      }),
      ...(index === 0 ? figures : []),
      ...results,
    ],
  }));
}

interface HeaderOptions {
  notes: boolean;
  page: number;
  pageCount: number;
  /** Nothing follows the header (help, errors): it may use the whole description. */
  roomy: boolean;
}

function renderHeader(answer: Answer, colour: number, options: HeaderOptions): APIEmbed {
  const room = options.roomy ? EMBED_DESCRIPTION_MAX : HEADER_WITH_RESULTS_MAX;
  const message = fitEscaped(answer.message, room);
  const lines = [message];
  if (options.notes && answer.notes.length > 0) {
    lines.push(
      '',
      fitList(
        answer.notes.map((note) => `• ${escapeText(note)}`),
        room - message.length - 2,
        '\n',
        (n) => `…and ${n} more note${n === 1 ? '' : 's'}`,
      ),
    );
  }
  const embed: APIEmbed = {
    color: colour,
    title: fitEscaped(answer.input.trim() || `/${answer.command}`, EMBED_TITLE_MAX),
    description: lines.join('\n').trimEnd() || '\u200b',
  };
  if (options.pageCount > 1) embed.footer = { text: `Page ${options.page} of ${options.pageCount}` };
  return embed;
}

function renderResult(result: Result, colour: number): APIEmbed {
  const url = safeUrl(result.url);
  const outlet = result.publishedVia ? `${result.outlet} (via ${result.publishedVia})` : result.outlet;
  const quotation = result.speaker !== undefined;

  const tail: string[] = [];
  if (result.asQuoted) {
    const { text, highlights } = result.asQuoted;
    const label = 'The message has: ';
    tail.push(label + fitRendered(text, AS_QUOTED_MAX - label.length - 2, (shown) => `“${highlight(shown, text, highlights)}”`));
  }
  if (quotation) {
    const printedAs =
      result.speakerAsPrinted && result.speakerAsPrinted !== result.speaker
        ? ` (printed as “${fitEscaped(result.speakerAsPrinted, 80)}”)`
        : '';
    tail.push(fitRendered(`${result.speaker}`, SPEAKER_LINE_MAX, (speaker) => `— **${escapeText(speaker)}**${printedAs}`));
  }
  const also = uniqueOutlets(result);
  if (also.length > 0) {
    const label = result.sharedWords ? 'The same quoted words also in: ' : 'Also reported by: ';
    tail.push(
      label +
        fitList(
          also.map((outlet) => fitEscaped(outlet, 100)),
          ALSO_LINE_MAX - label.length,
          ', ',
          (n) => `and ${n} more`,
        ),
    );
  }
  if (result.republishedBy?.length) {
    const label = 'Republished by: ';
    tail.push(
      label +
        fitList(
          result.republishedBy.map((site) => fitEscaped(site, 100)),
          ALSO_LINE_MAX - label.length,
          ', ',
          (n) => `and ${n} more`,
        ),
    );
  }
  const tailText = tail.join('\n');
  // Why this result is here, when a command mixes kinds ("Lead", "Only in Sky News").
  const labelText = result.label ? fitRendered(result.label, LABEL_MAX, (label) => `__${escapeText(label)}__`) : '';
  const snippetRoom = Math.min(SNIPPET_MAX, EMBED_DESCRIPTION_MAX - tailText.length - labelText.length - 4);
  const snippet = fitRendered(result.snippet, snippetRoom, (text) => highlight(text, result.snippet, result.highlights));
  const body = quotation
    ? snippet
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')
    : snippet;

  const embed: APIEmbed = {
    color: colour,
    author: { name: plainFit(outlet, EMBED_AUTHOR_MAX), ...(url ? { url } : {}) },
    title: fitEscaped(result.headline || 'Untitled article', EMBED_TITLE_MAX),
    description: [labelText, body, tailText].filter((part) => part.length > 0).join('\n') || '\u200b',
    footer: { text: plainFit(result.date ?? 'No date printed', Math.min(DATE_MAX, EMBED_FOOTER_MAX)) },
  };
  if (url) embed.url = url;
  return embed;
}

/** Room for one article list embed: what a page has left after the largest header, so that the list fits one message. */
const ARTICLE_LIST_MAX = 3_800;

/** One line per article (outlet, linked headline, date), packed into as few embeds as fit. */
function renderArticleList(results: Result[], colour: number): APIEmbed[] {
  const lines = results.map((result) => {
    const url = safeUrl(result.url);
    const outlet = `**${fitEscaped(result.outlet, 100)}**${result.publishedVia ? ` (via ${fitEscaped(result.publishedVia, 100)})` : ''}`;
    const headline = fitEscaped(result.headline || 'Untitled article', 200);
    const label = result.label ? ` · _${fitEscaped(result.label, LABEL_MAX)}_` : '';
    return `${outlet}: ${url ? `[${headline}](${url})` : headline} · ${fitEscaped(result.date ?? 'no date printed', DATE_MAX)}${label}`;
  });
  const embeds: APIEmbed[] = [];
  let description = '';
  for (const line of lines) {
    if (description.length > 0 && description.length + 1 + line.length > ARTICLE_LIST_MAX) {
      embeds.push({ color: colour, description });
      description = '';
    }
    description = description.length > 0 ? `${description}\n${line}` : line;
  }
  if (description.length > 0) embeds.push({ color: colour, description });
  return embeds;
}

function renderFigures(figures: FigureComparison[], colour: number): APIEmbed[] {
  if (figures.length === 0) return [];
  const fields: APIEmbedField[] = [];
  let left = FIGURES_MAX;
  for (const figure of figures.slice(0, EMBED_FIELDS_MAX)) {
    const name = fitEscaped(figure.counts, Math.min(EMBED_FIELD_NAME_MAX, 200));
    const lines = figure.values.map((value) => `**${fitEscaped(value.outlet, 100)}**: ${fitEscaped(value.printed, 200)}`);
    const value = fitList(lines, Math.min(EMBED_FIELD_VALUE_MAX, left - name.length), '\n', (n) => `…and ${n} more`);
    if (value.length === 0 || name.length === 0) break;
    fields.push({ name, value });
    left -= name.length + value.length;
    if (left < 100) break;
  }
  const hidden = figures.length - fields.length;
  return [
    {
      color: colour,
      title: 'Figures that differ between outlets',
      fields,
      ...(hidden > 0 ? { footer: { text: `${hidden} more figure${hidden === 1 ? '' : 's'} not shown` } } : {}),
    },
  ];
}

/** Escapes the snippet and bolds the matched words; `original` is the untruncated snippet the ranges refer to. */
function highlight(text: string, original: string, ranges: [number, number][]): string {
  // A truncated text ends with an ellipsis that is not part of the original.
  const valid = text === original ? text.length : text.length - 1;
  const merged = normaliseRanges(ranges, valid);
  let out = '';
  let at = 0;
  for (const [start, end] of merged) {
    out += escapeText(text.slice(at, start));
    const word = text.slice(start, end);
    const core = word.trim();
    if (core.length === 0) {
      out += escapeText(word);
    } else {
      const lead = word.slice(0, word.indexOf(core));
      const trail = word.slice(word.indexOf(core) + core.length);
      out += `${escapeText(lead)}**${escapeText(core)}**${escapeText(trail)}`;
    }
    at = end;
  }
  return out + escapeText(text.slice(at));
}

/** Joins already-escaped items until `max`, then says how many were left out. */
function fitList(items: string[], max: number, separator: string, more: (count: number) => string): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const item = items[i] ?? '';
    const candidate = out.length === 0 ? item : `${out}${separator}${item}`;
    const rest = items.length - i - 1;
    const suffix = rest > 0 ? `${separator}${more(rest)}` : '';
    if (candidate.length + suffix.length > max) {
      const remaining = items.length - i;
      const note = out.length === 0 ? more(remaining) : `${out}${separator}${more(remaining)}`;
      return note.length <= max ? note : fitRendered(out, max, (text) => text);
    }
    out = candidate;
  }
  return out;
}

/** Author names and footers render no markdown and no mentions, so they only need to fit. */
function plainFit(text: string, max: number): string {
  return fitRendered(text, max, (value) => value) || '\u200b';
}

function uniqueOutlets(result: Result): string[] {
  const seen = new Set([result.outlet]);
  const outlets: string[] = [];
  for (const also of result.alsoIn) {
    if (seen.has(also.outlet)) continue;
    seen.add(also.outlet);
    outlets.push(also.outlet);
  }
  return outlets;
}

/** Discord refuses an embed whose url is not http(s); such a link is dropped rather than the answer. */
function safeUrl(url: string): string | undefined {
  if (url.length > EMBED_URL_MAX) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The characters Discord counts towards the 6,000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
