/** The one error the corpus stage throws: it names the file, the field, what is wrong and how to fix it. */
export interface CorpusErrorDetails {
  /** File the problem is in, relative to the corpus directory (e.g. "sources.json", "000_x.txt"). */
  file: string;
  /** Manifest field or page part at fault, e.g. "pages[2].kind"; undefined when the whole file is at fault. */
  field?: string | undefined;
  /** What is wrong. */
  problem: string;
  /** How to fix it. */
  fix: string;
}

export class CorpusError extends Error {
  readonly file: string;
  readonly field: string | undefined;
  readonly problem: string;
  readonly fix: string;

  constructor(details: CorpusErrorDetails) {
    const where = details.field === undefined ? details.file : `${details.file}, field ${details.field}`;
    super(`corpus error in ${where}: ${details.problem}. Fix: ${details.fix}`);
    this.name = 'CorpusError';
    this.file = details.file;
    this.field = details.field;
    this.problem = details.problem;
    this.fix = details.fix;
  }
}
