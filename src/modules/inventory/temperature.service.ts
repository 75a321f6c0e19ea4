import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import { canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { raiseAlert } from './alert.service';
import {
  coldDb,
  type ExcursionRow,
  type TemperatureRuleRow,
  type ZoneTemperatureStateRow,
} from './coldchain.tables';
import type { LedgerContext } from './ledger.repo';
import type { StorageClass } from './location.service';
import { holdBalances } from './quality-hold.service';
import type { BalanceRow } from './stock.tables';

/**
 * Temperature control (温控): readings per zone (or vehicle) from sensors or by hand, evaluated
 * against the zone's range (`temp_min_dc`..`temp_max_dc`) and its storage class's rule. A zone out
 * of range for `tolerance_minutes` — or beyond the range by more than `hard_margin_dc` at once — has
 * an excursion: it is recorded (start = first out-of-range reading, peak, end when back in range),
 * an alert is raised, the stock in the zone goes on quality hold, and
 * `inventory.temperature_excursion` is published for the quality module.
 */
export const TEMPERATURE_EXCURSION = 'inventory.temperature_excursion';
export const TEMPERATURE_EXCURSION_ENDED = 'inventory.temperature_excursion_ended';
/** Readings more than this far in the future (clock skew) are refused. */
const FUTURE_SLACK_MS = 5 * 60_000;

export interface ReadingInput {
  zoneId?: string | null;
  vehicleId?: string | null;
  deviceId?: string | null;
  /** ISO-8601 instant the sensor measured. */
  at: string;
  tempDc: number;
}

export interface RecordOutcome {
  accepted: number;
  duplicates: number;
  excursionsOpened: string[];
  excursionsClosed: string[];
}

interface ZoneFacts {
  id: string;
  code: string;
  warehouse_id: string;
  storage_class: StorageClass;
  temp_min_dc: number | null;
  temp_max_dc: number | null;
}

/** Record readings (all or none) and evaluate the zones they touch, in the caller's transaction. */
export async function recordReadings(
  trx: Trx,
  inputs: ReadingInput[],
  source: 'sensor' | 'manual',
  ctx: LedgerContext & { principal: Principal | null },
): Promise<RecordOutcome> {
  const zoneIds = [...new Set(inputs.flatMap((r) => (r.zoneId ? [r.zoneId] : [])))];
  const zones = new Map<string, ZoneFacts>();
  if (zoneIds.length)
    for (const z of await coldDb(trx)
      .selectFrom('inventory.zone')
      .select(['id', 'code', 'warehouse_id', 'storage_class', 'temp_min_dc', 'temp_max_dc'])
      .where('id', 'in', zoneIds)
      .execute())
      zones.set(z.id, z);
  const rows = inputs.map((r, index) => {
    const field = `body${inputs.length > 1 ? `.readings.${index}` : ''}`;
    if (Boolean(r.zoneId) === Boolean(r.vehicleId))
      throw badRequest('validation_failed', {}, [
        { field: `${field}.zoneId`, code: 'inventory.reading_target', message: 'inventory.reading_target' },
      ]);
    const at = new Date(r.at);
    if (at.getTime() > ctx.now.getTime() + FUTURE_SLACK_MS)
      throw badRequest('validation_failed', {}, [
        { field: `${field}.at`, code: 'inventory.reading_in_future', message: 'inventory.reading_in_future' },
      ]);
    const zone = r.zoneId ? zones.get(r.zoneId) : null;
    if (r.zoneId && (!zone || (ctx.principal && !canAccessWarehouse(ctx.principal, zone.warehouse_id))))
      throw notFound('zone', r.zoneId);
    return {
      warehouse_id: zone?.warehouse_id ?? null,
      zone_id: r.zoneId ?? null,
      vehicle_id: r.vehicleId ?? null,
      device_id: r.deviceId ?? null,
      source,
      at,
      temp_dc: r.tempDc,
      recorded_by_id: ctx.actor.id,
      recorded_by_name: ctx.actor.name,
      created_at: ctx.now,
    };
  });
  if (!rows.length) return { accepted: 0, duplicates: 0, excursionsOpened: [], excursionsClosed: [] };
  const inserted = await coldDb(trx)
    .insertInto('inventory.temperature_reading')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'zone_id'])
    .execute();
  const outcome: RecordOutcome = {
    accepted: inserted.length,
    duplicates: rows.length - inserted.length,
    excursionsOpened: [],
    excursionsClosed: [],
  };
  const touched = [...new Set(inserted.flatMap((r) => (r.zone_id ? [r.zone_id] : [])))].sort();
  for (const zoneId of touched) {
    const { opened, closed } = await evaluateZone(trx, zones.get(zoneId)!, ctx);
    outcome.excursionsOpened.push(...opened);
    outcome.excursionsClosed.push(...closed);
  }
  if (source === 'manual')
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: 'record',
        entity: 'temperature_reading',
        entityId: zoneIds[0] ?? rows[0].vehicle_id ?? '-',
        summary: `${inserted.length} manual temperature reading(s)`,
        after: { readings: inputs.slice(0, 20), outcome },
      },
      ctx.now,
    );
  return outcome;
}

