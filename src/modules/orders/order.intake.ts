import type { RawBuilder } from 'kysely';
import { type AuditEntry, recordAudits } from '../../platform/audit/audit';
import type { Db, Trx } from '../../platform/db';
import { nextDocNumbers, takeDocNumbers } from '../../platform/lib/doc-number';
import { newId } from '../../platform/lib/ids';
import type { OrderDraft } from './order.input';
import {
  crossCheckFacts,
  existingByChannelNo,
  insertOrdersWithLines,
  type NewHistory,
  type NewOrderRow,
} from './order.repo';
import { totalsOf } from './order.split';
import type { StateContext } from './order.state';
import type { OrderLineRow, OrderRow, OrderSource, OrderStatus } from './order.tables';
import { type CheckedOrder, checkOrder, crossCheck, type SkuLookup } from './order.validate';
import type { OrdersSettings } from './orders.settings';

/**
 * Order intake (R-OMS-1) for one order or thousands: recognise orders a channel sends again, run
 * validation (信息校验) in memory, number the new ones and write them with a few bulk statements in
 * the caller's transaction. New orders come out `validated` or, with their reasons, `exception`.
 */
export interface IntakeContext extends StateContext {
  source: OrderSource;
  createdBy: string | null;
  importJobId?: string | null;
  timeZone: string;
  settings: OrdersSettings;
  /**
   * Taken before the transaction (`numberAhead`): the channel orders already stored, and the numbers
   * for the fresh ones — so the daily number counter is not held for the whole transaction.
   */
  ahead?: NumbersAhead;
  /** When given, the intake's audit entries are added here for the caller to write with its own. */
  auditTo?: AuditEntry[];
  /** One audit entry per order however many (API intake); else more than 10 are summed up per merchant. */
  auditEach?: boolean;
  /**
   * Called with the new orders (and their positions in `items`) before they are written: what it
   * answers for an order — its status from validated on, the fields that go with it and the history
   * entry — is written with the order itself (group intake allocates here, so an order is written
   * once, already allocated).
   */
  settle?: (
    fresh: Array<{ index: number; row: NewOrderRow; lines: OrderLineRow[] }>,
  ) => Promise<Map<string, Settled>>;
  /**
   * A query to run in the same statement as the orders' insert, built once they are settled (group
   * intake: locking the stock they were planned to take); its rows go to `rows`.
   */
  withInsert?: { build: () => RawBuilder<unknown> | undefined; rows?: unknown[] };
}

/** What `settle` decided for a new order. */
export interface Settled {
  to: OrderStatus;
  set: Partial<Pick<NewOrderRow, 'warehouse_id' | 'shipping_cost_fen' | 'promised_date' | 'reason_codes'>> & {
    issues?: unknown[];
  };
  entry: { action: string; details?: Record<string, unknown> | null };
  /**
   * A split decided with the allocation (拆单): the order's own lines instead of the ones it came
   * with, its `split` history entries, and its new parts, written with it (and only if it is).
   */
  split?: {
    lines: OrderLineRow[];
    history: NewHistory[];
    parts: Array<{ row: NewOrderRow; lines: OrderLineRow[]; history: NewHistory[] }>;
  };
}

export interface NumbersAhead {
  existing: Map<string, Pick<OrderRow, 'id' | 'number' | 'status'>>;
  numbers: string[];
  /** Validated before the transaction (`checkAhead`), by item index. */
  checked?: Map<number, CheckedOrder>;
  /** Blocked consignees and recent orders read before the transaction (`checkAhead`), by merchant. */
  facts?: Map<string, CrossFacts>;
}

type CrossFacts = Awaited<ReturnType<typeof crossCheckFacts>>;

export interface IntakeItem {
  /** Position in the request or file (echoed in the result). */
  index: number;
  draft: OrderDraft;
}

export interface IntakeOutcome {
  index: number;
  /** `existing`: this merchant's channel order was already taken in; nothing was changed. */
  result: 'created' | 'existing';
  id: string;
  number: string;
  status: OrderStatus;
  reasons: string[];
  /**
   * For an order created here: the rows just written (allocation in the same transaction reuses
   * them), with the parts it was split into when it was.
   */
  created?: { row: NewOrderRow; lines: OrderLineRow[]; history: NewHistory[]; parts: NewOrderRow[] };
}

export const ORDER_ENTITY = 'order';

const existingOutcome = (
  index: number,
  known: { id: string; number: string; status: OrderStatus },
): IntakeOutcome => ({
  index,
  result: 'existing',
  id: known.id,
  number: known.number,
  status: known.status,
  reasons: [],
});
const keyOf = (d: OrderDraft) => `${d.merchantId}|${d.channel}|${d.externalNo}`;

