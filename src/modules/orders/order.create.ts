import type { RawBuilder } from 'kysely';
import { type AuditEntry, recordAudits } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import type { PendingEvent } from '../../platform/events';
import { type OwnKey, ownKeyWrite, type StoredAnswer } from '../../platform/http/idempotency';
import { type Lang, t } from '../../platform/i18n/i18n';
import { AppError, badRequest, type FieldIssue, forbidden, isAppError } from '../../platform/lib/errors';
import {
  emptyGroupPlan,
  type GroupKnown,
  type GroupPlan,
  planLock,
  planNew,
  reservePlanned,
  rootOf,
} from './allocation.group';
import { allocatableStock, allocationReference } from './allocation.inputs';
import { allocateOrder, decisionWrites } from './allocation.service';
import type { DetailParts } from './order.detail';
import { type OrderDraft, type OrderInput, orderInput } from './order.input';
import {
  checkAhead,
  type IntakeContext,
  type IntakeItem,
  type IntakeOutcome,
  intakeOrders,
  numberAhead,
} from './order.intake';
import { toFieldIssue } from './order.issues';
import type { OrderRow, OrderStatus } from './order.tables';
import { writtenParts } from './order.written';
import { ordersDeps, timeZoneOf } from './orders.deps';
import { getSettings } from './orders.settings';
import { skuLookupFor } from './sku.lookup';

/**
 * Intake through the API: one order (taken in, validated and — when the desk allocates
 * automatically — allocated in one transaction), or a batch of up to 1,000 answered order by order.
 */
export interface ApiContext {
  actor: Actor;
  now: Date;
  lang: Lang;
  merchantScope: string | null;
  source: 'api' | 'console';
}

function intakeContext(ctx: ApiContext, settings: IntakeContext['settings']): IntakeContext {
  return {
    actor: ctx.actor,
    now: ctx.now,
    source: ctx.source,
    createdBy: ctx.actor.id,
    timeZone: timeZoneOf(),
    settings,
  };
}

/**
 * Merchants known to exist, per database: merchants are never deleted, so once seen, a merchant
 * need not be looked up again for every order.
 */
const knownMerchants = new WeakMap<Db, Set<string>>();

/** The merchant an order is for: a merchant user's own, or the one staff name. */
export async function ownerOf(
  db: Db,
  requested: string | undefined,
  ctx: ApiContext,
  field: string,
  cache: Map<string, boolean>,
) {
  if (ctx.merchantScope) {
    if (requested && requested !== ctx.merchantScope) throw forbidden('orders.merchant_out_of_scope');
    return ctx.merchantScope;
  }
  if (!requested)
    throw badRequest('validation_failed', {}, [
      { field, code: 'orders.merchant_required', message: 'orders.merchant_required' },
    ]);
  if (!cache.has(requested)) {
    const known = knownMerchants.get(db) ?? new Set<string>();
    knownMerchants.set(db, known);
    if (!known.has(requested) && (await ordersDeps().merchantExists(db, requested))) {
      if (known.size >= 10_000) known.clear();
      known.add(requested);
    }
    cache.set(requested, known.has(requested));
  }
  if (!cache.get(requested))
    throw new AppError('unprocessable', 'orders.merchant_not_found', { merchant: requested });
  return requested;
}

export async function createOrder(db: Db, body: OrderInput, ctx: ApiContext): Promise<IntakeOutcome> {
  const [{ parts: _parts, allocating, ...outcome }] = await intakeTogether(
    db,
    [await draftOf(db, body, ctx)],
    ctx,
  );
  return allocating ? { ...outcome, status: await allocating } : outcome;
}

/** The order as the intake takes it: for the merchant the caller may place orders for. */
export async function draftOf(db: Db, body: OrderInput, ctx: ApiContext): Promise<OrderDraft> {
  const merchantId = await ownerOf(db, body.merchantId, ctx, 'body.merchantId', new Map());
  const { merchantId: _given, ...rest } = body;
  return { ...rest, merchantId };
}