export async function ruleFor(trx: Trx, storageClass: StorageClass): Promise<TemperatureRuleRow> {
  const rule = await coldDb(trx)
    .selectFrom('inventory.temperature_rule')
    .selectAll()
    .where('storage_class', '=', storageClass)
    .executeTakeFirst();
  return (
    rule ?? {
      storage_class: storageClass,
      tolerance_minutes: 30,
      hard_margin_dc: 30,
      updated_at: new Date(0),
      updated_by: null,
    }
  );
}

/** How far outside [min, max] a value is (0 inside). */
const beyond = (t: number, min: number, max: number) => (t > max ? t - max : t < min ? min - t : 0);

/**
 * Walk the zone's readings not evaluated yet, in time order, through the out-of-range state machine.
 * The zone's state row is locked, so concurrent batches for one zone evaluate one after the other.
 * A reading older than the last evaluated one is stored (and charted) but does not rewrite history.
 */
async function evaluateZone(
  trx: Trx,
  zone: ZoneFacts,
  ctx: LedgerContext,
): Promise<{ opened: string[]; closed: string[] }> {
  await sql`insert into inventory.zone_temperature_state (zone_id, evaluated_until)
    values (${zone.id}, '-infinity') on conflict (zone_id) do nothing`.execute(trx);
  const state = (await coldDb(trx)
    .selectFrom('inventory.zone_temperature_state')
    .selectAll()
    .where('zone_id', '=', zone.id)
    .forUpdate()
    .executeTakeFirstOrThrow()) as ZoneTemperatureStateRow;
  const readings = await coldDb(trx)
    .selectFrom('inventory.temperature_reading')
    .select(['at', 'temp_dc'])
    .where('zone_id', '=', zone.id)
    .where('at', '>', state.evaluated_until)
    .orderBy('at')
    .execute();
  const result = { opened: [] as string[], closed: [] as string[] };
  if (!readings.length) return result;
  const last = readings[readings.length - 1].at;
  if (zone.temp_min_dc === null || zone.temp_max_dc === null) {
    await coldDb(trx)
      .updateTable('inventory.zone_temperature_state')
      .set({ evaluated_until: last })
      .where('zone_id', '=', zone.id)
      .execute();
    return result;
  }
  const [min, max] = [zone.temp_min_dc, zone.temp_max_dc];
  const rule = await ruleFor(trx, zone.storage_class);
  let open: ExcursionRow | null = state.open_excursion_id
    ? ((await coldDb(trx)
        .selectFrom('inventory.temperature_excursion')
        .selectAll()
        .where('id', '=', state.open_excursion_id)
        .executeTakeFirst()) ?? null)
    : null;
  let outSince = state.out_since;
  let spellPeak = state.spell_peak_dc;
  for (const r of readings) {
    const t = r.temp_dc;
    const off = beyond(t, min, max);
    if (off === 0) {
      if (open) {
        open = { ...open, ended_at: r.at };
        await coldDb(trx)
          .updateTable('inventory.temperature_excursion')
          .set({ ended_at: r.at, peak_dc: open.peak_dc })
          .where('id', '=', open.id)
          .execute();
        await publish(
          trx,
          TEMPERATURE_EXCURSION_ENDED,
          {
            excursionId: open.id,
            warehouseId: zone.warehouse_id,
            zoneId: zone.id,
            zoneCode: zone.code,
            startedAt: open.started_at.toISOString(),
            endedAt: r.at.toISOString(),
            peakDc: open.peak_dc,
            holdId: open.hold_id,
          },
          ctx.now,
        );
        result.closed.push(open.id);
        open = null;
      }
      outSince = null;
      spellPeak = null;
      continue;
    }
    if (outSince === null || spellPeak === null) {
      outSince = r.at;
      spellPeak = t;
    } else if (off > beyond(spellPeak, min, max)) spellPeak = t;
    if (open) {
      if (off > beyond(open.peak_dc, min, max)) {
        open = { ...open, peak_dc: t };
        await coldDb(trx)
          .updateTable('inventory.temperature_excursion')
          .set({ peak_dc: t })
          .where('id', '=', open.id)
          .execute();
      }
      continue;
    }
    const hard = off > rule.hard_margin_dc;
    const long = r.at.getTime() - outSince.getTime() >= rule.tolerance_minutes * 60_000;
    if (!hard && !long) continue;
    open = await openExcursion(
      trx,
      zone,
      rule,
      { startedAt: outSince, detectedAt: r.at, peakDc: spellPeak, trigger: hard ? 'hard_limit' : 'duration' },
      ctx,
    );
    result.opened.push(open.id);
  }
  await coldDb(trx)
    .updateTable('inventory.zone_temperature_state')
    .set({
      evaluated_until: last,
      out_since: outSince,
      spell_peak_dc: spellPeak,
      open_excursion_id: open?.id ?? null,
    })
    .where('zone_id', '=', zone.id)
    .execute();
  return result;
}

