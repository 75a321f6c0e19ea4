/** Accuracy measures exactly as defined in the benchmark README (M3 sMAPE, M4 MASE, MASE₁, RMSSE). */

export function smape(test: readonly number[], f: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < test.length; k++) {
    const d = Math.abs(test[k]) + Math.abs(f[k]);
    s += d === 0 ? 0 : (200 * Math.abs(test[k] - f[k])) / d;
  }
  return s / test.length;
}

export function mae(test: readonly number[], f: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < test.length; k++) s += Math.abs(test[k] - f[k]);
  return s / test.length;
}

export function meanError(test: readonly number[], f: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < test.length; k++) s += f[k] - test[k];
  return s / test.length;
}

/** In-sample mean absolute lag-m difference; NaN when undefined. */
export function naiveScale(train: readonly number[], m: number): number {
  let s = 0;
  let n = 0;
  for (let t = m; t < train.length; t++) {
    s += Math.abs(train[t] - train[t - m]);
    n++;
  }
  return n ? s / n : Number.NaN;
}

export function mase(
  train: readonly number[],
  test: readonly number[],
  f: readonly number[],
  m: number,
): number {
  return mae(test, f) / naiveScale(train, m);
}

export function rmsse(train: readonly number[], test: readonly number[], f: readonly number[]): number {
  let num = 0;
  for (let k = 0; k < test.length; k++) num += (test[k] - f[k]) ** 2;
  let den = 0;
  for (let t = 1; t < train.length; t++) den += (train[t] - train[t - 1]) ** 2;
  return Math.sqrt(num / test.length / (den / (train.length - 1)));
}

export const average = (x: readonly number[]): number => {
  const ok = x.filter((v) => Number.isFinite(v));
  return ok.reduce((a, b) => a + b, 0) / Math.max(1, ok.length);
};
