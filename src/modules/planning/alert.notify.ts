import type { Db, Trx } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import type { OutboxHandler } from '../../platform/events';
import { type Lang, t } from '../../platform/i18n/i18n';
import { ALERT_RAISED_TOPIC, toAlert } from './alert.service';
import { type PlanningDeps, skuOrNull } from './planning.deps';
import { alertText } from './planning.labels';
import { planningDb } from './planning.tables';

/** What the composition root hands planning to tell staff (the notifications module's `notifyStaff`). */
export interface StaffNoticeInput {
  eventId: string;
  topic: string;
  severity: 'critical' | 'warning' | 'info';
  permission: string;
  warehouseId?: string | null;
  merchantId?: string | null;
  title: Record<Lang, string>;
  body: Record<Lang, string>;
  link?: string | null;
}
export type NotifyStaff = (trx: Trx, notice: StaffNoticeInput, now: Date) => Promise<number>;

/** Who hears of an alert: whoever may acknowledge it, in the alert's warehouse. */
export const ALERT_AUDIENCE = 'planning.alert.ack';

/** The console's alert list narrowed to this alert's SKU, warehouse and kind. */
export const alertLink = (a: { kind: string; skuId: string; warehouseId: string }) =>
  `/planning/alerts?kind=${a.kind}&warehouseId=${a.warehouseId}&skuId=${a.skuId}`;

const LANGS: Lang[] = ['zh-CN', 'en'];
const both = (f: (lang: Lang) => string) =>
  Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Record<Lang, string>;

/**
 * Tells planners about an alert raised (or made more severe) by the daily review: the inbox of every
 * user allowed to acknowledge it in that warehouse, and e-mail for critical ones. A
 * resolved or vanished alert is not announced; a redelivered event announces nothing twice.
 */
export function alertNoticeHandler(deps: PlanningDeps & { notifyStaff: NotifyStaff }): OutboxHandler {
  return {
    name: 'planning.alert_notice',
    topics: [ALERT_RAISED_TOPIC],
    async handle(db: Db, event) {
      const alertId = (event.payload as { alertId?: unknown } | null)?.alertId;
      if (typeof alertId !== 'string') return;
      const row = await planningDb(db)
        .selectFrom('planning.alert')
        .selectAll()
        .where('id', '=', alertId)
        .executeTakeFirst();
      if (!row || row.status === 'resolved') return;
      const alert = toAlert(row);
      const sku = await skuOrNull(db, deps, alert.skuId);
      const warehouse = (await deps.listWarehouses(db, null)).find((w) => w.id === alert.warehouseId);
      const skuName = (lang: Lang) => (lang === 'en' ? (sku?.nameEn ?? sku?.nameZh) : sku?.nameZh) ?? '';
      const whName = (lang: Lang) =>
        (lang === 'en' ? warehouse?.nameEn : warehouse?.nameZh) ?? warehouse?.code ?? '';
      await inTransaction(db, (trx) =>
        deps.notifyStaff(
          trx,
          {
            eventId: event.id,
            topic: ALERT_RAISED_TOPIC,
            severity: alert.severity,
            permission: ALERT_AUDIENCE,
            warehouseId: alert.warehouseId,
            merchantId: alert.merchantId,
            title: both((lang) =>
              t(lang, 'planning.notice.title', {
                severity: t(lang, `planning.severity.${alert.severity}`),
                kind: t(lang, `planning.kind.${alert.kind}`),
                sku: `${sku?.code ?? alert.skuId} ${skuName(lang)}`.trim(),
                warehouse: whName(lang),
              }),
            ),
            body: both((lang) => alertText(lang, alert)),
            link: alertLink(alert),
          },
          new Date(),
        ),
      );
    },
  };
}
