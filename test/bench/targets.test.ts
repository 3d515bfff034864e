import { describe, expect, it } from 'vitest';
import type { SizeResult } from '../../bench/core.ts';
import { checkTargets, renderTargets } from '../../bench/targets.ts';

const latency = (p95: number, p99: number) => ({ count: 100, p50: p95 / 2, p95, p99, max: p99 });

/** A size's results with every figure inside the targets, unless overridden. */
function size(label: string, passages: number, overrides: Partial<SizeResult> = {}): SizeResult {
  return {
    label,
    corpusDir: '',
    articles: passages / 10,
    passages,
    vocabulary: 1,
    corpusMs: 1,
    analysisMs: (passages / 10_000) * 2_000,
    analysisKept: false,
    indexBuildMs: 1,
    snapshot: { via: '', bytes: 1, writeMs: 1, loadMs: 1, readyMs: 1_500 },
    heapMb: 250,
    addArticleMs: 900,
    removeArticleMs: 800,
    latency: { ask: latency(0.5, 20), compare: latency(0.6, 30), autocomplete: latency(0.1, 2) },
    deskLatency: {},
    engines: [],
    ...overrides,
  };
}

describe('the targets RESULTS.md reports', () => {
  it('marks every target met when the figures are inside them', () => {
    const checks = checkTargets({ sizes: [size('story', 71), size('10,000', 10_000), size('100,000', 100_000)] });
    expect(checks.length).toBeGreaterThanOrEqual(9);
    expect(checks.filter((c) => c.met !== true)).toEqual([]);
  });

  it('names the slowest command and marks the p99 target missed, with its figure', () => {
    const slow = size('100,000', 100_000, { latency: { ask: latency(5, 20), compare: latency(70, 129) } });
    const checks = checkTargets({ sizes: [size('story', 71), size('10,000', 10_000), slow] });
    const p99 = checks.find((c) => c.target.startsWith("every command's p99 < 50 ms"));
    expect(p99).toMatchObject({ met: false, measured: '129 ms' });
    expect(p99?.target).toContain('compare');
    expect(renderTargets(checks)).toContain('**not met**');
  });

  it('says a target was not measured rather than met when the run skipped it', () => {
    const noSnapshot = size('100,000', 100_000, { snapshot: { via: '', bytes: 0, writeMs: 0, loadMs: 0, readyMs: 0 } });
    const checks = checkTargets({ sizes: [size('story', 71), noSnapshot] });
    expect(checks.find((c) => c.target.startsWith('start to first answer'))?.met).toBeUndefined();
    expect(checks.find((c) => c.target.startsWith('analysis time ratio'))?.met).toBeUndefined();
  });

  it('says when the largest size was smaller than the one the targets are set for', () => {
    const checks = checkTargets({ sizes: [size('story', 71), size('10,000', 10_000)] });
    expect(checks[0]?.target).toContain('not 100,000');
  });
});
