import type { Actor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import { type Lang, t } from '../../platform/i18n/i18n';
import { AppError, badRequest, type FieldIssue, forbidden } from '../../platform/lib/errors';
import { allocateOrder } from './allocation.service';
import { type OrderDraft, type OrderInput, orderInput } from './order.input';
import { type IntakeContext, type IntakeItem, type IntakeOutcome, intakeOrders } from './order.intake';
import { toFieldIssue } from './order.issues';
import type { OrderStatus } from './order.tables';
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
  if (!cache.has(requested)) cache.set(requested, await ordersDeps().merchantExists(db, requested));
  if (!cache.get(requested))
    throw new AppError('unprocessable', 'orders.merchant_not_found', { merchant: requested });
  return requested;
}

export async function createOrder(db: Db, body: OrderInput, ctx: ApiContext): Promise<IntakeOutcome> {
  const merchantId = await ownerOf(db, body.merchantId, ctx, 'body.merchantId', new Map());
  const { merchantId: _given, ...rest } = body;
  const draft: OrderDraft = { ...rest, merchantId };
  const skus = await skuLookupFor(db, [draft]);
  return inTransaction(db, async (trx) => {
    const settings = await getSettings(trx);
    const [outcome] = await intakeOrders(trx, [{ index: 0, draft }], skus, intakeContext(ctx, settings));
    if (outcome.result === 'created' && outcome.status === 'validated' && settings.autoAllocate) {
      const allocation = await allocateOrder(trx, outcome.id, ctx);
      return { ...outcome, status: allocation.status as OrderStatus };
    }
    return outcome;
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
  const settings = await getSettings(db);
  const outcomes = items.length
    ? await inTransaction(db, (trx) => intakeOrders(trx, items, skus, intakeContext(ctx, settings)))
    : [];
  for (const o of outcomes) {
    let status = o.status;
    // Each allocation in its own transaction: one order short of stock does not hold up the others.
    if (o.result === 'created' && o.status === 'validated' && settings.autoAllocate)
      status = (await inTransaction(db, (trx) => allocateOrder(trx, o.id, ctx))).status as OrderStatus;
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
