import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { CoverageError } from '../src/coverage/coverage-error.ts';
import { summaryLines } from '../src/coverage/summary.ts';
import { AUTOCOMPLETE_BUDGET_MS, toDiscordChoices, withinDeadline } from '../src/discord/autocomplete.ts';
import type { CommandContext } from '../src/discord/command-module.ts';
import { UserFacingError } from '../src/discord/errors.ts';
import { MESSAGE_CONTENT_MAX } from '../src/discord/limits.ts';
import { deferReply, sendReply } from '../src/discord/reply.ts';
import { escapeText, fitRendered } from '../src/discord/text.ts';

/**
 * /coverage add | remove: moderators add the day's articles (a URL, or an attached .html or .txt page)
 * or take one out. Shown to members with Manage Server; checked again here, since a server's settings
 * can show a command to anyone. The work runs off the gateway's thread; the reply is private.
 */
export const data = new SlashCommandBuilder()
  .setName('coverage')
  .setDescription('Moderators: add an article to the coverage, or remove one.')
  .setContexts(InteractionContextType.Guild)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((add) =>
    add
      .setName('add')
      .setDescription('Add an article: its web address, or its page attached as .html or .txt.')
      .addStringOption((o) =>
        o.setName('url').setDescription("The article's address (with a file: the address to cite)").setMaxLength(2000),
      )
      .addAttachmentOption((o) => o.setName('file').setDescription('The article saved as .html or .txt'))
      .addStringOption((o) => o.setName('outlet').setDescription('The outlet that wrote it, when the page does not say').setMaxLength(100))
      .addStringOption((o) => o.setName('date').setDescription('The date as printed, e.g. 3 June 2025').setMaxLength(100))
      .addStringOption((o) => o.setName('headline').setDescription('The headline as printed').setMaxLength(300)),
  )
  .addSubcommand((remove) =>
    remove
      .setName('remove')
      .setDescription('Remove an article from the coverage.')
      .addStringOption((o) =>
        o.setName('article').setDescription('The article id').setRequired(true).setAutocomplete(true).setMaxLength(100),
      ),
  );

export const NEEDS_MANAGE_SERVER = 'Only members with the Manage Server permission can change the coverage.';

export async function execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserFacingError(NEEDS_MANAGE_SERVER);
  const editor = context.coverage;
  if (!editor)
    throw new UserFacingError(
      'This bot cannot change its coverage here: it was started with a fixed desk. Use npm run corpus -- add on its host.',
    );
  await deferReply(interaction, { ephemeral: true });
  let text: string;
  try {
    if (interaction.options.getSubcommand() === 'remove') {
      const removal = await editor.remove(interaction.options.getString('article', true));
      text = `Removed "${removal.removed}" (${removal.outlet}). Answers no longer cite it.`;
    } else {
      const file = interaction.options.getAttachment('file');
      const url = interaction.options.getString('url') ?? undefined;
      const summary = await editor.add({
        ...(url ? { url } : {}),
        ...(file ? { attachment: { url: file.url, name: file.name } } : {}),
        ...optional('outlet', interaction.options.getString('outlet')),
        ...optional('date', interaction.options.getString('date')),
        ...optional('headline', interaction.options.getString('headline')),
      });
      text = summaryLines(summary).join('\n');
    }
  } catch (error) {
    if (error instanceof CoverageError)
      throw new UserFacingError(fitRendered(error.message, MESSAGE_CONTENT_MAX, (t) => `⚠️ ${escapeText(t)}`));
    throw error;
  }
  await sendReply(interaction, { content: fitRendered(text, MESSAGE_CONTENT_MAX, escapeText) }, { ephemeral: true });
  return 'ok';
}

export async function autocomplete(interaction: AutocompleteInteraction, context: CommandContext): Promise<void> {
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.respond([]);
    return;
  }
  const typed = String(interaction.options.getFocused());
  await interaction.respond(toDiscordChoices(await withinDeadline(context.desk.complete('article', typed), AUTOCOMPLETE_BUDGET_MS, [])));
}

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
