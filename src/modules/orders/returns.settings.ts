import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { ordersDb } from './order.tables';

/**
 * Return rules a team sets from the console, kept in `orders.setting` under `returns.*` keys (the
 * order desk's own settings ignore them). Days are calendar days counted from the business day the
 * order was delivered (or shipped, when no delivery was reported): 七天无理由 by default 7, faults
 * of the seller (damaged, wrong item, not as described, quality) by default 15.
 */
export const returnSettingsSchema = z.strictObject({
  windowDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .describe('Days after delivery (or shipping) a return may be requested for any reason (七天无理由).'),
  defectWindowDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .describe('Days for damaged, wrong, not-as-described or faulty goods.'),
});
export type ReturnSettings = z.output<typeof returnSettingsSchema>;

export const DEFAULT_RETURN_SETTINGS: ReturnSettings = { windowDays: 7, defectWindowDays: 15 };

const PREFIX = 'returns.';

export async function getReturnSettings(db: Db | Trx): Promise<ReturnSettings> {
  const rows = await ordersDb(db as Db)
    .selectFrom('orders.setting')
    .select(['key', 'value'])
    .where('key', 'like', `${PREFIX}%`)
    .execute();
  const merged = { ...DEFAULT_RETURN_SETTINGS };
  for (const r of rows) {
    const key = r.key.slice(PREFIX.length) as keyof ReturnSettings;
    if (!(key in DEFAULT_RETURN_SETTINGS)) continue;
    const parsed = returnSettingsSchema.shape[key].safeParse(r.value);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged;
}

export async function updateReturnSettings(
  trx: Trx,
  patch: Partial<ReturnSettings>,
  actor: Actor,
  now: Date,
): Promise<ReturnSettings> {
  const before = await getReturnSettings(trx);
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  for (const [key, value] of entries) {
    const row = { value: JSON.stringify(value), updated_at: now, updated_by: actor.name };
    await ordersDb(trx)
      .insertInto('orders.setting')
      .values({ key: `${PREFIX}${key}`, ...row })
      .onConflict((oc) => oc.column('key').doUpdateSet(row))
      .execute();
  }
  const after = await getReturnSettings(trx);
  if (entries.length)
    await recordAudit(
      trx,
      actor,
      { action: 'update', entity: 'orders.return_settings', entityId: 'returns', before, after },
      now,
    );
  return after;
}
