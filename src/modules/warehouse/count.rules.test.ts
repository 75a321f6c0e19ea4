import { describe, expect, it } from 'vitest';
import { type CountRules, needsApproval, needsRecount, withinTolerance } from './count.rules';
import { COUNT_TRANSITIONS } from './count.state';
import { COUNT_STATUSES } from './count.tables';

const rules: CountRules = {
  tolerancePct: 2,
  toleranceQty: 1,
  approvalPct: 10,
  approvalValueFen: 5000,
  maxRecounts: 1,
};

describe('count rules', () => {
  it('judges tolerance by units or a share of the book, whichever allows more', () => {
    expect(withinTolerance(10, 11, rules)).toBe(true); // 1 unit
    expect(withinTolerance(10, 12, rules)).toBe(false);
    expect(withinTolerance(500, 510, rules)).toBe(true); // 2 % of 500
    expect(withinTolerance(500, 489, rules)).toBe(false);
    expect(withinTolerance(0, 0, { ...rules, toleranceQty: 0 })).toBe(true);
  });

  it('asks a manager over the share or the value threshold, never for no variance', () => {
    expect(needsApproval(100, 100, 1_000_000, rules)).toBe(false);
    expect(needsApproval(100, 95, null, rules)).toBe(false); // 5 %
    expect(needsApproval(100, 89, null, rules)).toBe(true); // 11 %
    expect(needsApproval(100, 95, 1001, rules)).toBe(true); // 5 × 10.01 CNY > 50 CNY
    expect(needsApproval(100, 95, 1000, rules)).toBe(false); // exactly 50 CNY
    expect(needsApproval(0, 1, null, rules)).toBe(true); // found on an empty book: 100 %
    expect(needsApproval(100, 95, 1001, { ...rules, approvalValueFen: null })).toBe(false);
    expect(needsApproval(100, 99, null, { ...rules, approvalPct: 0 })).toBe(true);
  });

  it('recounts outside the tolerance while recounts are left', () => {
    expect(needsRecount(true, 1, rules)).toBe(true);
    expect(needsRecount(true, 2, rules)).toBe(false);
    expect(needsRecount(false, 1, rules)).toBe(false);
    expect(needsRecount(true, 1, { ...rules, maxRecounts: 0 })).toBe(false);
  });

  it('has a transition table where posted and cancelled are final and every status is reachable', () => {
    expect(COUNT_TRANSITIONS.posted).toEqual([]);
    expect(COUNT_TRANSITIONS.cancelled).toEqual([]);
    const seen = new Set(['planned']);
    const queue = ['planned'];
    while (queue.length)
      for (const next of COUNT_TRANSITIONS[queue.shift() as keyof typeof COUNT_TRANSITIONS])
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    expect([...seen].sort()).toEqual([...COUNT_STATUSES].sort());
    for (const s of COUNT_STATUSES)
      if (s !== 'posted' && s !== 'cancelled') expect(COUNT_TRANSITIONS[s]).toContain('cancelled');
  });
});
