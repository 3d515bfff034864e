/** A refused add or remove: what was wrong and how to fix it. Nothing on disk has changed when one is thrown. */
export class CoverageError extends Error {
  readonly problem: string;
  readonly fix: string;

  constructor(problem: string, fix: string) {
    super(`${problem}. Fix: ${fix}`);
    this.name = 'CoverageError';
    this.problem = problem;
    this.fix = fix;
  }
}