/**
 * Before the intake transaction (not inside one): the numbers for the new orders, from the block
 * this process took ahead (`takeDocNumbers`) — taken inside, the day's counter row stays locked
 * until the whole intake and allocation commit, and concurrent orders queue on it. For a batch, the
 * channel orders already stored are looked up first so they take no numbers; a single order or a
 * group of API orders (`lookUpExisting` false) goes straight to its insert, which recognises a
 * re-sent order by its unique key (a number then stays unused, as it does for an order that fails).
 * Inside a caller's transaction nothing is taken ahead.
 */
export async function numberAhead(
  db: Db,
  items: IntakeItem[],
  now: Date,
  timeZone: string,
  lookUpExisting = items.length > 1,
): Promise<NumbersAhead | undefined> {
  if (db.isTransaction || !items.length) return undefined;
  const existing = lookUpExisting
    ? await existingByChannelNo(
        db,
        items.map((i) => i.draft),
      )
    : new Map<string, Pick<OrderRow, 'id' | 'number' | 'status'>>();
  const fresh = new Set(items.map((i) => keyOf(i.draft)).filter((k) => !existing.has(k)));
  const numbers = await takeDocNumbers(db, 'SO', now, fresh.size, timeZone);
  return { existing, numbers };
}

/**
 * Before the transaction, for a group of API orders: each order validated, and the blocked
 * consignees and recent orders its cross-check needs read per merchant (at read committed, a read
 * inside the transaction would see nothing more) — the transaction's first statement is then its
 * insert. Call `numberAhead` first; this completes what it took ahead.
 */
export async function checkAhead(
  db: Db,
  items: IntakeItem[],
  skus: SkuLookup,
  ahead: NumbersAhead,
  windowHours: number,
  now: Date,
): Promise<void> {
  const checked = new Map(items.map((i) => [i.index, checkOrder(i.draft, skus)]));
  const byMerchant = new Map<string, CheckedOrder[]>();
  for (const i of items) {
    const list = byMerchant.get(i.draft.merchantId);
    if (list) list.push(checked.get(i.index)!);
    else byMerchant.set(i.draft.merchantId, [checked.get(i.index)!]);
  }
  const windowMs = windowHours * 3_600_000;
  const facts = new Map<string, CrossFacts>();
  await Promise.all(
    [...byMerchant].map(async ([merchantId, list]) =>
      facts.set(
        merchantId,
        await crossCheckFacts(
          db,
          merchantId,
          list.map((c) => c.phone.normalised),
          list.map((c) => c.dedupeKey),
          windowMs > 0 ? new Date(now.getTime() - windowMs) : null,
        ),
      ),
    ),
  );
  ahead.checked = checked;
  ahead.facts = facts;
}