/**
 * An order taken in: with the answer as written (`parts`), or — allocated alone after the group —
 * `parts` null and `allocating`, its status once that is done (then the answer is read back).
 * `answer`: the answer as stored with its `Idempotency-Key` in the same transaction.
 */
export type Taken = IntakeOutcome & {
  parts?: DetailParts | null;
  allocating?: Promise<OrderStatus>;
  answer?: StoredAnswer;
};

/**
 * A placement's `Idempotency-Key`, written in the intake's transaction: with the answer, rendered
 * there (`answer`) from what the transaction wrote, when the order is answered from that.
 */
export interface IntakeKey {
  own: OwnKey;
  answer: (taken: { outcome: IntakeOutcome; parts: DetailParts }) => Promise<StoredAnswer>;
}

/**
 * A group's plan did not hold, and the group is taken in again: stock moved between the plan and
 * the reservation (`early`: reserving first next time), or channel orders someone else had stored
 * took stock in the plan that orders of the group then went short of. `resent`: the orders (by
 * index) the insert found stored already, left out of the next plan.
 */
class Replan extends Error {
  constructor(
    readonly early: boolean,
    readonly resent: Set<number>,
  ) {
    super('the group is planned again');
  }
}

/**
 * Orders taken in together in one transaction — one order, or the orders of a group placed at the
 * same moment (`placeOrder`): validated, written, and (when the desk allocates automatically)
 * allocated, with their audit entries and events written together at the end. Every order gets
 * its own audit entry.
 *
 * The group's stock is reserved after its orders are written (`reservePlanned`), so its balances are
 * locked only for its last statements and the next group — in this process or another — writes its
 * orders meanwhile. If another transaction took stock the plan counted on, the transaction is rolled
 * back and the group taken in again reserving first, where an order that comes up short is
 * allocated afresh. Likewise when channel orders the insert finds stored already (a re-send not
 * caught as a duplicate) held stock in the plan that orders of the group went short of: the group
 * is planned again without them. An order the plan splits is split by the group: its parts are
 * written with it and its parcels reserved as one unit. All orders of a desk that releases at once,
 * and orders that came up short when reserving first, are allocated each alone after the group's
 * commit.
 */
