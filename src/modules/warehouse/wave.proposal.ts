import type { TemperatureClass } from './outbound.tables';

/** An outbound order waiting for a wave, as the proposal sees it. */
export interface PoolOrder {
  id: string;
  number: string;
  carrier: string;
  cutoffAt: Date;
  temperatureClass: TemperatureClass;
  zoneKey: string;
  lines: number;
  units: number;
  createdAt: Date;
}

export interface WaveProposal {
  /** `carrier|cut-off|temperature|zones`, plus `#n` when a group is split by size. */
  key: string;
  carrier: string;
  cutoffAt: Date;
  temperatureClass: TemperatureClass;
  zoneKey: string;
  outboundIds: string[];
  orderNumbers: string[];
  orders: number;
  lines: number;
  units: number;
  /** Minutes from `now` to the cut-off (negative: already missed). */
  minutesToCutoff: number;
}

export interface ProposalOptions {
  now: Date;
  /** Orders per wave at most (default 40). */
  maxOrders?: number;
  /** Units per wave at most (default 2,000): what a picker's cart holds across one batch. */
  maxUnits?: number;
}

const TEMPERATURE_RANK: Record<TemperatureClass, number> = { frozen: 0, chilled: 1, ambient: 2 };

/**
 * Group waiting orders into waves (波次): the same carrier and cut-off (they leave on the same
 * truck), the same temperature class (picked and packed in the same cold or ambient flow) and the
 * same zones (one pick list per zone, no walk to zones the others do not need). Groups whose truck
 * leaves first come first; frozen before chilled before ambient at the same cut-off (cold goods
 * wait outside the cold room least). A group larger than a wave is split, oldest orders first.
 */
export function proposeWaves(pool: readonly PoolOrder[], options: ProposalOptions): WaveProposal[] {
  const maxOrders = options.maxOrders ?? 40;
  const maxUnits = options.maxUnits ?? 2000;
  const groups = new Map<string, PoolOrder[]>();
  for (const o of pool) {
    const key = `${o.carrier}|${o.cutoffAt.toISOString()}|${o.temperatureClass}|${o.zoneKey}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const out: WaveProposal[] = [];
  const sorted = [...groups].sort(([, a], [, b]) => {
    const x = a[0];
    const y = b[0];
    return (
      x.cutoffAt.getTime() - y.cutoffAt.getTime() ||
      TEMPERATURE_RANK[x.temperatureClass] - TEMPERATURE_RANK[y.temperatureClass] ||
      x.zoneKey.localeCompare(y.zoneKey) ||
      x.carrier.localeCompare(y.carrier)
    );
  });
  for (const [key, orders] of sorted) {
    orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number.localeCompare(b.number));
    const chunks: PoolOrder[][] = [];
    let chunk: PoolOrder[] = [];
    let units = 0;
    for (const o of orders) {
      if (chunk.length && (chunk.length >= maxOrders || units + o.units > maxUnits)) {
        chunks.push(chunk);
        chunk = [];
        units = 0;
      }
      chunk.push(o);
      units += o.units;
    }
    if (chunk.length) chunks.push(chunk);
    chunks.forEach((c, i) => {
      const first = c[0];
      out.push({
        key: chunks.length > 1 ? `${key}#${i + 1}` : key,
        carrier: first.carrier,
        cutoffAt: first.cutoffAt,
        temperatureClass: first.temperatureClass,
        zoneKey: first.zoneKey,
        outboundIds: c.map((o) => o.id),
        orderNumbers: c.map((o) => o.number),
        orders: c.length,
        lines: c.reduce((s, o) => s + o.lines, 0),
        units: c.reduce((s, o) => s + o.units, 0),
        minutesToCutoff: Math.floor((first.cutoffAt.getTime() - options.now.getTime()) / 60_000),
      });
    });
  }
  return out;
}
