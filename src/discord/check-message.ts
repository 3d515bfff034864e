import type { MessageContextMenuCommandInteraction } from 'discord.js';
import type { CommandContext } from './command-module.ts';
import { invalidText, replyWithAnswer } from './answer-command.ts';
import { checkInput } from './check-echo.ts';
import { deferReply, sendError } from './reply.ts';

export { CHECK_IN_COVERAGE } from './check-echo.ts';

export const NO_TEXT_TO_CHECK =
  'That message has no text to check (only attachments, embeds or stickers). Check in coverage reads the words of a message.';

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
  const answer = await context.desk.answer({ command: 'check', options: { text }, input: checkInput(text) });
  if (answer.status === 'invalid') {
    await sendError(interaction, invalidText(answer));
    return answer.status;
  }
  await replyWithAnswer(interaction, context, answer, { ephemeral: true });
  return answer.status;
}
