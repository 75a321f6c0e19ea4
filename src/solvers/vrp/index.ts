export { checkSolution, type FeasibilityReport } from './feasibility';
export {
  haversineM,
  haversineMatrixProvider,
  type LatLon,
  type MatrixProvider,
  planarMatrix,
} from './matrix';
export * from './model';
export { solveVrp } from './solve';
