/** `bks.csv`: instance,set,kind,n_customers,bks_distance,bks_vehicles,source,rounding. */
import type { Rounding } from './rounding';

export interface BksRow {
  instance: string;
  set: string;
  kind: string;
  customers: number;
  distance: number;
  vehicles: number;
  rounding: Rounding;
}

export const parseBks = (text: string): Map<string, BksRow> => {
  const rows = new Map<string, BksRow>();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines[0].split(',');
  const col = (name: string) => head.indexOf(name);
  for (const line of lines.slice(1)) {
    // `source` may hold commas inside quotes; the fields we need are before it and the last one
    const f = line.split(',');
    rows.set(f[col('instance')], {
      instance: f[col('instance')],
      set: f[col('set')],
      kind: f[col('kind')],
      customers: Number(f[col('n_customers')]),
      distance: Number(f[col('bks_distance')]),
      vehicles: Number(f[col('bks_vehicles')]),
      rounding: f[f.length - 1].trim() as Rounding,
    });
  }
  return rows;
};
