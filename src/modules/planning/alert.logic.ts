/**
 * Alert rules (预警, pure): a projected stock-out the normal replenishment cycle cannot prevent,
 * overstock by days of cover, slow movers by days since the last sale, and near-expiry lots with the
 * quantity forecast to be left unsold (FEFO).
 */
import { daysBetween, plusDays } from './days';
import { OVERSTOCK_DAYS, SLOW_MOVER_DAYS, STOCKOUT_ALERT_DAYS } from './policy.defaults';
import type { Reason } from './replenishment.logic';

export const ALERT_KINDS = ['stockout_risk', 'overstock', 'slow_mover', 'near_expiry'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface AlertDraft {
  kind: AlertKind;
  severity: AlertSeverity;
  lotId: string | null;
  params: Record<string, string | number | null>;
}

export interface StockAlertInput {
  today: string;
  /** Everything on hand (all statuses) and what of it is usable. */
  onHand: number;
  available: number;
  /** Forecast from today, daily means (empty: no forecast, so no overstock judgement). */
  mean: readonly number[];
  stockoutDate: string | null;
  nextReceipt: string | null;
  leadTimeDays: number;
  reviewPeriodDays: number;
  storageClass: string;
  lastSaleDay: string | null;
  unitCostFen: number | null;
  /** Promotions / festivals before the stock-out, from the replenishment plan's reasons. */
  eventsBefore: readonly Reason[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export function stockAlerts(input: StockAlertInput): AlertDraft[] {
  const { today } = input;
  const out: AlertDraft[] = [];
  // A stock-out is worth an alert when the normal cycle cannot prevent it: it comes within the lead
  // time plus review period, or before a receipt already on its way arrives.
  const daysLeft = input.stockoutDate ? daysBetween(today, input.stockoutDate) : null;
  const cycle = Math.min(STOCKOUT_ALERT_DAYS, Math.ceil(input.leadTimeDays + input.reviewPeriodDays));
  const beforeReceipt = !!input.nextReceipt && !!input.stockoutDate && input.stockoutDate < input.nextReceipt;
  if (daysLeft !== null && (daysLeft <= cycle || (beforeReceipt && daysLeft <= STOCKOUT_ALERT_DAYS))) {
    const first = input.eventsBefore[0];
    out.push({
      kind: 'stockout_risk',
      severity: daysLeft <= Math.ceil(input.leadTimeDays) ? 'critical' : 'warning',
      lotId: null,
      params: {
        date: input.stockoutDate,
        daysLeft,
        nextReceipt: input.nextReceipt,
        event: first ? (first.code === 'promotion_ahead' ? 'promotion' : String(first.params.event)) : null,
        promotionName: first?.code === 'promotion_ahead' ? String(first.params.name) : null,
        eventDate: first ? String(first.params.date) : null,
      },
    });
  }
  if (input.onHand <= 0) return out;
  const idleDays = input.lastSaleDay ? daysBetween(input.lastSaleDay, today) : null;
  if (idleDays === null || idleDays >= SLOW_MOVER_DAYS) {
    out.push({
      kind: 'slow_mover',
      severity: idleDays === null || idleDays >= 2 * SLOW_MOVER_DAYS ? 'warning' : 'info',
      lotId: null,
      params: { onHand: input.onHand, lastSale: input.lastSaleDay, idleDays },
    });
    return out;
  }
  // Without a forecast there is no rate to measure cover against.
  if (!input.mean.length) return out;
  const next30 = input.mean.slice(0, 30);
  const daily = next30.length ? next30.reduce((a, b) => a + b, 0) / next30.length : 0;
  const threshold = OVERSTOCK_DAYS[input.storageClass] ?? OVERSTOCK_DAYS.ambient;
  const cover = daily > 0 ? input.onHand / daily : Number.POSITIVE_INFINITY;
  if (cover > threshold) {
    const excess = Math.max(0, Math.floor(input.onHand - threshold * daily));
    out.push({
      kind: 'overstock',
      severity: cover > 2 * threshold ? 'warning' : 'info',
      lotId: null,
      params: {
        onHand: input.onHand,
        coverDays: Number.isFinite(cover) ? round1(cover) : null,
        threshold,
        excess,
        excessValueFen: input.unitCostFen ? excess * input.unitCostFen : null,
      },
    });
  }
  return out;
}

export interface LotStock {
  lotId: string;
  lotCode: string | null;
  expiryDate: string;
  qty: number;
}

export interface ExpiryInput {
  today: string;
  lots: readonly LotStock[];
  /** Forecast from today, daily means. */
  mean: readonly number[];
  shelfLifeDays: number | null;
  minRemainingShelfLifeDays: number | null;
}

/**
 * Lots sell first-expired-first-out until their last sellable day (expiry minus the minimum remaining
 * shelf life customers must receive). What the forecast cannot sell by then is at risk. A lot past
 * its last sellable day is critical; one with stock at risk within 30 days a warning; one inside the
 * last fifth of its shelf life is noted (info).
 */
export function expiryAlerts(input: ExpiryInput): AlertDraft[] {
  const { today } = input;
  const margin = input.minRemainingShelfLifeDays ?? 0;
  const lots = [...input.lots]
    .filter((l) => l.qty > 0)
    .sort((a, b) => (a.expiryDate < b.expiryDate ? -1 : 1));
  const out: AlertDraft[] = [];
  let consumed = 0;
  for (const lot of lots) {
    const lastSellable = plusDays(lot.expiryDate, -margin);
    const daysLeft = daysBetween(today, lastSellable);
    const demand = input.mean.slice(0, Math.max(0, daysLeft + 1)).reduce((a, b) => a + b, 0);
    const sellable = Math.max(0, demand - consumed);
    const sold = Math.min(lot.qty, sellable);
    consumed += sold;
    const atRisk = Math.max(0, Math.ceil(lot.qty - sold - 1e-9));
    const params = {
      lotCode: lot.lotCode,
      expiryDate: lot.expiryDate,
      lastSellable,
      daysLeft,
      qty: lot.qty,
      atRisk: daysLeft < 0 ? lot.qty : atRisk,
    };
    const noticeDays = input.shelfLifeDays ? Math.ceil(input.shelfLifeDays * 0.2) : 0;
    if (daysLeft < 0) out.push({ kind: 'near_expiry', severity: 'critical', lotId: lot.lotId, params });
    else if (atRisk > 0 && daysLeft <= 30)
      out.push({ kind: 'near_expiry', severity: 'warning', lotId: lot.lotId, params });
    else if (daysLeft <= noticeDays)
      out.push({ kind: 'near_expiry', severity: 'info', lotId: lot.lotId, params });
  }
  return out;
}
