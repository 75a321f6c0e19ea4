import { describe, expect, it } from 'vitest';
import { ASN_STATUSES, ASN_TRANSITIONS } from './asn.state';
import {
  assertReceiptAction,
  canTransition,
  RECEIPT_ACTIONS,
  RECEIPT_STATUSES,
  RECEIPT_TRANSITIONS,
} from './receipt.state';

describe('receipt state machine', () => {
  it('runs draft → arrived → inspecting → inspected → putaway → completed, and nothing skips a step', () => {
    const path = ['draft', 'arrived', 'inspecting', 'inspected', 'putaway_in_progress', 'completed'] as const;
    for (let i = 0; i + 1 < path.length; i++) expect(canTransition(path[i], path[i + 1])).toBe(true);
    expect(canTransition('draft', 'inspected')).toBe(false);
    expect(canTransition('arrived', 'completed')).toBe(false);
    // Nothing accepted: signed off straight to completed.
    expect(canTransition('inspected', 'completed')).toBe(true);
  });

  it('can be cancelled only before sign-off, and terminal states lead nowhere', () => {
    const cancellable = RECEIPT_STATUSES.filter((s) => canTransition(s, 'cancelled'));
    expect(cancellable).toEqual(['draft', 'arrived', 'inspecting']);
    expect(RECEIPT_TRANSITIONS.completed).toEqual([]);
    expect(RECEIPT_TRANSITIONS.cancelled).toEqual([]);
    for (const targets of Object.values(RECEIPT_TRANSITIONS))
      for (const t of targets) expect(RECEIPT_STATUSES).toContain(t);
  });

  it('allows putaway only after sign-off and inspection only before it', () => {
    expect(RECEIPT_ACTIONS.putaway).toEqual(['inspected', 'putaway_in_progress']);
    expect(() => assertReceiptAction({ number: 'RC1', status: 'inspecting' }, 'putaway')).toThrow(
      'warehouse.receipt_action_not_allowed',
    );
    expect(() => assertReceiptAction({ number: 'RC1', status: 'inspected' }, 'inspect_line')).toThrow(
      'warehouse.receipt_action_not_allowed',
    );
    expect(() => assertReceiptAction({ number: 'RC1', status: 'arrived' }, 'inspect_line')).not.toThrow();
  });
});

describe('ASN state machine', () => {
  it('goes back to open when its receipt is cancelled and ends received or cancelled', () => {
    expect(ASN_TRANSITIONS.receiving).toContain('open');
    expect(ASN_TRANSITIONS.received).toEqual([]);
    expect(ASN_STATUSES.filter((s) => ASN_TRANSITIONS[s].includes('cancelled'))).toEqual(['open']);
  });
});
