import type { Actor } from '../../platform/auth/principal';
import type { GroupRecord } from './allocation.group';
import type { DetailParts } from './order.detail';
import type { IntakeOutcome } from './order.intake';
import type { OrderRow, OrderStatus } from './order.tables';

/**
 * The stored order as its own transaction wrote it — row, lines, history, allocation and decision —
 * in the shape `readDetails` reads it, so the answer to an order placed in a group needs no reading
 * back. Only for an order created in that transaction and allocated (split or not) or queued by the
 * group itself (`record`), or not allocated at all; anything else (a reservation made again alone, a
 * re-sent order) is read back. A test holds the two equal.
 */
export function writtenParts(
  outcome: IntakeOutcome,
  record: GroupRecord | undefined,
  actor: Pick<Actor, 'id' | 'name'>,
  now: Date,
): DetailParts | null {
  const created = outcome.created;
  if (outcome.result !== 'created' || !created || outcome.status !== created.row.status) return null;
  const at = now.toISOString();
  const row = created.row;
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
  const decisions = record
    ? [
        {
          id: 1,
          order_id: row.id,
          at,
          kind: record.decision.kind,
          code: record.decision.code,
          params: JSON.parse(record.decision.params as unknown as string),
          candidates: JSON.parse(record.decision.candidates as unknown as string),
        },
      ]
    : [];
  return {
    order: { ...row, version: 1 } as OrderRow,
    lines: created.lines,
    allocations: (record?.allocations ?? []).map((a, k) => ({ id: k + 1, ...a })),
    history,
    decisions,
    // Split by the group: the order and its parts, as `readDetails` reads them (the view leaves the order itself out).
    family: created.parts.length
      ? [row, ...created.parts].map((f) => ({
          id: f.id,
          number: f.number,
          status: f.status,
          warehouse_id: f.warehouse_id,
          parent_id: f.parent_id,
        }))
      : [],
  };
}
