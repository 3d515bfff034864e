/**
 * Adding and removing coverage for a running front end (the bot's /coverage): each change runs in its
 * own worker thread, then the desk reloads (a new index is built off the main thread and swapped in
 * at once), so answers cite the new article seconds later. Attachments are fetched only from Discord's
 * CDN or from the origin of DISCORD_API_URL.
 */
import { Worker } from 'node:worker_threads';
import { bootstrapUrl } from '../desk/worker-url.ts';
import type { AddOptions } from './add-page.ts';
import { CoverageError } from './coverage-error.ts';
import type { Removal } from './remove-page.ts';
import type { CoverageSummary } from './summary.ts';

export type CoverageJob = { kind: 'add'; options: AddOptions } | { kind: 'remove'; corpusDir: string; id: string };
export type CoverageJobResult =
  | { ok: true; kind: 'add'; summary: CoverageSummary }
  | { ok: true; kind: 'remove'; removal: Removal }
  | { ok: false; problem: string; fix: string }
  | { ok: false; error: string };

/** Where Discord serves attachments. */
export const DISCORD_CDN_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'] as const;

export interface CoverageEditorOptions {
  corpusDir: string;
  /** Reloads the answering desk after a change; resolves once the new index answers. */
  reload: () => Promise<unknown>;
  /** DISCORD_API_URL when set: its origin serves attachments too (the emulator in tests). */
  apiUrl?: string;
}

export interface AddRequest {
  url?: string;
  attachment?: { url: string; name: string };
  outlet?: string;
  date?: string;
  headline?: string;
}

const WORKER_ENTRY = new URL('./coverage-worker.ts', import.meta.url);

export class CoverageEditor {
  constructor(private readonly options: CoverageEditorOptions) {}

  /** Origins an attachment may be downloaded from. */
  get attachmentOrigins(): string[] {
    const api = this.options.apiUrl && URL.canParse(this.options.apiUrl) ? [new URL(this.options.apiUrl).origin] : [];
    return [...DISCORD_CDN_ORIGINS, ...api];
  }

  async add(request: AddRequest): Promise<CoverageSummary> {
    const overrides = {
      ...(request.outlet ? { outlet: request.outlet } : {}),
      ...(request.date ? { date: request.date } : {}),
      ...(request.headline ? { headline: request.headline } : {}),
    };
    let options: AddOptions;
    if (request.attachment) {
      const { url, name } = request.attachment;
      const origin = URL.canParse(url) ? new URL(url).origin : '';
      const fromApi =
        this.options.apiUrl !== undefined && URL.canParse(this.options.apiUrl) && origin === new URL(this.options.apiUrl).origin;
      options = {
        corpusDir: this.options.corpusDir,
        source: { kind: 'attachment', url, name },
        // With a file attached, "url" is the article's address rather than a page to fetch.
        overrides: { ...overrides, ...(request.url ? { url: request.url } : {}) },
        fetch: { onlyOrigins: this.attachmentOrigins, ...(fromApi ? { allowPrivate: true } : {}) },
      };
    } else if (request.url) {
      options = { corpusDir: this.options.corpusDir, source: { kind: 'url', url: request.url }, overrides };
    } else {
      throw new CoverageError(
        'give a page to add',
        'fill in "url" with the article\'s address, or attach its .html or .txt file as "file"',
      );
    }
    const result = await runJob({ kind: 'add', options });
    if (result.kind !== 'add') throw new Error('the coverage worker answered an add with a remove');
    await this.options.reload();
    return result.summary;
  }

  async remove(id: string): Promise<Removal> {
    const result = await runJob({ kind: 'remove', corpusDir: this.options.corpusDir, id });
    if (result.kind !== 'remove') throw new Error('the coverage worker answered a remove with an add');
    await this.options.reload();
    return result.removal;
  }
}

async function runJob(job: CoverageJob): Promise<Extract<CoverageJobResult, { ok: true }>> {
  const worker = new Worker(bootstrapUrl(WORKER_ENTRY), { workerData: job });
  const result = await new Promise<CoverageJobResult>((resolve, reject) => {
    worker.once('message', (message: CoverageJobResult) => resolve(message));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the coverage worker stopped (exit code ${code}) before it answered`)));
  });
  void worker.terminate();
  if (result.ok) return result;
  if ('problem' in result) throw new CoverageError(result.problem, result.fix);
  throw new Error(result.error);
}
