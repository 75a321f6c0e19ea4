/** Public API of the pure forecasting library (no DB, no clock, no global randomness). */
export { autoArima, chooseDifferences, kpssStatistic } from './arima';
export { autoEts, type EtsFit, type EtsSpec, etsCandidates, fitEts, forecastEts } from './ets';
export {
  type DailyForecast,
  type DailyInput,
  estimateUplifts,
  eventCalendar,
  forecastDaily,
  midAutumnDate,
  type Promotion,
  springFestivalDate,
} from './events';
export {
  combineForecasts,
  forecastSeries,
  INTERMITTENT_ADI,
  isIntermittent,
  runMethod,
  trimmedMean,
} from './forecast';
export { classifyDemand, croston, demandPattern, tsb } from './intermittent';
export { minimiseNelderMead } from './nelder-mead';
export { countQuantile, toQuantiles } from './quantiles';
export { naive, naive2, seasonalNaive } from './simple';
export { isSeasonal, multiplicativeIndices, normalQuantile } from './stats';
export { thetaDynamicOptimised, thetaStandard } from './theta';
export * from './types';