/** Record the excursion, hold the zone's stock, raise the alert and publish the event. */
async function openExcursion(
  trx: Trx,
  zone: ZoneFacts,
  rule: TemperatureRuleRow,
  spell: { startedAt: Date; detectedAt: Date; peakDc: number; trigger: 'duration' | 'hard_limit' },
  ctx: LedgerContext,
): Promise<ExcursionRow> {
  const [min, max] = [zone.temp_min_dc!, zone.temp_max_dc!];
  const excursion = await coldDb(trx)
    .insertInto('inventory.temperature_excursion')
    .values({
      id: newId(),
      warehouse_id: zone.warehouse_id,
      zone_id: zone.id,
      started_at: spell.startedAt,
      detected_at: spell.detectedAt,
      ended_at: null,
      direction: spell.peakDc > max ? 'high' : 'low',
      trigger: spell.trigger,
      peak_dc: spell.peakDc,
      band_min_dc: min,
      band_max_dc: max,
      tolerance_minutes: rule.tolerance_minutes,
      hard_margin_dc: rule.hard_margin_dc,
      hold_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const { rows: balances } = await sql<BalanceRow>`
    select b.* from inventory.balance b join inventory.bin n on n.id = b.bin_id
    where n.zone_id = ${zone.id} and b.status = 'available' and b.on_hand > 0
    order by b.sku_id, b.warehouse_id, b.id
    for update of b`.execute(trx);
  const held = await holdBalances(
    trx,
    {
      warehouseId: zone.warehouse_id,
      balances,
      reason: `temperature excursion ${zone.code}`,
      sourceType: 'temperature_excursion',
      sourceId: excursion.id,
    },
    ctx,
  );
  if (held)
    await coldDb(trx)
      .updateTable('inventory.temperature_excursion')
      .set({ hold_id: held.hold.id })
      .where('id', '=', excursion.id)
      .execute();
  const heldQty = held?.lines.reduce((s, l) => s + Number(l.qty), 0) ?? 0;
  const lostOrders = [...new Set(held?.lost.map((l) => l.orderRef) ?? [])];
  await raiseAlert(
    trx,
    {
      warehouseId: zone.warehouse_id,
      kind: 'temperature_excursion',
      severity: spell.trigger === 'hard_limit' ? 'critical' : 'warning',
      zoneId: zone.id,
      subjectType: 'temperature_excursion',
      subjectId: excursion.id,
      params: {
        zoneCode: zone.code,
        direction: excursion.direction,
        peakDc: spell.peakDc,
        minDc: min,
        maxDc: max,
        startedAt: spell.startedAt.toISOString(),
        holdDocNo: held?.hold.doc_no ?? null,
        heldLines: held?.lines.length ?? 0,
        heldQty,
        lostOrders,
      },
    },
    ctx.now,
  );
  await publish(
    trx,
    TEMPERATURE_EXCURSION,
    {
      excursionId: excursion.id,
      warehouseId: zone.warehouse_id,
      zoneId: zone.id,
      zoneCode: zone.code,
      storageClass: zone.storage_class,
      startedAt: spell.startedAt.toISOString(),
      detectedAt: spell.detectedAt.toISOString(),
      direction: excursion.direction,
      trigger: spell.trigger,
      peakDc: spell.peakDc,
      bandMinDc: min,
      bandMaxDc: max,
      holdId: held?.hold.id ?? null,
      holdDocNo: held?.hold.doc_no ?? null,
      lots: (held?.lines ?? []).map((l) => ({
        skuId: l.sku_id,
        binId: l.bin_id,
        lotId: l.lot_id,
        qty: Number(l.qty),
      })),
      lostOrders,
    },
    ctx.now,
  );
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'excursion',
      entity: 'temperature_excursion',
      entityId: excursion.id,
      summary: `temperature excursion in ${zone.code}: peak ${spell.peakDc / 10} °C (${min / 10}–${max / 10} °C)`,
      after: { ...excursion, holdDocNo: held?.hold.doc_no ?? null, heldQty },
    },
    ctx.now,
  );
  return { ...excursion, hold_id: held?.hold.id ?? null };
}

