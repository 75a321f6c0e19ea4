import type { Actor } from '../../platform/auth/principal';
import type { GroupRecord } from './allocation.group';
import type { DetailParts } from './order.detail';
import type { IntakeOutcome } from './order.intake';
import type { OrderRow, OrderStatus, StoredIssue } from './order.tables';

/**
 * The stored order as its own transaction wrote it — row, lines, history, allocation and decision —
 * in the shape `readDetails` reads it, so the answer to an order placed in a group needs no reading
 * back. Only for an order created in that transaction and allocated or queued by the group itself
 * (`record`), or not allocated at all; anything else (a split, a reservation made again alone, a
 * re-sent order) is read back. A test holds the two equal.
 */
export function writtenParts(
  outcome: IntakeOutcome,
  record: GroupRecord | undefined,
  actor: Pick<Actor, 'id' | 'name'>,
  now: Date,
): DetailParts | null {
  const created = outcome.created;
  if (outcome.result !== 'created' || !created) return null;
  const at = now.toISOString();
  const row = created.row;
  let order: OrderRow = { ...row, version: 1 } as OrderRow;
  const history = created.history.map((h, k) => ({
    id: k + 1,
    order_id: row.id,
    at,
    actor_id: actor.id,
    actor_name: actor.name,
    action: h.action,
    from_status: h.from as OrderStatus | null,
    to_status: h.to as OrderStatus | null,
    note: h.note,
    details: h.details,
  }));
  if (!record) {
    if (outcome.status !== row.status) return null;
    return { order, lines: created.lines, allocations: [], history, decisions: [], family: [] };
  }
  const set = record.move.set as Partial<{
    warehouse_id: string | null;
    shipping_cost_fen: number | null;
    promised_date: string | null;
    reason_codes: string[];
    issues: unknown[];
  }>;
  order = {
    ...order,
    ...set,
    issues: (set.issues ?? order.issues) as StoredIssue[],
    status: record.to,
    version: 2,
    status_changed_at: now,
    updated_at: now,
    exception_since:
      record.to === 'exception' ? now : row.status === 'exception' ? null : row.exception_since,
  } as OrderRow;
  history.push({
    id: history.length + 1,
    order_id: row.id,
    at,
    actor_id: actor.id,
    actor_name: actor.name,
    action: record.move.entry.action,
    from_status: row.status,
    to_status: record.to,
    note: null,
    details: record.move.entry.details ?? null,
  });
  const d = record.decision;
  return {
    order,
    lines: created.lines,
    allocations: record.allocations.map((a, k) => ({ id: k + 1, ...a })),
    history,
    decisions: [
      {
        id: 1,
        order_id: row.id,
        at,
        kind: d.kind,
        code: d.code,
        params: JSON.parse(d.params as unknown as string),
        candidates: JSON.parse(d.candidates as unknown as string),
      },
    ],
    family: [],
  };
}
