import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIComponentInMessageActionRow, ButtonInteraction } from 'discord.js';
import { decodeCustomId, encodeCustomId, fitsCustomId } from './custom-id.ts';
import type { CustomId } from './custom-id.ts';
import { UserFacingError } from './errors.ts';
import { pinButton } from './pin.ts';
import { NO_MENTIONS } from './reply.ts';

/**
 * The Share button on a private answer: posts the same answer (the page on screen, with its page buttons)
 * publicly in the channel as the reply to the press, saying who shared it. It copies the message the
 * button is on, so it needs no memory and shares exactly what the member saw. The public copy's pages are
 * turned by whoever shared it, and it can be pinned when it cites something.
 */

export function shareButton(cited: boolean): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Success,
    label: '📣 Share',
    custom_id: encodeCustomId({ kind: 'share', cited }),
  };
}

export const sharedBy = (userId: string) => `Shared by <@${userId}>`;
export const NOTHING_TO_SHARE = 'There is nothing to share in this message any more. Run the command again.';

export async function shareAnswer(interaction: ButtonInteraction, id: Extract<CustomId, { kind: 'share' }>): Promise<void> {
  const embeds = interaction.message.embeds.map((embed) => embed.toJSON());
  if (embeds.length === 0) throw new UserFacingError(NOTHING_TO_SHARE);
  const buttons = pageButtonsFor(interaction, interaction.user.id);
  if (id.cited) buttons.push(pinButton());
  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] =
    buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
  // A mention of the sharer names them; NO_MENTIONS keeps it from pinging anyone.
  await interaction.reply({ content: sharedBy(interaction.user.id), embeds, components, allowedMentions: NO_MENTIONS });
}

/** The message's Prev/Next buttons, as they are, but turned by `userId`. */
function pageButtonsFor(interaction: ButtonInteraction, userId: string): APIButtonComponent[] {
  const buttons: APIButtonComponent[] = [];
  for (const row of interaction.message.components) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type !== ComponentType.Button || component.customId === null) continue;
      const id = decodeCustomId(component.customId);
      if (id === null || (id.kind !== 'page' && id.kind !== 'kept-page')) continue;
      const turnedBy = { ...id, askerId: userId };
      // A longer user id could push a full id past 100 characters: the copy is then shown without page buttons.
      if (!fitsCustomId(turnedBy)) return [];
      buttons.push({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: component.label ?? '',
        custom_id: encodeCustomId(turnedBy),
        disabled: component.disabled,
      });
    }
  }
  return buttons;
}
