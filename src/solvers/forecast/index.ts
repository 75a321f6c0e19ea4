/** Public API of the pure forecasting library (no DB, no clock, no global randomness). */
export { autoArima, chooseDifferences, kpssStatistic } from './arima';
export {
  autoEts,
  type EtsFit,
  type EtsSpec,
  etsCandidates,
  fitEts,
  fitEtsCandidates,
  forecastEts,
  forecastEtsAkaike,
} from './ets';
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
  FREQUENT_ADI,
  forecastSeries,
  INTERMITTENT_ADI,
  intermittentForecast,
  isIntermittent,
  regularForecast,
  runMethod,
  trimmedMean,
  tsbMeanForecast,
} from './forecast';
export {
  classifyDemand,
  croston,
  demandPattern,
  demandProbability,
  huberLocation,
  LUMPY_CV2,
  recentMean,
  robustSizeRate,
  tsb,
} from './intermittent';
export { minimiseNelderMead } from './nelder-mead';
export { countQuantile, toQuantiles } from './quantiles';
export { naive, naive2, seasonalNaive } from './simple';
export { isSeasonal, multiplicativeIndices, normalQuantile } from './stats';
export {
  aggregateBuckets,
  aggregationLevels,
  thetaDynamicOptimised,
  thetaStandard,
  thetaTemporal,
} from './theta';
export * from './types';
