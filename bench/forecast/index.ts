/**
 * Forecast accuracy on M3 and car parts (public half), next to R `forecast` and the original M3
 * submissions.
 *
 *   npm run bench -- forecast --data ../shared/benchmarks/forecast [--out FILE]
 *     [--method auto|ets|theta|dotm|comb|…] [--intermittent auto|tsb|croston|…] [--half all|odd|even]
 *
 * Each series' test horizon is forecast from its training part only. Prints Markdown tables and ends
 * with one line `RESULT forecast …`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { forecastSeries, type MethodName } from '../../src/solvers/forecast/index';
import { type BenchSeries, loadReference, loadSeries } from './data';
import { average, mae, mase, meanError, naiveScale, rmsse, smape } from './metrics';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/benchmarks/forecast' },
    out: { type: 'string' },
    method: { type: 'string', default: 'auto' },
    intermittent: { type: 'string', default: 'auto' },
    half: { type: 'string', default: 'all' },
  },
});
const dir = path.resolve(values.data as string);
const half = values.half as string;
const pickHalf = (list: BenchSeries[]) =>
  half === 'all' ? list : list.filter((_, i) => (half === 'odd' ? i % 2 === 1 : i % 2 === 0));
const m3 = pickHalf(loadSeries(dir, 'm3'));
const parts = pickHalf(loadSeries(dir, 'carparts'));
const CATEGORIES = ['yearly', 'quarterly', 'monthly', 'other'] as const;

function run(list: BenchSeries[], method: string): { forecasts: Map<string, number[]>; seconds: number } {
  const forecasts = new Map<string, number[]>();
  const t0 = performance.now();
  for (const s of list) {
    const f = forecastSeries(
      { values: s.train, period: s.period, horizon: s.horizon },
      { method: method as MethodName, probabilities: [0.5] },
    );
    forecasts.set(s.id, f.mean);
  }
  return { forecasts, seconds: (performance.now() - t0) / 1000 };
}

const m3Run = run(m3, values.method as string);
const partsRun = run(parts, values.intermittent as string);

type M3Scores = Record<(typeof CATEGORIES)[number], { smape: number; mase: number; n: number }>;
function scoreM3(forecasts: Map<string, number[]>): M3Scores | undefined {
  const out = {} as M3Scores;
  for (const c of CATEGORIES) {
    const list = m3.filter((s) => s.category === c);
    const sm: number[] = [];
    const ms: number[] = [];
    for (const s of list) {
      const f = forecasts.get(s.id);
      if (!f || f.length < s.horizon) return undefined;
      sm.push(smape(s.test, f));
      ms.push(mase(s.train, s.test, f, s.period));
    }
    out[c] = { smape: average(sm), mase: average(ms), n: list.length };
  }
  return out;
}

interface PartScores {
  mase1: number;
  rmsse: number;
  mase12: number;
  n12: number;
  mae: number;
  me: number;
  zeroForSelling: number;
}
function scoreParts(forecasts: Map<string, number[]>): PartScores | undefined {
  const a: number[] = [];
  const r: number[] = [];
  const a12: number[] = [];
  const e: number[] = [];
  const b: number[] = [];
  let zeroForSelling = 0;
  for (const s of parts) {
    const f = forecasts.get(s.id);
    if (!f || f.length < s.horizon) return undefined;
    a.push(mase(s.train, s.test, f, 1));
    r.push(rmsse(s.train, s.test, f));
    if (naiveScale(s.train, 12) > 0) a12.push(mase(s.train, s.test, f, 12));
    e.push(mae(s.test, f));
    b.push(meanError(s.test, f));
    if (s.train.some((v) => v > 0) && f.every((v) => v === 0)) zeroForSelling++;
  }
  return {
    mase1: average(a),
    rmsse: average(r),
    mase12: average(a12),
    n12: a12.length,
    mae: average(e),
    me: average(b),
    zeroForSelling,
  };
}

const fmt = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const perThousand = (seconds: number, n: number) => fmt((1000 * seconds) / Math.max(1, n), 2);

const m3Ours = scoreM3(m3Run.forecasts) as M3Scores;
const rRef = loadReference(path.join(dir, 'r_forecasts.csv.gz'));
const m3Ref = loadReference(path.join(dir, 'm3_original_forecasts.csv.gz'));

console.log(`## M3 public half${half === 'all' ? '' : ` (${half} series only)`} — sMAPE / MASE\n`);
console.log(
  `| method | source | yearly (${m3Ours.yearly.n}) | quarterly (${m3Ours.quarterly.n}) | monthly (${m3Ours.monthly.n}) | other (${m3Ours.other.n}) | s / 1000 series |`,
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
const m3Row = (name: string, source: string, sc: M3Scores, time = '—') =>
  console.log(
    `| ${name} | ${source} | ${CATEGORIES.map((c) => `${fmt(sc[c].smape)} / ${fmt(sc[c].mase, 3)}`).join(' | ')} | ${time} |`,
  );
m3Row(`**Wayline ${values.method}**`, 'this repo', m3Ours, perThousand(m3Run.seconds, m3.length));
for (const [ref, source, methods] of [
  [rRef, 'R forecast 8.20', ['naive2', 'snaive', 'ets', 'thetaf', 'auto.arima']],
  [m3Ref, 'M3 submission', ['NAIVE2', 'THETA', 'ForecastPro', 'B-J auto', 'COMB S-H-D', 'ForcX']],
] as const) {
  for (const m of methods) {
    const f = ref.get(m);
    const sc = f && scoreM3(f);
    if (sc) m3Row(m, source, sc);
  }
}

const partsOurs = scoreParts(partsRun.forecasts) as PartScores;
console.log(`\n## Car parts public half (${parts.length} series, h = 12)\n`);
console.log(
  '| method | source | MASE₁ | RMSSE | MASE₁₂ (n) | MAE | ME (bias) | all-zero forecasts for selling items | s / 1000 series |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const partRow = (name: string, source: string, sc: PartScores, time = '—') =>
  console.log(
    `| ${name} | ${source} | ${fmt(sc.mase1, 3)} | ${fmt(sc.rmsse, 3)} | ${fmt(sc.mase12, 3)} (${sc.n12}) | ${fmt(sc.mae, 3)} | ${fmt(sc.me, 3)} | ${sc.zeroForSelling} | ${time} |`,
  );
partRow(
  `**Wayline ${values.intermittent}**`,
  'this repo',
  partsOurs,
  perThousand(partsRun.seconds, parts.length),
);
for (const m of ['zero', 'naive', 'snaive', 'mean', 'ets', 'thetaf', 'auto.arima', 'croston', 'sba', 'tsb']) {
  const f = rRef.get(m);
  const sc = f && scoreParts(f);
  if (sc) partRow(m, 'R forecast 8.20', sc);
}

if (values.out) {
  const lines = ['series_id,step,forecast'];
  for (const [id, f] of [...m3Run.forecasts, ...partsRun.forecasts])
    for (let k = 0; k < f.length; k++) lines.push(`${id},${k + 1},${f[k]}`);
  fs.writeFileSync(values.out, `${lines.join('\n')}\n`);
  console.log(`\nforecasts written to ${values.out}`);
}

const seconds = m3Run.seconds + partsRun.seconds;
console.log(
  `\nM3: ${m3.length} series in ${fmt(m3Run.seconds)} s; car parts: ${parts.length} series in ${fmt(partsRun.seconds)} s (single thread, shared machine).`,
);
console.log(
  `RESULT forecast m3_yearly_smape=${fmt(m3Ours.yearly.smape)} m3_quarterly_smape=${fmt(m3Ours.quarterly.smape)} m3_monthly_smape=${fmt(m3Ours.monthly.smape)} m3_other_smape=${fmt(m3Ours.other.smape)} carparts_rmsse=${fmt(partsOurs.rmsse, 3)} carparts_mase1=${fmt(partsOurs.mase1, 3)} seconds=${fmt(seconds, 1)}`,
);
