import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { REFERENCE_TTL_MS, referenceCache } from '../../platform/lib/reference-cache';
import { ordersDb } from './order.tables';

/**
 * Settings of the order desk, kept in `orders.setting` (one row per key) so a team changes them
 * from the console without a restart. Missing keys take the defaults below.
 */
export const settingsSchema = z.strictObject({
  exceptionSlaHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .describe('Hours an order may wait in the exception queue before it is overdue.'),
  duplicateWindowHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .describe('Same phone + address + items within this many hours is a suspected duplicate (0 = off).'),
  autoAllocate: z.boolean().describe('Allocate validated orders at once (intake through the API).'),
  autoRelease: z.boolean().describe('Release allocated orders to the warehouse at once.'),
  cutoffHour: z
    .number()
    .int()
    .min(0)
    .max(24)
    .describe('Local hour after which orders ship the next working day.'),
  splitMinSavingFen: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .describe(
      'A split shipment must save at least this much shipping cost (fen) to be chosen over one warehouse.',
    ),
});
export type OrdersSettings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: OrdersSettings = {
  exceptionSlaHours: 4,
  duplicateWindowHours: 24,
  autoAllocate: true,
  autoRelease: false,
  cutoffHour: 16,
  splitMinSavingFen: 100,
};

/** Outside a transaction the settings come from a short-lived cache (every order placement reads them). */
const cached = referenceCache(REFERENCE_TTL_MS, (db: Db) => readSettings(db));

/** After a committed change of the desk settings (the route calls it; writes here call it too). */
export const settingsChanged = () => cached.invalidate();

export async function getSettings(db: Db | Trx): Promise<OrdersSettings> {
  if (db.isTransaction) return readSettings(db);
  return { ...(await cached.get(db)) };
}

async function readSettings(db: Db | Trx): Promise<OrdersSettings> {
  const rows = await ordersDb(db as Db)
    .selectFrom('orders.setting')
    .select(['key', 'value'])
    .execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof OrdersSettings>) {
    const parsed = settingsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) (merged as Record<string, unknown>)[key] = parsed.data;
  }
  return merged;
}

export async function updateSettings(
  trx: Trx,
  patch: Partial<OrdersSettings>,
  actor: Actor,
  now: Date,
): Promise<OrdersSettings> {
  const before = await getSettings(trx);
  settingsChanged();
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  for (const [key, value] of entries)
    await ordersDb(trx)
      .insertInto('orders.setting')
      .values({ key, value: JSON.stringify(value), updated_at: now, updated_by: actor.name })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ value: JSON.stringify(value), updated_at: now, updated_by: actor.name }),
      )
      .execute();
  const after = await getSettings(trx);
  if (entries.length)
    await recordAudit(
      trx,
      actor,
      {
        action: 'update',
        entity: 'orders.settings',
        entityId: 'orders',
        before,
        after,
        summary: 'order desk settings',
      },
      now,
    );
  return after;
}
