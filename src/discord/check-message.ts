import type { MessageContextMenuCommandInteraction } from 'discord.js';
import type { CommandContext } from './command-module.ts';
import { invalidText, replyWithAnswer } from './answer-command.ts';
import { deferReply, sendError } from './reply.ts';

/** The message command's name, exactly as Discord shows it in the Apps menu. */
export const CHECK_IN_COVERAGE = 'Check in coverage';

export const NO_TEXT_TO_CHECK =
  'That message has no text to check (only attachments, embeds or stickers). Check in coverage reads the words of a message.';

/** How much of the message the answer's title repeats. */
const ECHO_MAX = 120;

/**
 * Checks the target message against the coverage. Discord sends the message itself with the
 * interaction (resolved.messages), content included, so no privileged intent is needed. The answer is
 * private to the member who asked; Share posts it to the channel.
 */
export async function checkMessage(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Promise<string> {
  const text = interaction.targetMessage.content.trim();
  if (text.length === 0) {
    await sendError(interaction, NO_TEXT_TO_CHECK);
    return 'no_text';
  }
  await deferReply(interaction, { ephemeral: true });
  const flat = text.replace(/\s+/gu, ' ');
  const echo = flat.length > ECHO_MAX ? `${flat.slice(0, ECHO_MAX - 1).trimEnd()}…` : flat;
  const answer = await context.desk.answer({ command: 'check', options: { text }, input: `Check in coverage: “${echo}”` });
  if (answer.status === 'invalid') {
    await sendError(interaction, invalidText(answer));
    return answer.status;
  }
  await replyWithAnswer(interaction, context, answer, { ephemeral: true });
  return answer.status;
}
