import type { ChatInputCommandInteraction, RepliableInteraction } from 'discord.js';
import type { Answer } from '../answers/model.ts';
import { findCommand } from '../answers/commands.ts';
import { PRIVATE_OPTION } from './builder.ts';
import type { CommandContext } from './command-module.ts';
import { MESSAGE_CONTENT_MAX } from './limits.ts';
import { PAGES_KEPT_IN_MEMORY, answerComponents, isCited, pageSourceOf } from './pagination.ts';
import { renderAnswer } from './render.ts';
import { deferReply, sendError, sendReply } from './reply.ts';
import { escapeText, fitRendered } from './text.ts';

export interface AnswerCommandOptions {
  /** Acknowledge first ("thinking…") when the answer might take more than a second. */
  defer: boolean;
}

/**
 * The body of every slash command: read the options, ask the desk, reply with the answer (replyWithAnswer).
 * An invalid request is answered privately with what was wrong. Returns the answer's status for the log.
 */
export async function answerCommand(
  interaction: ChatInputCommandInteraction,
  context: CommandContext,
  options: AnswerCommandOptions,
): Promise<string> {
  const definition = findCommand(interaction.commandName);
  if (definition === undefined) throw new Error(`No command named "${interaction.commandName}" in src/answers/commands.ts`);
  const ephemeral = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
  const values: Record<string, string> = {};
  for (const option of definition.options) {
    const value = interaction.options.getString(option.name);
    if (value !== null) values[option.name] = value;
  }

  if (options.defer) await deferReply(interaction, { ephemeral });
  const answer = await context.desk.answer({ command: definition.name, options: values });

  if (answer.status === 'invalid') {
    await sendError(interaction, invalidText(answer));
    return answer.status;
  }

  await replyWithAnswer(interaction, context, answer, { ephemeral });
  return answer.status;
}

/**
 * Sends an answer's first page: Prev/Next when it has several pages, Share when it is private, Pin when it
 * is public and cites something, and a line saying so when its pages cannot outlive a restart.
 */
export async function replyWithAnswer(
  interaction: RepliableInteraction,
  context: CommandContext,
  answer: Answer,
  options: { ephemeral: boolean },
): Promise<void> {
  const pages = renderAnswer(answer);
  const first = pages[0];
  if (first === undefined) throw new Error(`renderAnswer returned no pages for /${answer.command}`);
  const source = pageSourceOf(answer, pages, interaction.user.id, context.pages);
  await sendReply(
    interaction,
    {
      ...(source?.kind === 'kept' ? { content: PAGES_KEPT_IN_MEMORY } : {}),
      embeds: first.embeds,
      components: answerComponents({
        source,
        askerId: interaction.user.id,
        page: 0,
        pageCount: pages.length,
        ephemeral: options.ephemeral,
        cited: isCited(answer),
      }),
    },
    options,
  );
}

/** What was wrong and what is accepted, as one private message. */
export function invalidText(answer: Answer): string {
  const raw = [answer.message, ...answer.notes].join('\n');
  return fitRendered(raw, MESSAGE_CONTENT_MAX, (text) => `⚠️ ${escapeText(text)}`);
}
