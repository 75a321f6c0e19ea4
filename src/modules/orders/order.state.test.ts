import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/lib/errors';
import {
  assertTransition,
  BEFORE_SHIPPING,
  canTransition,
  HOLDS_STOCK,
  ORDER_TRANSITIONS,
} from './order.state';
import { ORDER_STATUSES } from './order.tables';

describe('the order state machine', () => {
  it('knows every status, and names only known statuses as targets', () => {
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
    for (const targets of Object.values(ORDER_TRANSITIONS))
      for (const to of targets) expect(ORDER_STATUSES).toContain(to);
  });

  it('walks the happy path from created to delivered', () => {
    const path = [
      'created',
      'validated',
      'allocated',
      'released',
      'picking',
      'packed',
      'shipped',
      'in_transit',
      'delivered',
    ] as const;
    for (let i = 1; i < path.length; i++)
      expect(canTransition(path[i - 1], path[i]), `${path[i - 1]} → ${path[i]}`).toBe(true);
  });

  it('lets anything before shipping be cancelled, nothing after', () => {
    for (const from of ORDER_STATUSES) {
      const allowed = canTransition(from, 'cancelled');
      expect(allowed, from).toBe(BEFORE_SHIPPING.has(from));
    }
  });

  it('ends in cancelled and returned', () => {
    expect(ORDER_TRANSITIONS.cancelled).toEqual([]);
    expect(ORDER_TRANSITIONS.returned).toEqual([]);
  });

  it('skips no step of the warehouse', () => {
    expect(canTransition('allocated', 'picking')).toBe(false);
    expect(canTransition('released', 'packed')).toBe(false);
    expect(canTransition('picking', 'shipped')).toBe(false);
    expect(canTransition('exception', 'allocated')).toBe(false);
    for (const s of HOLDS_STOCK) expect(BEFORE_SHIPPING.has(s)).toBe(true);
  });

  it('explains a refused move with a 409 code', () => {
    try {
      assertTransition({ number: 'SO1', status: 'shipped' }, 'cancelled');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        kind: 'conflict',
        code: 'orders.illegal_transition',
        params: { from: 'shipped', to: 'cancelled' },
      });
    }
  });
});
