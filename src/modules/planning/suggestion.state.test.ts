import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/lib/errors';
import { nextStatus, SUGGESTION_STATUSES, SUGGESTION_TRANSITIONS } from './suggestion.state';

describe('suggestion lifecycle', () => {
  it('allows the planner’s path: proposed → accepted → exported → closed', () => {
    expect(nextStatus('proposed', 'accept')).toBe('accepted');
    expect(nextStatus('proposed', 'edit')).toBe('proposed');
    expect(nextStatus('accepted', 'edit')).toBe('accepted');
    expect(nextStatus('accepted', 'export')).toBe('exported');
    expect(nextStatus('exported', 'close')).toBe('closed');
    expect(nextStatus('proposed', 'reject')).toBe('rejected');
  });

  it('refuses everything else with a conflict naming what is allowed', () => {
    for (const [from, action] of [
      ['rejected', 'accept'],
      ['exported', 'edit'],
      ['accepted', 'reject'],
      ['proposed', 'export'],
      ['closed', 'cancel'],
    ] as const) {
      const error = (() => {
        try {
          nextStatus(from, action);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ kind: 'conflict', code: 'planning.suggestion.illegal_transition' });
    }
    for (const status of ['rejected', 'closed', 'cancelled', 'superseded'] as const)
      expect(SUGGESTION_TRANSITIONS[status]).toEqual({});
    expect(Object.keys(SUGGESTION_TRANSITIONS).sort()).toEqual([...SUGGESTION_STATUSES].sort());
  });
});
