/** Printed dates worked out to a day (src/corpus/dates.ts), and the date answers show. */
import { describe, expect, it } from 'vitest';
import { resolveDate, shownDate } from '../../src/corpus/dates.ts';

describe('resolveDate', () => {
  it('reads a date printed in full, and a time stamp as the day the page wrote', () => {
    expect(resolveDate('Jun 2, 2025')).toEqual({ iso: '2025-06-02', approximate: false });
    expect(resolveDate('Tuesday 3 June 2025 07:15 BST')).toEqual({ iso: '2025-06-03', approximate: false });
    expect(resolveDate('2025-06-03T23:30:00-05:00')).toEqual({ iso: '2025-06-03', approximate: false });
  });

  it('counts a relative date from the retrieval date, marked approximate', () => {
    expect(resolveDate('2 days ago', '2025-06-03')).toEqual({ iso: '2025-06-01', approximate: true });
    expect(resolveDate('yesterday', '2025-06-03T10:00:00Z')).toEqual({ iso: '2025-06-02', approximate: true });
    expect(resolveDate('June 4', '2025-06-10')).toEqual({ iso: '2025-06-04', approximate: true });
  });

  it('works nothing out without a retrieval date for a relative date, or from words that are no date', () => {
    expect(resolveDate('2 days ago')).toBeUndefined();
    expect(resolveDate('no date here', '2025-06-03')).toBeUndefined();
  });
});

describe('shownDate', () => {
  it('keeps a full printed date, turns a time stamp into a day, and marks relative dates', () => {
    expect(shownDate({ date: 'Jun 2, 2025', day: '2025-06-02', dayApproximate: false })).toBe('Jun 2, 2025');
    expect(shownDate({ date: '2025-06-04T09:20:00+01:00', day: '2025-06-04', dayApproximate: false })).toBe('4 June 2025');
    expect(shownDate({ date: '2 days ago', day: '2025-06-01', dayApproximate: true })).toBe('about 1 June 2025 (printed "2 days ago")');
    expect(shownDate({ date: '2 days ago' })).toBe('2 days ago (retrieval date unknown)');
    expect(shownDate({ date: null })).toBeNull();
  });
});
