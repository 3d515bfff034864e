import { describe, expect, it } from 'vitest';
import { Cooldown, cooldownMessage } from '../../src/discord/cooldown.ts';

function clock(start = Date.parse('2025-06-02T09:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Cooldown', () => {
  it('allows a few commands per window, then asks the user to wait', () => {
    const time = clock();
    const cooldown = new Cooldown({ limit: 3, windowMs: 10_000, now: time.now });
    expect([cooldown.take('u1'), cooldown.take('u1'), cooldown.take('u1')].every((verdict) => verdict.allowed)).toBe(true);
    time.advance(4_000);
    expect(cooldown.take('u1')).toEqual({ allowed: false, retryAfterMs: 6_000 });
  });

  it('counts each user separately', () => {
    const time = clock();
    const cooldown = new Cooldown({ limit: 1, windowMs: 10_000, now: time.now });
    expect(cooldown.take('u1').allowed).toBe(true);
    expect(cooldown.take('u2').allowed).toBe(true);
    expect(cooldown.take('u1').allowed).toBe(false);
  });

  it('lets the user in again once the oldest command leaves the window', () => {
    const time = clock();
    const cooldown = new Cooldown({ limit: 2, windowMs: 10_000, now: time.now });
    cooldown.take('u1');
    time.advance(5_000);
    cooldown.take('u1');
    expect(cooldown.take('u1').allowed).toBe(false);
    time.advance(5_001);
    expect(cooldown.take('u1').allowed).toBe(true);
    expect(cooldown.take('u1').allowed).toBe(false);
  });

  it('words the wait in whole seconds', () => {
    expect(cooldownMessage(6_000)).toBe("You're sending commands quickly. Please wait 6 seconds and try again.");
    expect(cooldownMessage(200)).toContain('wait 1 second and');
  });

  it('refuses a nonsensical setting', () => {
    expect(() => new Cooldown({ limit: 0, windowMs: 1_000 })).toThrow(/limit/u);
  });
});
