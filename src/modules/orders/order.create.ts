import { type AuditEntry, recordAudits } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import type { PendingEvent } from '../../platform/events';
import { type Lang, t } from '../../platform/i18n/i18n';
import { AppError, badRequest, type FieldIssue, forbidden } from '../../platform/lib/errors';
import { allocateLater, allocateNew } from './allocation.group';
import { allocationReference } from './allocation.inputs';
import { allocateOrder, insertDecisions } from './allocation.service';
import type { DetailParts } from './order.detail';
import { type OrderDraft, type OrderInput, orderInput } from './order.input';
import {
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
  const [outcome] = await intakeTogether(db, [await draftOf(db, body, ctx)], ctx);
  return outcome;
}

/** The order as the intake takes it: for the merchant the caller may place orders for. */
export async function draftOf(db: Db, body: OrderInput, ctx: ApiContext): Promise<OrderDraft> {
  const merchantId = await ownerOf(db, body.merchantId, ctx, 'body.merchantId', new Map());
  const { merchantId: _given, ...rest } = body;
  return { ...rest, merchantId };
}

/**
 * Orders taken in together in one transaction — one order, or the orders of a group placed at the
 * same moment (`placeOrder`): validated, written, and (when the desk allocates automatically)
 * allocated, with their audit entries and events written together at the end. Every order gets
 * its own audit entry.
 */
export async function intakeTogether(
  db: Db,
  drafts: OrderDraft[],
  ctx: ApiContext,
  /** Each order's own caller (same user or token, own request id); default: `ctx.actor`. */
  actors?: Actor[],
): Promise<Array<IntakeOutcome & { parts?: DetailParts | null }>> {
  const items: IntakeItem[] = drafts.map((draft, index) => ({ index, draft }));
  const skus = await skuLookupFor(db, drafts);
  const [settings, reference, ahead] = await Promise.all([
    getSettings(db),
    allocationReference(db),
    // No look-up of re-sent orders first: the insert recognises them by their unique key.
    numberAhead(db, items, ctx.now, timeZoneOf(), false),
  ]);
  return inTransaction(db, async (trx) => {
    const auditTo: AuditEntry[] = [];
    const eventsTo: PendingEvent[] = [];
    const actorById = new Map<string, Actor>();
    const actorOf = (id: string) => actorById.get(id) ?? ctx.actor;
    const known = { settings, skuFacts: skus.byId, reference, auditTo, eventsTo, actorOf };
    let allocation: Awaited<ReturnType<typeof allocateNew>> = { records: new Map(), later: [] };
    const outcomes = await intakeOrders(trx, items, skus, {
      ...intakeContext(ctx, settings),
      ahead,
      auditTo,
      auditEach: true,
      // Validated orders are allocated before they are written: each is written once, allocated.
      settle: settings.autoAllocate
        ? async (fresh) => {
            // Known before allocating: the ledger's reserve movements carry each caller's request id.
            if (actors) for (const f of fresh) actorById.set(f.row.id, actors[f.index]);
            const validated = fresh.filter((f) => f.row.status === 'validated');
            allocation = await allocateNew(
              trx,
              validated.map((f) => ({ order: { ...f.row, version: 1 } as OrderRow, lines: f.lines })),
              ctx,
              known,
            );
            return new Map(
              [...allocation.records].map(([id, r]) => [
                id,
                { to: r.to, set: r.move.set, entry: r.move.entry },
              ]),
            );
          }
        : undefined,
    });
    // Each order's audit entry names its own caller, allocated here or not (e.g. desk allocates by hand).
    if (actors) for (const o of outcomes) actorById.set(o.id, actors[o.index]);
    const created = new Set(outcomes.flatMap((o) => (o.result === 'created' ? [o.id] : [])));
    const releases: string[] = [];
    const records = [...allocation.records].filter(([id, r]) => {
      if (created.has(id)) return true;
      // Someone else stored this channel order meanwhile: the stock reserved for it goes back.
      if (r.to === 'allocated') releases.push(r.move.order.number);
      return false;
    });
    for (const orderRef of releases) await ordersDeps().release(trx, { orderRef }, ctx);
    await insertDecisions(
      trx,
      records.map(([, r]) => r),
    );
    for (const [, r] of records) {
      if (r.audit) auditTo.push(r.audit);
      if (r.event) eventsTo.push(r.event);
    }
    const status = new Map<string, OrderStatus>();
    for (const w of allocation.later)
      if (created.has(w.order.id))
        status.set(w.order.id, (await allocateLater(trx, w, ctx, known)).status as OrderStatus);
    if (actors) for (const entry of auditTo) entry.actor = actorOf(entry.entityId);
    await recordAudits(trx, ctx.actor, auditTo, ctx.now, eventsTo);
    return outcomes.map((o) => {
      const later = status.get(o.id);
      // The stored order as written here: the answer needs no reading back (else `parts` is null).
      if (later) return { ...o, status: later, parts: null };
      return { ...o, parts: writtenParts(o, allocation.records.get(o.id), ctx.actor, ctx.now) };
    });
  });
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
