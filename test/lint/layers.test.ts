/**
 * The layer rule bites: `npm run lint`'s dependency-cruiser run, with the project's own rules, on a
 * miniature src/ (test/fixtures/layers/) that crosses each rule once. The run must fail and name
 * every crossing, and must let the downward import through.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = path.join(ROOT, 'test/fixtures/layers');
const DEPCRUISE = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs the checker as `npm run lint` does (its default "err" report) with the fixture as the project. */
function cruiseFixture(): { exitCode: number | null; violations: Violation[] } {
  const args = [DEPCRUISE, 'src', '--config', path.join(ROOT, '.dependency-cruiser.cjs')];
  const run = spawnSync(process.execPath, args, { cwd: FIXTURE, encoding: 'utf8' });
  if (run.error) throw run.error;
  // "  error layer-answers: src/answers/reaches-desk.ts → src/desk/desk.ts"; a cycle continues on the next lines.
  const violations = [...run.stdout.matchAll(/^\s*error ([\w-]+): (\S+) →\s*(\S+)/gmu)].map(([, rule, from, to]) => ({
    rule: rule!,
    from: from!,
    to: to!,
  }));
  return { exitCode: run.status, violations };
}

describe('the layer rule (.dependency-cruiser.cjs)', () => {
  let run: ReturnType<typeof cruiseFixture>;
  beforeAll(() => {
    run = cruiseFixture();
  }, 60_000);

  it('fails the run and names each crossing: upward import, front end to front end, cycle, discord.js in the core, a folder outside the order', () => {
    const { exitCode, violations } = run;
    expect(exitCode).not.toBe(0);
    expect(violations).toEqual(
      expect.arrayContaining([
        { rule: 'layer-answers', from: 'src/answers/reaches-desk.ts', to: 'src/desk/desk.ts' },
        { rule: 'front-end-console', from: 'src/console/reaches-discord.ts', to: 'src/discord/reply.ts' },
        { rule: 'no-cycle', from: 'src/search/cycle-a.ts', to: expect.any(String) },
        {
          rule: 'discord-only-in-front-end',
          from: 'src/corpus/talks-to-discord.ts',
          to: expect.stringMatching(/node_modules\/discord\.js\//u),
        },
        { rule: 'src-folder-in-a-layer', from: 'src/unplaced/helper.ts', to: 'src/search/terms.ts' },
      ]),
    );
    expect(violations).toHaveLength(5);
  });

  it('lets a layer import the layers before it', () => {
    expect(run.violations.filter((violation) => violation.from.endsWith('/allowed.ts'))).toEqual([]);
  });
});
