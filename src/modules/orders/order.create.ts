import { type AuditEntry, recordAudits } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import type { PendingEvent } from '../../platform/events';
import { type Lang, t } from '../../platform/i18n/i18n';
import { AppError, badRequest, type FieldIssue, forbidden } from '../../platform/lib/errors';
import { allocationReference } from './allocation.inputs';
import { allocateOrder } from './allocation.service';
import { type OrderInput, orderInput } from './order.input';
import {
  type IntakeContext,
  type IntakeItem,
  type IntakeOutcome,
  intakeOrders,
  numberAhead,
} from './order.intake';
import { toFieldIssue } from './order.issues';
import type { OrderRow, OrderStatus } from './order.tables';
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
async function ownerOf(
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
  const merchantId = await ownerOf(db, body.merchantId, ctx, 'body.merchantId', new Map());
  const { merchantId: _given, ...rest } = body;
  const items: IntakeItem[] = [{ index: 0, draft: { ...rest, merchantId } }];
  const skus = await skuLookupFor(
    db,
    items.map((i) => i.draft),
  );
  const [settings, reference, ahead] = await Promise.all([
    getSettings(db),
    allocationReference(db),
    numberAhead(db, items, ctx.now, timeZoneOf()),
  ]);
  return inTransaction(db, async (trx) => {
    // The audit entries of intake and allocation are written together at the end.
    const auditTo: AuditEntry[] = [];
    const eventsTo: PendingEvent[] = [];
    const [outcome] = await intakeOrders(trx, items, skus, {
      ...intakeContext(ctx, settings),
      ahead,
      auditTo,
    });
    let status = outcome.status;
    if (outcome.result === 'created' && outcome.status === 'validated' && settings.autoAllocate) {
      // The order and lines were written just now in this transaction: allocation takes them as they are.
      const written = outcome.created && {
        order: { ...outcome.created.row, version: 1 } as OrderRow,
        lines: outcome.created.lines,
      };
      const allocation = await allocateOrder(trx, outcome.id, ctx, {
        written,
        settings,
        skuFacts: skus.byId,
        auditTo,
        eventsTo,
        reference,
      });
      status = allocation.status as OrderStatus;
    }
    await recordAudits(trx, ctx.actor, auditTo, ctx.now, eventsTo);
    return { ...outcome, status };
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