export async function intakeTogether(
  db: Db,
  drafts: OrderDraft[],
  ctx: ApiContext,
  /** Each order's own caller (same user or token, own request id); default: `ctx.actor`. */
  actors?: Actor[],
  /** Each order's `Idempotency-Key`, if it has one. */
  keys?: Array<IntakeKey | undefined>,
): Promise<Array<Taken>> {
  const items: IntakeItem[] = drafts.map((draft, index) => ({ index, draft }));
  const skus = await skuLookupFor(db, drafts);
  const [settings, reference, ahead] = await Promise.all([
    getSettings(db),
    allocationReference(db),
    // No look-up of re-sent orders first: the insert recognises them by their unique key.
    numberAhead(db, items, ctx.now, timeZoneOf(), false),
  ]);
  // Ahead of the transaction, side by side: the orders checked with what their cross-check reads,
  // and the free stock the first plan is made against.
  const plans = settings.autoAllocate && !settings.autoRelease;
  const [firstStock] = ahead
    ? await Promise.all([
        plans
          ? allocatableStock(
              db,
              // Every SKU the drafts name that the catalog knows.
              skus.all.map((s) => ({ skuId: s.id, minRemainingShelfLifeDays: s.minRemainingShelfLifeDays })),
              ctx.now,
            )
          : undefined,
        checkAhead(db, items, skus, ahead, settings.duplicateWindowHours, ctx.now),
      ])
    : [undefined];
  let stockAhead = firstStock;
  const actorById = new Map<string, Actor>();
  const actorOf = (id: string) => actorById.get(id) ?? ctx.actor;
  const known = { settings, skuFacts: skus.byId, reference };
  const attempt = (late: boolean, resent: Set<number>) =>
    inTransaction(db, async (trx) => {
      const auditTo: AuditEntry[] = [];
      const eventsTo: PendingEvent[] = [];
      const groupKnown = { ...known, auditTo, eventsTo, actorOf };
      let group: GroupPlan = emptyGroupPlan();
      // Reserving last: the planned stock is locked by the orders' insert statement itself.
      const lock: { taken: ReturnType<typeof planLock> } = { taken: null };
      const withInsert = late
        ? {
            build: () => {
              lock.taken = planLock(group, ctx, groupKnown);
              return lock.taken?.query;
            },
            rows: undefined as unknown[] | undefined,
          }
        : undefined;
      const outcomes = await intakeOrders(trx, items, skus, {
        ...intakeContext(ctx, settings),
        ahead,
        auditTo,
        auditEach: true,
        withInsert,
        // Validated orders are planned before they are written: each is written once, allocated.
        settle: settings.autoAllocate
          ? async (fresh) => {
              // Known before reserving: the ledger's reserve movements carry each caller's request id.
              if (actors) for (const f of fresh) actorById.set(f.row.id, actors[f.index]);
              const validated = fresh
                .filter((f) => f.row.status === 'validated')
                .map((f) => ({
                  index: f.index,
                  order: { ...f.row, version: 1 } as OrderRow,
                  lines: f.lines,
                }));
              group = await planNew(
                trx,
                validated.filter((f) => !resent.has(f.index)),
                ctx,
                groupKnown,
                // Read ahead for the first attempt; one planned again reads it afresh.
                stockAhead,
              );
              stockAhead = undefined;
              // A split part is the work of its order's caller.
              if (actors)
                for (const [id, split] of group.splits)
                  for (const part of split.parts) actorById.set(part.row.id, actorOf(id));
              // Found stored already by an attempt before: not planned (should one be written after
              // all, it is allocated alone after the group).
              group.later.push(...validated.filter((f) => resent.has(f.index)));
              // Reserving first (the second attempt): an order short of stock is allocated afresh.
              if (!late) group.later.push(...(await reservePlanned(trx, group, ctx, groupKnown)));
              // Each order's own record (its parts are written with it, `split`).
              return new Map(
                [...group.records].flatMap(([id, r]) =>
                  r.root
                    ? []
                    : [[id, { to: r.to, set: r.move.set, entry: r.move.entry, split: group.splits.get(id) }]],
                ),
              );
            }
          : undefined,
      });
      // Each order's audit entry names its own caller, allocated here or not (e.g. desk allocates by hand).
      if (actors) for (const o of outcomes) actorById.set(o.id, actors[o.index]);
      const created = new Set(outcomes.flatMap((o) => (o.result === 'created' ? [o.id] : [])));
      const stored = new Set(outcomes.flatMap((o) => (o.result === 'existing' ? [o.index] : [])));
      const more = new Set([...resent, ...stored]);
      // Stock planned for a channel order someone else had stored, while one of ours went short of it.
      const records = [...group.records];
      const isCreated = ([id, r]: (typeof records)[number]) => created.has(rootOf(id, r));
      if (
        more.size > resent.size &&
        records.some((e) => !isCreated(e) && e[1].to === 'allocated') &&
        records.some((e) => isCreated(e) && e[1].decision.code === 'out_of_stock')
      )
        throw new Replan(!late, more);
      // The reservations' writes, run with the group's last statement (their balances are locked).
      const takes: RawBuilder<unknown>[] = [];
      if (late) {
        // Orders someone else stored meanwhile (the insert skipped them) reserve nothing.
        const locked =
          lock.taken && withInsert?.rows ? { rows: withInsert.rows, pairs: lock.taken.pairs } : undefined;
        if ((await reservePlanned(trx, group, ctx, groupKnown, created, takes, locked)).length)
          throw new Replan(true, more);
      } else {
        // Someone else stored this channel order meanwhile: the stock reserved for it goes back.
        for (const e of records)
          if (!isCreated(e) && e[1].to === 'allocated')
            await ordersDeps().release(trx, { orderRef: e[1].move.order.number }, ctx);
      }
      const written = records.filter(isCreated);
      for (const [, r] of written) {
        if (r.audit) auditTo.push(r.audit);
        if (r.event) eventsTo.push(r.event);
      }
      if (actors) for (const entry of auditTo) entry.actor = actorOf(entry.entityId);
      const later = group.later.filter((w) => created.has(w.order.id));
      const answers = await answersOf(outcomes, keys, group, new Set(later.map((w) => w.order.id)), ctx);
      // Stock taken, bins and lots, decisions, idempotency keys with their answers, audit entries
      // and events: one statement.
      await recordAudits(trx, ctx.actor, auditTo, ctx.now, eventsTo, [
        ...takes,
        ...decisionWrites(written.map(([, r]) => r)),
        ...(answers.writes.length ? [ownKeyWrite(answers.writes)] : []),
      ]);
      return { outcomes, group, later, answers: answers.byIndex, parts: answers.parts };
    });
  let taken: Awaited<ReturnType<typeof attempt>> | undefined;
  // Each attempt again leaves more orders out or reserves first: it ends.
  for (let late = true, resent = new Set<number>(); !taken; ) {
    try {
      taken = await attempt(late, resent);
    } catch (error) {
      if (!(error instanceof Replan)) throw error;
      late &&= !error.early;
      resent = error.resent;
    }
  }
  // The unusual, each alone in its own transaction now that the group is committed, one after
  // another: the rest of the group is answered meanwhile.
  let chain: Promise<unknown> = Promise.resolve();
  const allocating = new Map<string, Promise<OrderStatus>>();
  for (const w of taken.later) {
    const alone = chain.then(() =>
      allocateAlone(db, w.order.id, { ...ctx, actor: actorOf(w.order.id) }, known),
    );
    chain = alone.catch(() => undefined);
    allocating.set(w.order.id, alone);
  }
  // Committed: each key is written, with its answer where that was known.
  if (keys)
    for (const o of taken.outcomes) {
      const key = keys[o.index];
      if (key) key.own.written = taken.answers.has(o.index) ? 'answer' : 'key';
    }
  return taken.outcomes.map((o) => {
    const later = allocating.get(o.id);
    // Allocated alone: the answer is read back once that is done.
    if (later) return { ...o, parts: null, allocating: later };
    // The stored order as written here: the answer needs no reading back.
    const parts =
      taken.parts.get(o.index) ?? writtenParts(o, taken.group.records.get(o.id), ctx.actor, ctx.now);
    return { ...o, parts, answer: taken.answers.get(o.index) };
  });
}

