import type { Matrix } from './model';

export interface LatLon {
  lat: number;
  lon: number;
}

/** Where distances and durations come from: coordinates here, a road-network service elsewhere. */
export interface MatrixProvider {
  matrix(points: readonly LatLon[]): Matrix | Promise<Matrix>;
}

export interface HaversineOptions {
  /** Road distance ÷ great-circle distance; default 1.3. */
  circuityFactor?: number;
  /** Average speed; default 30 km/h. */
  speedKmh?: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

export const haversineM = (a: LatLon, b: LatLon): number => {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
};

/** Great-circle distance × circuity factor, duration at an average speed. */
export const haversineMatrixProvider = (options: HaversineOptions = {}): MatrixProvider => ({
  matrix(points) {
    const circuity = options.circuityFactor ?? 1.3;
    const speedMs = ((options.speedKmh ?? 30) * 1000) / 3600;
    const n = points.length;
    const distances = new Float64Array(n * n);
    const durations = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const d = Math.round(haversineM(points[i], points[j]) * circuity);
        distances[i * n + j] = d;
        durations[i * n + j] = Math.round(d / speedMs);
      }
    }
    return { size: n, distances, durations };
  },
});

/** A matrix from planar coordinates with a distance rounding rule; duration = distance. */
export const planarMatrix = (
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  round: (d: number) => number = (d) => d,
): Matrix => {
  const n = xs.length;
  const distances = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i !== j) distances[i * n + j] = round(Math.hypot(xs[i] - xs[j], ys[i] - ys[j]));
    }
  }
  return { size: n, distances, durations: distances };
};
