import { type Lang, t } from '../../platform/i18n/i18n';
import type { Alert } from './alert.service';
import type { Reason } from './replenishment.logic';

/** Human texts for event keys, reasons and alerts, in the request's language. */

const HOLIDAYS_ZH: Record<string, string> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
  'Anti-Fascist 70th Day': '抗战胜利纪念日',
};

export function eventLabel(lang: Lang, event: string, promotionNames?: ReadonlyMap<string, string>): string {
  if (event.startsWith('promotion:')) {
    const id = event.slice('promotion:'.length);
    return t(lang, 'planning.event.promotion', { name: promotionNames?.get(id) ?? id });
  }
  if (event.startsWith('holiday:')) {
    const name = event.slice('holiday:'.length);
    return t(lang, 'planning.event.holiday', { name: lang === 'zh-CN' ? (HOLIDAYS_ZH[name] ?? name) : name });
  }
  return t(lang, `planning.event.${event}`);
}

export const reasonText = (lang: Lang, r: Reason): string =>
  t(lang, `planning.reason.${r.code}`, {
    ...r.params,
    ...(r.code === 'event_ahead' ? { eventName: eventLabel(lang, String(r.params.event)) } : {}),
  });

export function alertText(lang: Lang, a: Pick<Alert, 'kind' | 'params'>): string {
  const p = a.params;
  switch (a.kind) {
    case 'stockout_risk':
      return p.event
        ? t(lang, 'planning.alert.stockout_risk_event', {
            ...p,
            eventName:
              p.event === 'promotion'
                ? t(lang, 'planning.event.promotion', { name: p.promotionName })
                : eventLabel(lang, String(p.event)),
          })
        : t(lang, 'planning.alert.stockout_risk', p);
    case 'overstock':
      return p.coverDays === null
        ? t(lang, 'planning.alert.overstock_no_demand', p)
        : t(lang, 'planning.alert.overstock', p);
    case 'slow_mover':
      return p.lastSale
        ? t(lang, 'planning.alert.slow_mover', p)
        : t(lang, 'planning.alert.slow_mover_never', p);
    default:
      return t(lang, 'planning.alert.near_expiry', p);
  }
}
