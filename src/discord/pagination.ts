import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { APIActionRowComponent, APIButtonComponent, APIComponentInMessageActionRow, ButtonInteraction } from 'discord.js';
import { findCommand } from '../answers/commands.ts';
import type { Answer } from '../answers/model.ts';
import type { Desk } from '../desk/desk.ts';
import { checkInput } from './check-echo.ts';
import { encodeCustomId, fitsCustomId } from './custom-id.ts';
import type { CustomId } from './custom-id.ts';
import { UserFacingError } from './errors.ts';
import { BUTTONS_PER_ROW_MAX } from './limits.ts';
import { pinButton } from './pin.ts';
import { renderAnswer } from './render.ts';
import type { RenderedPage } from './render.ts';
import { NO_MENTIONS } from './reply.ts';
import { shareButton } from './share.ts';

/** What turning a page needs from the command context (command-module.ts's CommandContext fits). */
interface PagingContext {
  desk: Desk;
  pages: PageStore;
}

/**
 * Prev/Next on answers longer than one page. The buttons carry the request itself (command, options,
 * page, asker, corpus version), so a click is answered by asking the desk again: pages survive a restart
 * and work on any shard, and when the corpus changed in between the page says so. Only a request too long
 * for a custom id falls back to pages kept in this process's memory (for an hour), and the answer says
 * that those buttons stop working then or when the bot restarts. The asker's id rides in every page button, so only they can
 * turn the pages.
 */

/** How the pages of an answer are reached again. */
export type PageSource = { kind: 'request'; command: string; options: string[]; corpus: string } | { kind: 'kept'; answerKey: string };

export interface KeptPages {
  pages: RenderedPage[];
  /** The answer cites something (a public copy of it can be pinned). */
  cited: boolean;
}

export interface PageStoreOptions {
  /** At most this many answers are kept; the least recently turned is forgotten first. */
  max: number;
  /** An answer's pages are forgotten this long after they were kept. */
  ttlMs: number;
  /** The clock (tests); lru-cache's own otherwise. */
  now?: () => number;
}

export const DEFAULT_PAGE_STORE: PageStoreOptions = { max: 1_000, ttlMs: 60 * 60_000 };

/** Answers kept for paging when their request does not fit in a button: a bounded LRU with expiry (lru-cache). */
export class PageStore {
  private readonly entries: LRUCache<string, KeptPages>;

  constructor(options: PageStoreOptions = DEFAULT_PAGE_STORE) {
    this.entries = new LRUCache({
      max: options.max,
      ttl: options.ttlMs,
      // Read the clock on every check, so an answer is forgotten the moment its hour is up.
      ttlResolution: 0,
      ...(options.now ? { perf: { now: options.now } } : {}),
    });
  }

  save(entry: KeptPages): string {
    const key = randomBytes(6).toString('hex');
    this.entries.set(key, entry);
    return key;
  }

  get(key: string): KeptPages | undefined {
    return this.entries.get(key);
  }
}

export const NOT_YOUR_PAGES = 'Only the person who asked can turn these pages. Run the command yourself to get your own copy.';
export const PAGES_EXPIRED =
  'These pages are no longer available: the bot keeps them for an hour and forgets them when it restarts. Run the command again for fresh pages.';
export const PAGES_KEPT_IN_MEMORY =
  'ℹ️ This request is too long to carry in the page buttons: Prev/Next work for an hour, or until the bot restarts; after that, run the command again.';
export const COVERAGE_CHANGED =
  'ℹ️ The coverage has changed since this answer was given: this page is from the coverage as it is now, and pages may have moved.';
export const PAGES_INVALID = 'These pages cannot be shown again: the command has changed since this answer was given. Run it again.';

/** True when the answer cites something: only such an answer is worth pinning. */
export function isCited(answer: Answer): boolean {
  return answer.status === 'ok' && answer.results.length > 0;
}

/**
 * How the pages of a new answer will be reached: its request in the buttons when it fits (checked with the
 * longest page number it will carry), otherwise its pages kept in memory.
 */
export function pageSourceOf(answer: Answer, pages: RenderedPage[], askerId: string, store: PageStore): PageSource | undefined {
  if (pages.length <= 1) return undefined;
  const definition = findCommand(answer.command);
  if (definition !== undefined) {
    const request: PageSource = {
      kind: 'request',
      command: answer.command,
      options: definition.options.map((option) => String(answer.options[option.name] ?? '')),
      corpus: answer.corpusVersion ?? '',
    };
    if (fitsCustomId(pageId(request, pages.length - 1, askerId))) return request;
  }
  return { kind: 'kept', answerKey: store.save({ pages, cited: isCited(answer) }) };
}

