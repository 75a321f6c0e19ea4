import type { Db } from '../../platform/db';
import { isOwnKeyTaken, OwnKeyTaken, type StoredAnswer, takenOwnKeys } from '../../platform/http/idempotency';
import { type Coalescer, coalesce } from '../../platform/lib/coalesce';
import { type ApiContext, draftOf, type IntakeKey, intakeTogether, type Taken } from './order.create';
import { type DetailParts, readDetails } from './order.detail';
import type { OrderDraft, OrderInput } from './order.input';
import type { IntakeOutcome } from './order.intake';

/**
 * Group intake: orders placed through the API at the same moment are taken in together — one
 * transaction, the intake's bulk statements with one allocation plan before the orders are written
 * (`planNew`: each order is written once, already allocated) and one reservation after
 * (`reservePlanned`), one commit, answers built from what was written — instead of one transaction
 * each. Under load the round trips and the commit are shared by the whole group.
 *
 * Each order is still answered on its own: a group that fails as a whole (a statement that is not
 * about stock, such as a value the database refuses) is taken in again order by order, so only the
 * order at fault gets the error. A re-sent channel order is recognised within a group as across
 * groups. Up to two groups are in flight per database and process (`GROUPS_IN_FLIGHT`); groups of
 * other processes are ordinary concurrent transactions (serialization failures are retried by
 * `inTransaction`; balances are locked in one global order, so groups do not deadlock on stock).
 */
export interface Placed {
  outcome: IntakeOutcome;
  /** The order as stored after the commit, for the answer (`detailView` in the caller's language). */
  parts: DetailParts;
  /** The answer, when it was stored with the order's `Idempotency-Key` (`IntakeKey`). */
  answer?: StoredAnswer;
}

interface Placement {
  draft: OrderDraft;
  ctx: ApiContext;
  key?: IntakeKey;
}

/** Most orders in one group (a group of 64 commits in well under 100 ms). */
export const GROUP_MAX = 64;

/**
 * Groups in flight at once per database and process: a group holds its balances only from its
 * reservation (its last statements) to its commit, so while one commits the next writes its orders.
 */
export const GROUPS_IN_FLIGHT = 2;

const groups = new WeakMap<Db, Coalescer<Placement, Placed>>();

export async function placeOrder(
  db: Db,
  body: OrderInput,
  ctx: ApiContext,
  /** The request's `Idempotency-Key`, written with the order (a key another request holds: `OwnKeyTaken`). */
  key?: IntakeKey,
): Promise<Placed> {
  const draft = await draftOf(db, body, ctx);
  let group = groups.get(db);
  if (!group) {
    group = coalesce((items: Placement[]) => placeTogether(db, items), {
      max: GROUP_MAX,
      concurrency: GROUPS_IN_FLIGHT,
    });
    groups.set(db, group);
  }
  return group({ draft, ctx, key });
}

async function placeTogether(db: Db, items: Placement[]): Promise<Array<Placed | Error | Promise<Placed>>> {
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
  const outcomes: Array<Taken | Error> = new Array(items.length);
  // A key sent twice in one group (a retry while the first is in flight): the first holds it, and
  // the other is answered from what the first stores.
  const keys = new Set<string>();
  items.forEach((p, i) => {
    const own = p.key?.own;
    if (!own) return;
    const id = `${own.scope}\u0000${own.key}`;
    if (keys.has(id)) outcomes[i] = new OwnKeyTaken(own);
    keys.add(id);
  });
  for (let indexes of byCaller.values()) {
    indexes = indexes.filter((i) => !outcomes[i]);
    // Keys another request holds leave their placements out, and the rest is taken in again.
    for (let tries = 0; indexes.length; tries++) {
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
          group.map((p) => p.key),
        );
        indexes.forEach((i, k) => {
          outcomes[i] = taken[k];
        });
        break;
      } catch (error) {
        if (isOwnKeyTaken(error) && tries < 3) {
          const keyed = indexes.flatMap((i) => (items[i].key ? [items[i].key.own] : []));
          const taken = await takenOwnKeys(db, keyed);
          indexes = indexes.filter((i) => {
            const own = items[i].key?.own;
            if (!own || !taken.has(own)) return true;
            outcomes[i] = new OwnKeyTaken(own);
            return false;
          });
          continue;
        }
        if (group.length === 1) {
          outcomes[indexes[0]] = asError(error);
          break;
        }
        // One order's fault must not fail the others: each again on its own.
        for (const i of indexes) {
          try {
            [outcomes[i]] = await intakeTogether(db, [items[i].draft], items[i].ctx, undefined, [
              items[i].key,
            ]);
          } catch (single) {
            outcomes[i] =
              isOwnKeyTaken(single) && items[i].key ? new OwnKeyTaken(items[i].key.own) : asError(single);
          }
        }
        break;
      }
    }
  }
  // Orders whose answer is not known from what their transaction wrote are read back, together;
  // those allocated alone after their group, each once that is done.
  const ids = outcomes.flatMap((o) => (o instanceof Error || o.parts || o.allocating ? [] : [o.id]));
  const stored = ids.length ? await readDetails(db, ids, ALL) : new Map<string, DetailParts>();
  return outcomes.map((o) => {
    if (o instanceof Error) return o;
    const { parts: written, allocating, answer, ...outcome } = o;
    if (allocating)
      return allocating.then(async (status) => {
        const done = placed({ ...outcome, status }, (await readDetails(db, [o.id], ALL)).get(o.id));
        if (done instanceof Error) throw done;
        return done;
      });
    const done = placed(outcome, written ?? stored.get(o.id));
    return answer && !(done instanceof Error) ? { ...done, answer } : done;
  });
}

const ALL = { merchantId: null, warehouseIds: null };

function placed(outcome: IntakeOutcome, parts: DetailParts | undefined): Placed | Error {
  return parts ? { outcome, parts } : new Error(`order ${outcome.number} not found after its intake`);
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
