// Scripted failures: the next request(s) matching a method and path get a chosen answer.

export interface FaultRule {
  /** HTTP method; any when omitted. */
  method?: string;
  /** Tested against the path after /api/v10, without the query (e.g. /interactions/1/abc/callback). */
  path: RegExp;
  status: number;
  /** For 429: the Retry-After in seconds (fractions allowed); default 0.1. */
  retryAfterSeconds?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail; default 1. */
  times?: number;
}

export interface FaultAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export class FaultInjector {
  private readonly rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    if (!(rule.path instanceof RegExp)) throw new Error('failNext needs path as a RegExp, e.g. /\\/interactions\\/.*\\/callback$/');
    if (!Number.isInteger(rule.status) || rule.status < 100 || rule.status > 599)
      throw new Error(`failNext status must be an HTTP status, got ${rule.status}`);
    this.rules.push({ rule, left: rule.times ?? 1 });
  }

  /** Rules not yet used up. */
  get pending(): number {
    return this.rules.length;
  }

  take(method: string, path: string): FaultAnswer | undefined {
    const index = this.rules.findIndex(
      ({ rule }) => (rule.method === undefined || rule.method.toUpperCase() === method) && rule.path.test(path),
    );
    const entry = this.rules[index];
    if (!entry) return undefined;
    entry.left--;
    if (entry.left <= 0) this.rules.splice(index, 1);
    return answerFor(entry.rule);
  }
}

function answerFor(rule: FaultRule): FaultAnswer {
  if (rule.status === 429) {
    const retryAfter = rule.retryAfterSeconds ?? 0.1;
    return {
      status: 429,
      // Discord's shape for a per-route (user) limit; discord.js reads the Retry-After header.
      body: rule.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
      headers: { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user', ...rule.headers },
    };
  }
  return {
    status: rule.status,
    body: rule.body ?? { message: `${rule.status}: injected by the emulator`, code: 0 },
    headers: { ...rule.headers },
  };
}