export interface ComponentOptions {
  /** Set when the answer has more than one page. */
  source?: PageSource | undefined;
  askerId: string;
  page: number;
  pageCount: number;
  /** Private answers get Share; public ones get Pin when they cite something. */
  ephemeral: boolean;
  cited: boolean;
}

export function answerComponents(options: ComponentOptions): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons: APIButtonComponent[] = [];
  if (options.source !== undefined && options.pageCount > 1) {
    const last = options.pageCount - 1;
    const prev = Math.max(0, options.page - 1);
    const next = Math.min(last, options.page + 1);
    buttons.push(
      pageButton('◀ Prev', pageId(options.source, prev, options.askerId, 'prev'), options.page === 0),
      pageButton('Next ▶', pageId(options.source, next, options.askerId, 'next'), options.page === last),
    );
  }
  if (options.ephemeral) buttons.push(shareButton(options.cited));
  else if (options.cited) buttons.push(pinButton());
  if (buttons.length === 0) return [];
  return [{ type: ComponentType.ActionRow, components: buttons.slice(0, BUTTONS_PER_ROW_MAX) }];
}

/** The page button's id for `page` of the answer reached through `source`, turned by `askerId`. */
export function pageId(source: PageSource, page: number, askerId: string, direction: 'prev' | 'next' = 'next'): CustomId {
  return source.kind === 'request'
    ? { kind: 'page', command: source.command, options: source.options, corpus: source.corpus, page, askerId }
    : { kind: 'kept-page', answerKey: source.answerKey, direction, page, askerId };
}

function pageButton(label: string, id: CustomId, disabled: boolean): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: encodeCustomId(id), disabled };
}

type PageButtonId = Extract<CustomId, { kind: 'page' | 'kept-page' }>;

/** Shows the requested page in place. Throws UserFacingError for someone else's pages or ones that cannot come back. */
export async function turnPage(interaction: ButtonInteraction, id: PageButtonId, context: PagingContext): Promise<void> {
  if (interaction.user.id !== id.askerId) throw new UserFacingError(NOT_YOUR_PAGES);
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const shown = id.kind === 'page' ? await pagesAgain(id, context) : keptPages(id, context);
  const page = Math.min(Math.max(0, id.page), shown.pages.length - 1);
  const embeds = shown.pages[page]?.embeds;
  if (embeds === undefined) throw new UserFacingError(PAGES_EXPIRED);
  await interaction.update({
    content: shown.notice ?? '',
    embeds,
    components: answerComponents({
      source: shown.source,
      askerId: id.askerId,
      page,
      pageCount: shown.pages.length,
      ephemeral,
      cited: shown.cited,
    }),
    allowedMentions: NO_MENTIONS,
  });
}

interface PagesAgain {
  pages: RenderedPage[];
  source: PageSource;
  cited: boolean;
  notice?: string;
}

/** Asks the desk again for the request the button carries. */
async function pagesAgain(id: Extract<CustomId, { kind: 'page' }>, context: PagingContext): Promise<PagesAgain> {
  const definition = findCommand(id.command);
  if (definition === undefined) throw new UserFacingError(PAGES_INVALID);
  const options: Record<string, string> = {};
  definition.options.forEach((option, i) => {
    const value = id.options[i];
    if (value !== undefined && value.length > 0) options[option.name] = value;
  });
  // A check's title names the message command it came from, on every page.
  const input = definition.name === 'check' && options['text'] !== undefined ? { input: checkInput(options['text']) } : {};
  const answer = await context.desk.answer({ command: definition.name, options, ...input });
  if (answer.status === 'invalid') throw new UserFacingError(PAGES_INVALID);
  const corpus = answer.corpusVersion ?? '';
  return {
    pages: renderAnswer(answer),
    source: { kind: 'request', command: id.command, options: id.options, corpus },
    cited: isCited(answer),
    ...(corpus === id.corpus ? {} : { notice: COVERAGE_CHANGED }),
  };
}

function keptPages(id: Extract<CustomId, { kind: 'kept-page' }>, context: PagingContext): PagesAgain {
  const entry = context.pages.get(id.answerKey);
  if (entry === undefined) throw new UserFacingError(PAGES_EXPIRED);
  return { pages: entry.pages, source: { kind: 'kept', answerKey: id.answerKey }, cited: entry.cited, notice: PAGES_KEPT_IN_MEMORY };
}
