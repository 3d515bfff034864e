/**
 * The console (`npm start` without DISCORD_TOKEN) picks up coverage added while it runs, from the
 * folder watch and on SIGHUP, which reloads and never ends it.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addPage } from '../../src/coverage/add-page.ts';
import { COVERAGE_FIXTURES } from '../support/page-server.ts';
import { SEED_CORPUS_DIR } from '../support/seed-corpus.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'story-desk-console-'));
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(temp, { recursive: true, force: true });
});

function startConsole(corpusDir: string) {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.resolve('src/main.ts')], {
    env: { ...process.env, DISCORD_TOKEN: '', STORY_DESK_CORPUS: corpusDir },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = async (pattern: RegExp, from = 0, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(output.slice(from))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${output}`);
      if (child.exitCode !== null) throw new Error(`the console exited (${child.exitCode}); output:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { child, waitFor, mark: () => output.length, send: (line: string) => child.stdin.write(`${line}\n`) };
}

describe('the console watches the corpus', () => {
  it('answers from a page added while it runs, and reloads on SIGHUP without exiting', async () => {
    const corpusDir = path.join(temp, 'corpus');
    cpSync(SEED_CORPUS_DIR, corpusDir, { recursive: true });
    const console = startConsole(corpusDir);
    await console.waitFor(/story-desk is running locally/);
    console.send('/outlet name:The Northern Ledger');
    await console.waitFor(/Northern Ledger/);

    let mark = console.mark();
    await addPage({ corpusDir, source: { kind: 'file', path: path.join(COVERAGE_FIXTURES, 'northern-ledger.html') } });
    await console.waitFor(/\[corpus reloaded \(9 articles/, mark);
    mark = console.mark();
    console.send('/quote who:Vukovic');
    await console.waitFor(/Danilo Vukovic: "Nobody from London/, mark);

    mark = console.mark();
    console.child.kill('SIGHUP');
    await console.waitFor(/\[SIGHUP: reloading the corpus\]/, mark);
    console.send('/sources');
    await console.waitFor(/The Northern Ledger/, mark);
    expect(console.child.exitCode).toBeNull();
  }, 90_000);
});
