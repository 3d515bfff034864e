import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIComponentInMessageActionRow, ButtonInteraction } from 'discord.js';
import { encodeCustomId } from './custom-id.ts';
import type { CustomId } from './custom-id.ts';
import { UserFacingError } from './errors.ts';
import { BUTTONS_PER_ROW_MAX } from './limits.ts';
import { pinButton } from './pin.ts';
import type { RenderedPage } from './render.ts';
import { NO_MENTIONS } from './reply.ts';

/**
 * Prev/Next on answers longer than one page. The pages live in memory under a short random key that
 * the buttons carry; the asker's id rides in the custom id, so only they can turn the pages. After a
 * restart the memory is empty and a click gets a clear private message instead of a failure.
 */

export interface StoredPages {
  pages: RenderedPage[];
  askerId: string;
  pinnable: boolean;
}

/** Answers kept for paging; the oldest is forgotten first. */
export class PageStore {
  private readonly entries = new Map<string, StoredPages>();

  constructor(private readonly capacity = 1_000) {}

  save(entry: StoredPages): string {
    const key = randomBytes(6).toString('hex');
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return key;
  }

  get(key: string): StoredPages | undefined {
    return this.entries.get(key);
  }
}

export interface ComponentOptions {
  /** Set when the answer has more than one page. */
  answerKey?: string;
  askerId: string;
  page: number;
  pageCount: number;
  pinnable: boolean;
}

export function answerComponents(options: ComponentOptions): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons: APIButtonComponent[] = [];
  if (options.answerKey !== undefined && options.pageCount > 1) {
    const last = options.pageCount - 1;
    buttons.push(
      pageButton(
        '◀ Prev',
        { kind: 'page', answerKey: options.answerKey, direction: 'prev', page: Math.max(0, options.page - 1), askerId: options.askerId },
        options.page === 0,
      ),
      pageButton(
        'Next ▶',
        { kind: 'page', answerKey: options.answerKey, direction: 'next', page: Math.min(last, options.page + 1), askerId: options.askerId },
        options.page === last,
      ),
    );
  }
  if (options.pinnable) buttons.push(pinButton());
  if (buttons.length === 0) return [];
  return [{ type: ComponentType.ActionRow, components: buttons.slice(0, BUTTONS_PER_ROW_MAX) }];
}

function pageButton(label: string, id: CustomId, disabled: boolean): APIButtonComponent {
  return { type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: encodeCustomId(id), disabled };
}

export const NOT_YOUR_PAGES = 'Only the person who asked can turn these pages. Run the command yourself to get your own copy.';
export const PAGES_EXPIRED =
  'These pages are no longer available: the bot has restarted (or forgotten older answers) since this answer was given. Run the command again for fresh pages.';

/** Shows the requested page in place. Throws UserFacingError for someone else's pages or expired ones. */
export async function turnPage(interaction: ButtonInteraction, id: Extract<CustomId, { kind: 'page' }>, store: PageStore): Promise<void> {
  if (interaction.user.id !== id.askerId) throw new UserFacingError(NOT_YOUR_PAGES);
  const entry = store.get(id.answerKey);
  if (entry === undefined) throw new UserFacingError(PAGES_EXPIRED);
  const page = Math.min(Math.max(0, id.page), entry.pages.length - 1);
  const shown = entry.pages[page];
  if (shown === undefined) throw new UserFacingError(PAGES_EXPIRED);
  await interaction.update({
    embeds: shown.embeds,
    components: answerComponents({
      answerKey: id.answerKey,
      askerId: id.askerId,
      page,
      pageCount: entry.pages.length,
      pinnable: entry.pinnable,
    }),
    allowedMentions: NO_MENTIONS,
  });
}
