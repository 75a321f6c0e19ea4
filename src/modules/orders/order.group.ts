import type { Db } from '../../platform/db';
import { type Coalescer, coalesce } from '../../platform/lib/coalesce';
import { type ApiContext, draftOf, intakeTogether } from './order.create';
import { type DetailParts, readDetails } from './order.detail';
import type { OrderDraft, OrderInput } from './order.input';
import type { IntakeOutcome } from './order.intake';

/**
 * Group intake: orders placed through the API at the same moment are taken in together — one
 * transaction, the intake's bulk statements with one allocation pass before the orders are written
 * (`allocateNew`: each order is written once, already allocated), one commit, answers built from
 * what was written — instead of one transaction each. A request waits at most for the group in
 * flight to finish; under load the round trips and the commit are shared by the whole group.
 *
 * Each order is still answered on its own: a group that fails as a whole (a statement that is not
 * about stock, such as a value the database refuses) is taken in again order by order, so only the
 * order at fault gets the error. A re-sent channel order is recognised within a group as across
 * groups. One group is in flight per database and process; groups of other processes are ordinary
 * concurrent transactions (deadlocks and serialization failures are retried by `inTransaction`).
 */
export interface Placed {
  outcome: IntakeOutcome;
  /** The order as stored after the commit, for the answer (`detailView` in the caller's language). */
  parts: DetailParts;
}

interface Placement {
  draft: OrderDraft;
  ctx: ApiContext;
}

/** Most orders in one group (a group of 64 commits in well under 100 ms). */
export const GROUP_MAX = 64;

const groups = new WeakMap<Db, Coalescer<Placement, Placed>>();

export async function placeOrder(db: Db, body: OrderInput, ctx: ApiContext): Promise<Placed> {
  const draft = await draftOf(db, body, ctx);
  let group = groups.get(db);
  if (!group) {
    group = coalesce((items: Placement[]) => placeTogether(db, items), { max: GROUP_MAX });
    groups.set(db, group);
  }
  return group({ draft, ctx });
}

async function placeTogether(db: Db, items: Placement[]): Promise<Array<Placed | Error>> {
  // One transaction per caller (user or token) and source: the orders' history and intake name the
  // caller; each order's audit entries and ledger movements keep its own request id.
  const byCaller = new Map<string, number[]>();
  items.forEach((p, i) => {
    const { actor, source } = p.ctx;
    const key = `${actor.kind}|${actor.id}|${actor.name}|${source}`;
    const list = byCaller.get(key);
    if (list) list.push(i);
    else byCaller.set(key, [i]);
  });
  const outcomes: Array<(IntakeOutcome & { parts?: DetailParts | null }) | Error> = new Array(items.length);
  for (const indexes of byCaller.values()) {
    const group = indexes.map((i) => items[i]);
    const ctx = {
      ...group[0].ctx,
      now: new Date(Math.max(...group.map((p) => p.ctx.now.getTime()))),
    };
    try {
      const taken = await intakeTogether(
        db,
        group.map((p) => p.draft),
        ctx,
        group.map((p) => p.ctx.actor),
      );
      indexes.forEach((i, k) => {
        outcomes[i] = taken[k];
      });
    } catch (error) {
      if (group.length === 1) {
        outcomes[indexes[0]] = asError(error);
        continue;
      }
      // One order's fault must not fail the others: each again on its own.
      for (const i of indexes) {
        try {
          [outcomes[i]] = await intakeTogether(db, [items[i].draft], items[i].ctx);
        } catch (single) {
          outcomes[i] = asError(single);
        }
      }
    }
  }
  // Orders whose answer is not known from what their transaction wrote are read back, together.
  const ids = outcomes.flatMap((o) => (o instanceof Error || o.parts ? [] : [o.id]));
  const stored = ids.length
    ? await readDetails(db, ids, { merchantId: null, warehouseIds: null })
    : new Map();
  return outcomes.map((o) => {
    if (o instanceof Error) return o;
    const { parts: written, ...outcome } = o;
    const parts = written ?? stored.get(o.id);
    return parts ? { outcome, parts } : new Error(`order ${o.number} not found after its intake`);
  });
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
