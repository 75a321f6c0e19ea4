/**
 * Worker-thread entry for forecast and backtest runs (`runCpuTask(pool, this file, input)`): pure
 * computation over a batch of series, progress after each one, timing measured here.
 */
import { performance } from 'node:perf_hooks';
import { defineCpuTask } from '../../platform/jobs/cpu-task';
import {
  backtestOne,
  forecastOne,
  type SeriesBacktest,
  type SeriesForecast,
  type SeriesTask,
} from './forecast.compute';

export type ForecastBatchInput =
  | { mode: 'forecast'; horizon: number; series: SeriesTask[] }
  | { mode: 'backtest'; horizon: number; origins: number; series: SeriesTask[] };

export interface ForecastBatchOutput {
  forecasts: SeriesForecast[];
  backtests: SeriesBacktest[];
  failed: { key: string; error: string }[];
  /** CPU time spent on the series, ms. */
  computeMs: number;
}

export const run = defineCpuTask((input: ForecastBatchInput, ctx): ForecastBatchOutput => {
  const out: ForecastBatchOutput = { forecasts: [], backtests: [], failed: [], computeMs: 0 };
  const started = performance.now();
  input.series.forEach((task, i) => {
    try {
      if (input.mode === 'forecast') out.forecasts.push(forecastOne(task, input.horizon));
      else out.backtests.push(backtestOne(task, input.origins, input.horizon));
    } catch (error) {
      out.failed.push({ key: task.key, error: error instanceof Error ? error.message : String(error) });
    }
    ctx.progress((i + 1) / input.series.length, task.key);
  });
  out.computeMs = Math.round(performance.now() - started);
  return out;
});
