import { AppError } from '../../platform/lib/errors';

/**
 * The life of a replenishment suggestion. The system proposes (and re-computes or supersedes what is
 * still proposed); a planner accepts, edits (quantity / order date, with a reason) or rejects;
 * accepted ones are exported as purchase requisitions (until procurement exists), then closed when
 * the goods arrive — or cancelled. Accepted and exported suggestions count as stock on order.
 */
export const SUGGESTION_STATUSES = [
  'proposed',
  'accepted',
  'rejected',
  'exported',
  'closed',
  'cancelled',
  'superseded',
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const SUGGESTION_ACTIONS = [
  'accept',
  'edit',
  'reject',
  'export',
  'close',
  'cancel',
  'supersede',
  'recompute',
] as const;
export type SuggestionAction = (typeof SUGGESTION_ACTIONS)[number];

/** Planner actions (the others are the system's). */
export const DECISIONS = ['accept', 'edit', 'reject', 'close', 'cancel'] as const;
export type Decision = (typeof DECISIONS)[number];

export const SUGGESTION_TRANSITIONS: Readonly<
  Record<SuggestionStatus, Readonly<Partial<Record<SuggestionAction, SuggestionStatus>>>>
> = {
  proposed: {
    accept: 'accepted',
    edit: 'proposed',
    reject: 'rejected',
    supersede: 'superseded',
    recompute: 'proposed',
  },
  accepted: { edit: 'accepted', export: 'exported', cancel: 'cancelled' },
  exported: { close: 'closed', cancel: 'cancelled' },
  rejected: {},
  closed: {},
  cancelled: {},
  superseded: {},
};

/** Statuses that stand for an order on its way (counted as on order). */
export const ON_ORDER_STATUSES: readonly SuggestionStatus[] = ['accepted', 'exported'];

export function nextStatus(from: SuggestionStatus, action: SuggestionAction): SuggestionStatus {
  const to = SUGGESTION_TRANSITIONS[from]?.[action];
  if (!to)
    throw new AppError('conflict', 'planning.suggestion.illegal_transition', {
      from,
      action,
      allowed: Object.keys(SUGGESTION_TRANSITIONS[from] ?? {}).join(', ') || '—',
    });
  return to;
}
