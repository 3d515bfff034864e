import { expect } from 'vitest';
import type { APIEmbed } from 'discord.js';

/**
 * Discord's documented limits, written out here independently of src/discord/limits.ts, so a wrong
 * constant there cannot make these checks pass.
 */
export function expectMessageWithinLimits(message: { content?: string; embeds?: APIEmbed[]; components?: unknown[] }): void {
  if (message.content !== undefined) expect(message.content.length).toBeLessThanOrEqual(2_000);
  const embeds = message.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4_096);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2_048);
    expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1_024);
    }
    if (embed.url !== undefined) expect(embed.url).toMatch(/^https?:\/\//u);
    total +=
      (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
    total += (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(6_000);
  for (const row of (message.components ?? []) as { components: { label?: string; custom_id?: string }[] }[]) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const component of row.components) {
      expect(component.label?.length ?? 0).toBeLessThanOrEqual(80);
      expect(component.custom_id?.length ?? 0).toBeLessThanOrEqual(100);
    }
  }
}