/** Change a storage class's tolerance and hard margin. */
export async function updateRule(
  trx: Trx,
  storageClass: StorageClass,
  input: { toleranceMinutes: number; hardMarginDc: number },
  ctx: LedgerContext,
): Promise<TemperatureRuleRow> {
  const before = await ruleFor(trx, storageClass);
  const row = await coldDb(trx)
    .insertInto('inventory.temperature_rule')
    .values({
      storage_class: storageClass,
      tolerance_minutes: input.toleranceMinutes,
      hard_margin_dc: input.hardMarginDc,
      updated_at: ctx.now,
      updated_by: ctx.actor.name,
    })
    .onConflict((oc) =>
      oc.column('storage_class').doUpdateSet({
        tolerance_minutes: input.toleranceMinutes,
        hard_margin_dc: input.hardMarginDc,
        updated_at: ctx.now,
        updated_by: ctx.actor.name,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'update',
      entity: 'temperature_rule',
      entityId: storageClass,
      summary: `temperature rule ${storageClass}: ${input.toleranceMinutes} min, ±${input.hardMarginDc / 10} °C`,
      before: { toleranceMinutes: before.tolerance_minutes, hardMarginDc: before.hard_margin_dc },
      after: input,
    },
    ctx.now,
  );
  return row;
}