export async function intakeOrders(
  trx: Trx,
  items: IntakeItem[],
  skus: SkuLookup,
  ctx: IntakeContext,
): Promise<IntakeOutcome[]> {
  const existing =
    ctx.ahead?.existing ??
    (await existingByChannelNo(
      trx,
      items.map((i) => i.draft),
    ));
  const outcomes = new Map<number, IntakeOutcome>();
  const firstInBatch = new Map<string, number>();
  const fresh: Array<IntakeItem & { checked: CheckedOrder }> = [];
  const repeats: IntakeItem[] = [];
  for (const item of items) {
    const key = keyOf(item.draft);
    const known = existing.get(key);
    if (known) {
      outcomes.set(item.index, existingOutcome(item.index, known));
    } else if (firstInBatch.has(key)) repeats.push(item);
    else {
      firstInBatch.set(key, item.index);
      const ahead = ctx.ahead?.checked?.get(item.index);
      // Checked ahead: this attempt adds its own cross-check issues to a copy.
      const checked = ahead ? { ...ahead, issues: [...ahead.issues] } : checkOrder(item.draft, skus);
      fresh.push({ ...item, checked });
    }
  }
  const numbers =
    ctx.ahead && ctx.ahead.numbers.length === fresh.length
      ? ctx.ahead.numbers
      : await nextDocNumbers(trx, 'SO', ctx.now, fresh.length, ctx.timeZone);
  await crossCheckBatch(trx, fresh, numbers, ctx);

  const rows = fresh.map((f, k) => orderRow(f.draft, f.checked, numbers[k], ctx));
  const linesOf = rows.map((row, k) => lineRows(row.id, fresh[k].checked));
  const historyOf: NewHistory[][] = rows.map((row) => [
    {
      orderId: row.id,
      action: 'created',
      from: null,
      to: 'created',
      note: null,
      details: { source: ctx.source },
    },
    {
      orderId: row.id,
      action: 'validate',
      from: 'created',
      to: row.status,
      note: null,
      details: row.reason_codes.length ? { reasons: row.reason_codes } : null,
    },
  ]);
  const settled = ctx.settle
    ? await ctx.settle(rows.map((row, k) => ({ index: fresh[k].index, row, lines: linesOf[k] })))
    : new Map<string, Settled>();
  const parts: NonNullable<Settled['split']>['parts'][] = rows.map(() => []);
  rows.forEach((row, k) => {
    const s = settled.get(row.id);
    if (!s) return;
    if (s.split) {
      linesOf[k] = s.split.lines;
      Object.assign(row, totalsOf(row, s.split.lines), { split_seq: s.split.parts.length });
      historyOf[k].push(...s.split.history);
      parts[k] = s.split.parts;
    }
    historyOf[k].push({
      orderId: row.id,
      action: s.entry.action,
      from: row.status,
      to: s.to,
      note: null,
      details: s.entry.details ?? null,
    });
    const { issues, ...set } = s.set;
    Object.assign(row, set, issues ? { issues } : {}, {
      status: s.to,
      exception_since: s.to === 'exception' ? ctx.now : null,
    });
  });
  const allParts = parts.flat();
  const history = [...historyOf.flat(), ...allParts.flatMap((p) => p.history)];
  // Orders, lines and history in one statement; an order someone else stored meanwhile is skipped,
  // and so are the parts split from it.
  const inserted = await insertOrdersWithLines(
    trx,
    rows,
    [...linesOf.flat(), ...allParts.flatMap((p) => p.lines)],
    history,
    ctx.actor,
    ctx.now,
    allParts.map((p) => p.row),
    ctx.withInsert?.build(),
  );
  if (ctx.withInsert) ctx.withInsert.rows = inserted.alsoRows;
  const created: NewOrderRow[] = [];
  const raced: IntakeItem[] = [];
  fresh.forEach((f, k) => {
    const row = rows[k];
    if (!inserted.has(row.id)) {
      raced.push(f);
      return;
    }
    created.push(row);
    outcomes.set(f.index, {
      index: f.index,
      result: 'created',
      id: row.id,
      number: row.number,
      status: row.status,
      reasons: row.reason_codes,
      created: { row, lines: linesOf[k], history: historyOf[k], parts: parts[k].map((p) => p.row) },
    });
  });
  const audits = auditEntries(created, ctx);
  if (ctx.auditTo) ctx.auditTo.push(...audits);
  else await recordAudits(trx, ctx.actor, audits, ctx.now);

  // Repeats within the batch, and orders someone else inserted meanwhile, point at the stored one.
  const late = [...repeats, ...raced];
  if (late.length) {
    const stored = await existingByChannelNo(
      trx,
      late.map((i) => i.draft),
    );
    for (const item of late) {
      outcomes.set(item.index, existingOutcome(item.index, stored.get(keyOf(item.draft))!));
    }
  }
  return items.map((i) => outcomes.get(i.index)!);
}

/**
 * The audit trail of an intake: one entry per order when a few come in; for a batch, one entry per
 * merchant naming the range of numbers (each order's own history still says who created it).
 */
function auditEntries(created: NewOrderRow[], ctx: IntakeContext): Parameters<typeof recordAudits>[2] {
  if (created.length <= 10 || ctx.auditEach)
    return created.map((row) => ({
      action: 'create',
      entity: ORDER_ENTITY,
      entityId: row.id,
      summary: `${row.number} ${row.channel}/${row.external_no} → ${row.status}`,
      after: { number: row.number, status: row.status, reasons: row.reason_codes, totalFen: row.total_fen },
      merchantId: row.merchant_id,
    }));
  const byMerchant = new Map<string, NewOrderRow[]>();
  for (const row of created) {
    const rows = byMerchant.get(row.merchant_id);
    if (rows) rows.push(row);
    else byMerchant.set(row.merchant_id, [row]);
  }
  return [...byMerchant].map(([merchantId, rows]) => ({
    action: 'create_batch',
    entity: ORDER_ENTITY,
    entityId: ctx.importJobId ?? rows[0].id,
    summary: `${rows.length} orders ${rows[0].number} … ${rows[rows.length - 1].number} (${ctx.source})`,
    after: {
      count: rows.length,
      first: rows[0].number,
      last: rows[rows.length - 1].number,
      exceptions: rows.filter((r) => r.status === 'exception').length,
      importJobId: ctx.importJobId ?? null,
    },
    merchantId,
  }));
}

