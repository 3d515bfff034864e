/**
 * End to end against the Discord emulator: the message command "Check in coverage" on members' own
 * messages (written for these tests), one kind of claim at a time, answered privately with Share.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIMessage } from 'discord.js';
import { NOTHING_CHECKABLE } from '../../src/answers/check.ts';
import { startDesk } from '../../src/desk/start-desk.ts';
import { CHECK_IN_COVERAGE, NO_TEXT_TO_CHECK } from '../../src/discord/check-message.ts';
import type { EmulatedUser } from '../emulator/index.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';
import { expectMessageWithinLimits } from './support/discord-limits.ts';
import { buttons, finalMessage, isEphemeral, startHarness, visibleTexts } from './support/harness.ts';
import type { Harness } from './support/harness.ts';

let h: Harness;
let userCount = 0;
const member = (): EmulatedUser => h.emulator.addUser({ username: `checker${++userCount}` });

beforeAll(async () => {
  h = await startHarness(await startDesk({ corpusDir: SEED_CORPUS_DIR, cacheDir: false }));
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

/** Someone posts `content`; another member runs Check in coverage on it. Returns the private answer. */
async function checkIn(content: string, checker: EmulatedUser = member()): Promise<APIMessage> {
  const posted = h.emulator.postMessage({ user: h.emulator.addUser({ username: `poster${++userCount}` }), content });
  const interaction = await h.emulator.sendMessageCommand({ name: CHECK_IN_COVERAGE, targetMessageId: posted.id, user: checker });
  const answer = await finalMessage(interaction);
  expectMessageWithinLimits(answer);
  return answer;
}

const text = (message: APIMessage) => visibleTexts(message).join('\n');
const cited = (message: APIMessage) => (message.embeds ?? []).filter((embed) => embed.author !== undefined);

