/** Loading the benchmark files (gzip via node:zlib, CSV via csv-parse). */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

export interface BenchSeries {
  id: string;
  category: string;
  period: number;
  horizon: number;
  train: number[];
  test: number[];
}

function readCsv(file: string): Record<string, string>[] {
  const raw = fs.readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** Reads `<name>.csv.gz` (long format) and `<name>_meta.csv`; series in meta order. */
export function loadSeries(dir: string, name: string): BenchSeries[] {
  const meta = readCsv(path.join(dir, `${name}_meta.csv`));
  const byId = new Map<string, BenchSeries>();
  for (const m of meta) {
    byId.set(m.series_id, {
      id: m.series_id,
      category: m.category ?? 'intermittent',
      period: Number(m.frequency),
      horizon: Number(m.horizon),
      train: [],
      test: [],
    });
  }
  const rows = readCsv(path.join(dir, `${name}.csv.gz`));
  const points = new Map<string, { t: number; v: number; train: boolean }[]>();
  for (const r of rows) {
    let list = points.get(r.series_id);
    if (!list) {
      list = [];
      points.set(r.series_id, list);
    }
    list.push({ t: Number(r.t), v: Number(r.value), train: r.split === 'train' });
  }
  for (const [id, list] of points) {
    const s = byId.get(id);
    if (!s) continue;
    list.sort((a, b) => a.t - b.t);
    for (const p of list) (p.train ? s.train : s.test).push(p.v);
  }
  return [...byId.values()];
}

/** Reference forecasts `series_id,method,step,forecast` → method → series → values by step. */
export function loadReference(file: string): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  if (!fs.existsSync(file)) return out;
  for (const r of readCsv(file)) {
    let byMethod = out.get(r.method);
    if (!byMethod) {
      byMethod = new Map();
      out.set(r.method, byMethod);
    }
    let values = byMethod.get(r.series_id);
    if (!values) {
      values = [];
      byMethod.set(r.series_id, values);
    }
    values[Number(r.step) - 1] = Number(r.forecast);
  }
  return out;
}
