/**
 * Runs one add or remove in a worker thread, for the bot: reading, cleaning and analysing a page never
 * runs on the thread that keeps Discord's heartbeats. Answers with the summary or the refusal.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { addPage } from './add-page.ts';
import { CoverageError } from './coverage-error.ts';
import type { CoverageJob, CoverageJobResult } from './coverage-editor.ts';
import { removePage } from './remove-page.ts';

async function run(job: CoverageJob): Promise<CoverageJobResult> {
  try {
    if (job.kind === 'remove') return { ok: true, kind: 'remove', removal: await removePage(job.corpusDir, job.id) };
    return { ok: true, kind: 'add', summary: await addPage(job.options) };
  } catch (error) {
    if (error instanceof CoverageError) return { ok: false, problem: error.problem, fix: error.fix };
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.postMessage(await run(workerData as CoverageJob));