describe('Check in coverage', () => {
  it('is registered as a message command with exactly that name and no description', () => {
    const registered = h.emulator.registeredCommands({ guildId: h.emulator.guildId }).find((command) => command.type === 3);
    expect(registered?.name).toBe('Check in coverage');
    expect(registered?.description ?? '').toBe('');
  });

  it('quoted words printed word for word: who said them, per outlet, privately with Share', async () => {
    const answer = await checkIn('Kosovo\'s president actually said "We would be open to discussing it" when asked');
    expect(isEphemeral(answer)).toBe(true);
    expect(buttons(answer).some((button) => button.label?.includes('Share'))).toBe(true);
    const quoted = cited(answer).find((embed) => embed.author?.name.startsWith('Sky News'));
    expect(quoted?.description).toContain('word for word');
    expect(quoted?.description).toContain('— **Vjosa Osmani**');
    expect(text(answer)).toContain('quoted word for word as Sky News printed it, said by Vjosa Osmani');
  });

  it('an altered quotation is shown beside the printed one, the differing words marked on both sides', async () => {
    const answer = await checkIn('Osmani told reporters "there have been no talks with Britain on this issue" apparently');
    const quoted = cited(answer).find((embed) => embed.author?.name.startsWith('Sky News'));
    expect(quoted?.description).toContain('altered');
    // The printed side: the word the message left out is bold.
    expect(quoted?.description).toContain('no **formal** talks');
    // The message's side: the words it changed are bold.
    expect(quoted?.description).toMatch(/The message has: “there \*\*have\*\* been no talks with \*\*Britain\*\* on this issue”/u);
  });

  it("a figure is set beside each outlet's own figure for the same thing", async () => {
    const answer = await checkIn('Someone said 15,000 migrants have crossed the Channel in small boats so far this year?');
    const figures = (answer.embeds ?? []).find((embed) => embed.title === 'Figures that differ between outlets');
    expect(figures?.fields?.[0]?.name).toContain('the message says 15,000');
    const values = figures?.fields?.[0]?.value ?? '';
    expect(values).toContain('**The Sun**: A record 13,573');
    expect(values).toContain('**Sky News**: Over 12,000');
    expect(text(answer)).toContain('no outlet prints this number');
  });

  it('a claim about a person: the passages reporting what they did, including a refusal', async () => {
    const answer = await checkIn('So Edi Rama agreed to host one of these return hubs in Albania');
    const denials = cited(answer).filter((embed) => embed.description?.includes('Edi Rama: reports a refusal or denial'));
    expect(denials.length).toBeGreaterThan(0);
    expect(denials.some((embed) => /ruled out/u.test(embed.description ?? ''))).toBe(true);
    expect(text(answer)).toMatch(/\d passages? shows? what Edi Rama is reported to have said or done on this/u);
  });

  it('words the message gives to one person that the coverage gives to someone else', async () => {
    const answer = await checkIn('Chris Philp called it "a really important innovation"');
    expect(text(answer)).toContain('The message gives these words to Chris Philp');
    const speakers = cited(answer).map((embed) => /— \*\*([^*]+)\*\*/u.exec(embed.description ?? '')?.[1]);
    expect(speakers).toContain('Keir Starmer');
    expect(speakers).not.toContain('Chris Philp');
  });

  it('named places with nothing more specific: the passages that mention them', async () => {
    const answer = await checkIn('Anyone know what is going on with Montenegro and Serbia lately?');
    const labels = cited(answer).map((embed) => embed.description ?? '');
    expect(labels.some((description) => description.includes('Mentions Serbia'))).toBe(true);
    for (const embed of cited(answer)) expect(embed.description).toMatch(/Serbia|Montenegro/u);
  });

  it('a message with nothing checkable gets an honest reply', async () => {
    const answer = await checkIn('Nice weather today, see you all at lunch!');
    expect(isEphemeral(answer)).toBe(true);
    expect(cited(answer)).toEqual([]);
    expect(text(answer)).toContain(NOTHING_CHECKABLE);
  });

  it('a name the coverage does not know is said to be unknown, not matched to something else', async () => {
    const answer = await checkIn('I read that Zorblax Quint promised free ice cream for everyone');
    expect(cited(answer)).toEqual([]);
    expect(text(answer)).toContain('nothing mentions "Zorblax", "Quint"');
  });

  it('a message without text is answered privately with what Check in coverage reads', async () => {
    const answer = await checkIn('');
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toBe(NO_TEXT_TO_CHECK);
  });

  it('a long check pages statelessly, its title naming the message command on every page', async () => {
    const checker = member();
    const answer = await checkIn('Serbia, Kosovo and Albania?', checker);
    const title = answer.embeds?.[0]?.title;
    expect(title).toBe('Check in coverage: “Serbia, Kosovo and Albania?”');
    expect(answer.embeds?.[0]?.footer?.text).toBe('Page 1 of 2');
    const next = buttons(answer).find((button) => button.label?.startsWith('Next'))!;
    expect(next.custom_id.startsWith('pq|check|')).toBe(true);
    await h.restart();
    await (await h.emulator.clickButton({ messageId: answer.id, customId: next.custom_id, user: checker })).firstResponse();
    const turned = h.emulator.message(answer.id)!;
    expect(turned.embeds?.[0]?.footer?.text).toBe('Page 2 of 2');
    expect(turned.embeds?.[0]?.title).toBe(title);
  });

  it('Share posts the check publicly, saying who shared it', async () => {
    const checker = member();
    const answer = await checkIn('Chris Philp called it "a really important innovation"', checker);
    const share = buttons(answer).find((button) => button.label?.includes('Share'))!;
    const press = await h.emulator.clickButton({ messageId: answer.id, customId: share.custom_id, user: checker });
    const shared = await finalMessage(press, (message) => message.id !== answer.id);
    expect(isEphemeral(shared)).toBe(false);
    expect(shared.content).toBe(`Shared by <@${checker.id}>`);
    expect(shared.mentions ?? []).toEqual([]);
    expect(shared.embeds?.[0]?.title).toBe(answer.embeds?.[0]?.title);
  });
});
