/**
 * Profiling helper: solves one instance for a fixed time and prints iterations.
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/vrp/profile.ts FILE.vrp|FILE.txt [SECONDS] [SEED]
 */
import fs from 'node:fs';
import { cvrpProblem, fleetFromName, parseCvrplib } from '../../src/solvers/vrp/formats/cvrplib';
import { parseSolomon, solomonProblem } from '../../src/solvers/vrp/formats/solomon';
import { solveVrp } from '../../src/solvers/vrp/solve';

const [file, secs = '2', seed = '1'] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const name = file.replace(/^.*\//, '').replace(/\.\w+$/, '');
const problem = file.endsWith('.vrp')
  ? cvrpProblem(parseCvrplib(text), { vehicles: name.startsWith('X') ? undefined : fleetFromName(name) })
  : solomonProblem(parseSolomon(text), { rounding: 'trunc1' });
const s = await solveVrp(problem, { seed: Number(seed), timeLimitMs: Number(secs) * 1000 });
console.log(
  `${name}: cost ${s.distanceM} vehicles ${s.vehicles} iterations ${s.iterations} in ${s.elapsedMs.toFixed(0)} ms`,
);
