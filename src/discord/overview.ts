import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answer } from '../answers/model.ts';
import { overviewPictures, type RenderedPicture } from '../pictures/index.ts';
import { invalidText } from './answer-command.ts';
import { PRIVATE_OPTION } from './builder.ts';
import type { CommandContext } from './command-module.ts';
import { answerComponents } from './pagination.ts';
import { renderAnswer } from './render.ts';
import { deferReply, sendError, sendReply } from './reply.ts';

/**
 * /overview: the answer's header (what the pictures show, in words) and the pictures themselves as PNG
 * attachments, each shown in an embed. Drawing takes a few hundred milliseconds and depends on the
 * corpus alone, so the pictures of the current corpus version are kept and reused.
 */

let kept: { corpusVersion: string; pictures: RenderedPicture[] } | undefined;

function picturesOf(answer: Answer & { overview: NonNullable<Answer['overview']> }): RenderedPicture[] {
  if (answer.corpusVersion !== undefined && kept?.corpusVersion === answer.corpusVersion) return kept.pictures;
  const pictures = overviewPictures(answer.overview);
  if (answer.corpusVersion !== undefined) kept = { corpusVersion: answer.corpusVersion, pictures };
  return pictures;
}

export async function answerOverview(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<string> {
  const ephemeral = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
  await deferReply(interaction, { ephemeral });
  const answer = await context.desk.answer({ command: 'overview', options: {} });
  if (answer.status === 'invalid' || answer.overview === undefined) {
    await sendError(interaction, invalidText(answer));
    return answer.status;
  }
  const pictures = picturesOf({ ...answer, overview: answer.overview });
  const header = renderAnswer(answer)[0]!.embeds[0]!;
  await sendReply(
    interaction,
    {
      embeds: [
        header,
        ...pictures.map((picture) => ({
          color: header.color ?? 0,
          title: picture.title,
          image: { url: `attachment://${picture.name}.png` },
        })),
      ],
      files: pictures.map((picture) => ({ attachment: picture.png, name: `${picture.name}.png`, description: picture.description })),
      components: answerComponents({ askerId: interaction.user.id, page: 0, pageCount: 1, ephemeral, cited: false }),
    },
    { ephemeral },
  );
  return answer.status;
}