/**
 * The idempotency keys of the orders taken in, to write with them: each with its answer, rendered
 * from what the transaction wrote, except for orders answered only later (re-sent ones, read back;
 * ones allocated alone after the group), whose answers are stored as they are sent.
 */
async function answersOf(
  outcomes: IntakeOutcome[],
  keys: Array<IntakeKey | undefined> | undefined,
  group: GroupPlan,
  later: Set<string>,
  ctx: ApiContext,
) {
  const writes: Parameters<typeof ownKeyWrite>[0] = [];
  const byIndex = new Map<number, StoredAnswer>();
  const partsOf = new Map<number, DetailParts>();
  if (!keys) return { writes, byIndex, parts: partsOf };
  for (const outcome of outcomes) {
    const key = keys[outcome.index];
    if (!key) continue;
    const parts =
      outcome.result === 'created' && !later.has(outcome.id)
        ? writtenParts(outcome, group.records.get(outcome.id), ctx.actor, ctx.now)
        : null;
    if (!parts) {
      writes.push({ own: key.own, answer: null });
      continue;
    }
    const answer = await key.answer({ outcome, parts });
    byIndex.set(outcome.index, answer);
    partsOf.set(outcome.index, parts);
    writes.push({ own: key.own, answer });
  }
  return { writes, byIndex, parts: partsOf };
}

