import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/lib/errors';
import type { OrderRow } from './order.tables';
import { checkReturnRequest, deadlineOf, type ReturnableLine, windowDaysFor } from './returns.rules';
import { DEFAULT_RETURN_SETTINGS } from './returns.settings';
import { assertReturnTransition, canReturnTransition, RETURN_TRANSITIONS } from './returns.state';
import { RETURN_STATUSES } from './returns.tables';

const order = { number: 'SO20261122000001' } as OrderRow;
const line = (
  lineNo: number,
  shipped: number,
  returned: number,
  storageClass = 'ambient',
): ReturnableLine => ({
  lineNo,
  skuId: `sku-${lineNo}`,
  skuCode: `SKU-${lineNo}`,
  skuName: null,
  storageClass,
  unitPriceFen: 1990,
  shippedQty: shipped,
  returnedQty: returned,
  receivedQty: returned,
  returnableQty: shipped - returned,
  lots: [],
});
const open = { days: 7, deadline: '2026-11-29', today: '2026-11-25' };

function issuesOf(fn: () => void) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('orders.return_rules_failed');
    return (error as AppError).issues.map((i) => [i.field, i.code]);
  }
  return [];
}

describe('return rules', () => {
  it('accepts what was shipped and not yet returned, within the window', () => {
    expect(
      issuesOf(() =>
        checkReturnRequest(
          { reason: 'quality', condition: 'opened', resolution: 'refund', lines: [{ lineNo: 1, qty: 2 }] },
          [line(1, 3, 1)],
          open,
          order,
        ),
      ),
    ).toEqual([]);
  });

  it('reports every broken rule on its own field', () => {
    const issues = issuesOf(() =>
      checkReturnRequest(
        {
          reason: 'no_longer_wanted',
          condition: 'damaged',
          resolution: 'refund',
          lines: [
            { lineNo: 1, qty: 3 },
            { lineNo: 2, qty: 1 },
            { lineNo: 9, qty: 1 },
            { lineNo: 1, qty: 1 },
          ],
        },
        [line(1, 3, 1), line(2, 1, 0, 'frozen')],
        { ...open, today: '2026-11-30' },
        order,
      ),
    );
    expect(issues).toEqual([
      ['body.reason', 'orders.return_window_passed'],
      ['body.condition', 'orders.return_condition_not_accepted'],
      ['body.lines.0.qty', 'orders.return_qty_exceeds'],
      ['body.lines.1.lineNo', 'orders.return_perishable_no_reason'],
      ['body.lines.2.lineNo', 'orders.return_line_unknown'],
      ['body.lines.3.lineNo', 'orders.return_line_duplicate'],
    ]);
  });

  it('gives faulty goods the longer window, counted in business days of Shanghai', () => {
    expect(windowDaysFor('no_longer_wanted', DEFAULT_RETURN_SETTINGS)).toBe(7);
    expect(windowDaysFor('damaged', DEFAULT_RETURN_SETTINGS)).toBe(15);
    expect(windowDaysFor('other', DEFAULT_RETURN_SETTINGS)).toBe(7);
    // Delivered at 23:30 Beijing time on 22 November (15:30 UTC): the day is the 22nd.
    expect(deadlineOf(new Date('2026-11-22T15:30:00Z'), 7, 'Asia/Shanghai')).toBe('2026-11-29');
    expect(deadlineOf(new Date('2026-11-22T16:30:00Z'), 7, 'Asia/Shanghai')).toBe('2026-11-30');
  });
});

describe('the return state machine', () => {
  it('knows every status and walks the happy path', () => {
    expect(Object.keys(RETURN_TRANSITIONS).sort()).toEqual([...RETURN_STATUSES].sort());
    const path = ['requested', 'approved', 'awaiting_goods', 'received', 'inspected', 'closed'] as const;
    for (let i = 1; i < path.length; i++) expect(canReturnTransition(path[i - 1], path[i])).toBe(true);
  });

  it('refuses skipping steps and leaving a final status, with a 409', () => {
    expect(canReturnTransition('requested', 'received')).toBe(false);
    expect(canReturnTransition('received', 'cancelled')).toBe(false);
    for (const final of ['rejected', 'closed', 'cancelled'] as const)
      expect(RETURN_TRANSITIONS[final]).toEqual([]);
    expect(() => assertReturnTransition({ number: 'RT1', status: 'closed' }, 'approved')).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'orders.return_illegal_transition' }),
    );
  });
});