/** Blocked consignees and suspected duplicates, against stored orders and within the batch. */
async function crossCheckBatch(
  trx: Trx,
  fresh: Array<IntakeItem & { checked: CheckedOrder }>,
  numbers: string[],
  ctx: IntakeContext,
) {
  const byMerchant = new Map<string, number[]>();
  for (const [k, f] of fresh.entries()) {
    const ks = byMerchant.get(f.draft.merchantId);
    if (ks) ks.push(k);
    else byMerchant.set(f.draft.merchantId, [k]);
  }
  const windowMs = ctx.settings.duplicateWindowHours * 3_600_000;
  for (const [merchantId, ks] of byMerchant) {
    const { blocked, recent } =
      ctx.ahead?.facts?.get(merchantId) ??
      (await crossCheckFacts(
        trx,
        merchantId,
        ks.map((k) => fresh[k].checked.phone.normalised),
        ks.map((k) => fresh[k].checked.dedupeKey),
        windowMs > 0 ? new Date(ctx.now.getTime() - windowMs) : null,
      ));
    const seen = new Map<string, string>();
    for (const k of ks) {
      const c = fresh[k].checked;
      const duplicateOf = windowMs > 0 ? (recent.get(c.dedupeKey) ?? seen.get(c.dedupeKey) ?? null) : null;
      crossCheck(c, { blocked: blocked.get(c.phone.normalised) ?? null, duplicateOf });
      if (!seen.has(c.dedupeKey)) seen.set(c.dedupeKey, numbers[k]);
    }
  }
}

/** The stored row for a checked order. */
export function orderRow(
  draft: OrderDraft,
  checked: CheckedOrder,
  number: string,
  ctx: Pick<IntakeContext, 'now' | 'source' | 'createdBy' | 'importJobId'>,
  extra: Partial<NewOrderRow> = {},
): NewOrderRow {
  const reasons = [...new Set(checked.issues.map((i) => i.code))];
  const status: OrderStatus = reasons.length ? 'exception' : 'validated';
  const parts = checked.address.parts;
  return {
    id: newId(),
    number,
    parent_id: null,
    split_seq: 0,
    merchant_id: draft.merchantId,
    channel: draft.channel,
    external_no: draft.externalNo,
    status,
    reason_codes: reasons,
    issues: checked.issues,
    overrides: [],
    exception_since: status === 'exception' ? ctx.now : null,
    consignee_name: draft.consignee.name,
    consignee_phone: checked.phone.normalised,
    consignee_email: draft.consignee.email ?? null,
    phone_kind: checked.phone.kind,
    phone_last4: checked.phone.last4,
    address_text: checked.addressText,
    province_code: parts?.provinceCode ?? checked.address.provinceCode,
    province_name: parts?.provinceName ?? null,
    city_code: parts?.cityCode ?? checked.address.cityCode,
    city_name: parts?.cityName ?? null,
    district_code: parts?.districtCode ?? null,
    district_name: parts?.districtName ?? null,
    address_detail: checked.address.detail,
    address_status: checked.address.status,
    address_notes: checked.address.notes,
    address_suggestions: checked.address.suggestions,
    payment_status: draft.payment.status,
    cod_amount_fen: draft.payment.status === 'cod' ? (draft.payment.codAmountFen ?? null) : null,
    total_fen: checked.totalFen,
    currency: 'CNY',
    service_type: draft.serviceType,
    window_from: draft.deliveryWindow ? new Date(draft.deliveryWindow.from) : null,
    window_to: draft.deliveryWindow ? new Date(draft.deliveryWindow.to) : null,
    notes: draft.notes || null,
    weight_g: checked.weightG,
    dedupe_key: checked.dedupeKey,
    warehouse_id: null,
    shipping_cost_fen: null,
    promised_date: null,
    carrier: null,
    waybill_no: null,
    intercept_requested_at: null,
    source: ctx.source,
    import_job_id: ctx.importJobId ?? null,
    created_by: ctx.createdBy,
    created_at: ctx.now,
    updated_at: ctx.now,
    status_changed_at: ctx.now,
    ...extra,
  };
}

export function lineRows(orderId: string, checked: Pick<CheckedOrder, 'lines'>): OrderLineRow[] {
  return checked.lines.map((l) => ({
    id: newId(),
    order_id: orderId,
    line_no: l.lineNo,
    sku_id: l.skuId,
    sku_code: l.skuCode,
    sku_name: l.skuName,
    storage_class: l.storageClass,
    unit_weight_g: l.unitWeightG,
    qty: l.qty,
    unit_price_fen: l.unitPriceFen,
  }));
}