/** An order of a group allocated alone after the group's commit; its status afterwards. */
async function allocateAlone(
  db: Db,
  orderId: string,
  ctx: ApiContext,
  known: Pick<GroupKnown, 'settings' | 'skuFacts' | 'reference'>,
): Promise<OrderStatus> {
  try {
    return (await inTransaction(db, (trx) => allocateOrder(trx, orderId, ctx, known))).status;
  } catch (error) {
    // The order is taken in; it waits, validated, for allocation from the desk.
    if (!isAppError(error)) throw error;
    return 'validated';
  }
}

export interface BatchResult {
  index: number;
  result: 'created' | 'existing' | 'invalid';
  id: string | null;
  number: string | null;
  status: OrderStatus | null;
  reasons: string[];
  issues: FieldIssue[];
}

export async function createOrderBatch(db: Db, bodies: unknown[], ctx: ApiContext) {
  const results: BatchResult[] = [];
  const items: IntakeItem[] = [];
  const merchants = new Map<string, boolean>();
  for (let index = 0; index < bodies.length; index++) {
    const invalid = (issues: FieldIssue[]) =>
      results.push({ index, result: 'invalid', id: null, number: null, status: null, reasons: [], issues });
    const parsed = orderInput.safeParse(bodies[index], { reportInput: true });
    if (!parsed.success) {
      invalid(parsed.error.issues.map((i) => toFieldIssue(i, ctx.lang, `orders.${index}`)));
      continue;
    }
    try {
      const merchantId = await ownerOf(
        db,
        parsed.data.merchantId,
        ctx,
        `orders.${index}.merchantId`,
        merchants,
      );
      const { merchantId: _given, ...rest } = parsed.data;
      items.push({ index, draft: { ...rest, merchantId } });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const issues = error.issues.length
        ? error.issues
        : [
            {
              field: `orders.${index}.merchantId`,
              code: error.code,
              message: error.code,
              params: error.params,
            },
          ];
      invalid(
        issues.map((i) => ({
          field: i.field,
          code: i.code,
          message: t(ctx.lang, i.message, i.params ?? {}),
        })),
      );
    }
  }
  const skus = await skuLookupFor(
    db,
    items.map((i) => i.draft),
  );
  const [settings, reference, ahead] = await Promise.all([
    getSettings(db),
    allocationReference(db),
    numberAhead(db, items, ctx.now, timeZoneOf()),
  ]);
  const outcomes = items.length
    ? await inTransaction(db, (trx) =>
        intakeOrders(trx, items, skus, { ...intakeContext(ctx, settings), ahead }),
      )
    : [];
  for (const o of outcomes) {
    let status = o.status;
    // Each allocation in its own transaction: one order short of stock does not hold up the others.
    if (o.result === 'created' && o.status === 'validated' && settings.autoAllocate)
      status = (
        await inTransaction(db, (trx) =>
          // Committed already: the order is read again (and locked); settings and SKU facts are reused.
          allocateOrder(trx, o.id, ctx, { settings, skuFacts: skus.byId, reference }),
        )
      ).status as OrderStatus;
    results.push({
      index: o.index,
      result: o.result,
      id: o.id,
      number: o.number,
      status,
      reasons: o.reasons,
      issues: [],
    });
  }
  results.sort((a, b) => a.index - b.index);
  return {
    created: results.filter((r) => r.result === 'created').length,
    existing: results.filter((r) => r.result === 'existing').length,
    invalid: results.filter((r) => r.result === 'invalid').length,
    results,
  };
}
