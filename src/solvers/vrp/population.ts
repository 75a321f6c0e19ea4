/**
 * HGS population management (Vidal 2012/2022): a feasible and an infeasible subpopulation, each grown
 * to μ + λ then cut back to μ by removing clones first and then the worst biased fitness (cost rank
 * plus diversity rank, diversity = mean broken-pairs distance to the closest members).
 */

import { brokenPairs, type Individual } from './individual';
import type { HgsParams } from './model';
import type { Prng } from './prng';

export class Population {
  feasible: Individual[] = [];
  infeasible: Individual[] = [];

  constructor(
    private readonly params: HgsParams,
    private costOf: (ind: Individual) => number,
  ) {}

  setCost(costOf: (ind: Individual) => number): void {
    this.costOf = costOf;
    this.infeasible.sort((a, b) => costOf(a) - costOf(b));
  }

  clear(): void {
    this.feasible = [];
    this.infeasible = [];
  }

  size(): number {
    return this.feasible.length + this.infeasible.length;
  }

  add(ind: Individual): void {
    const pop = ind.feasible ? this.feasible : this.infeasible;
    for (const other of pop) {
      const d = brokenPairs(ind, other);
      insertSorted(ind.proximity, d, other);
      insertSorted(other.proximity, d, ind);
    }
    const c = this.costOf(ind);
    let k = pop.length;
    while (k > 0 && this.costOf(pop[k - 1]) > c) k--;
    pop.splice(k, 0, ind);
    if (pop.length >= this.params.minPopulation + this.params.generationSize) {
      while (pop.length > this.params.minPopulation) this.removeWorst(pop);
    }
  }

  /** Binary tournament on biased fitness over both subpopulations. */
  select(rng: Prng): Individual {
    this.updateFitness(this.feasible);
    this.updateFitness(this.infeasible);
    const total = this.size();
    const pick = () => {
      const k = rng.int(total);
      return k < this.feasible.length ? this.feasible[k] : this.infeasible[k - this.feasible.length];
    };
    const a = pick();
    const b = pick();
    return a.biasedFitness < b.biasedFitness ? a : b;
  }

  private avgClose(ind: Individual): number {
    const k = Math.min(this.params.nbClose, ind.proximity.length);
    if (k === 0) return 0;
    let s = 0;
    for (let i = 0; i < k; i++) s += ind.proximity[i].d;
    return s / k;
  }

  private updateFitness(pop: Individual[]): void {
    const n = pop.length;
    if (n === 0) return;
    if (n === 1) {
      pop[0].biasedFitness = 0;
      return;
    }
    // pop is sorted by cost: rank i. Diversity rank: higher average distance is better.
    const byDiv = pop.map((ind, i) => ({ i, d: -this.avgClose(ind) }));
    byDiv.sort((a, b) => a.d - b.d);
    const eliteWeight = 1 - Math.min(this.params.nbElite, n) / n;
    for (let r = 0; r < n; r++) {
      const { i } = byDiv[r];
      pop[i].biasedFitness = i / (n - 1) + eliteWeight * (r / (n - 1));
    }
  }

  private removeWorst(pop: Individual[]): void {
    this.updateFitness(pop);
    let worst = 1;
    let worstClone = false;
    let worstFit = -1;
    for (let k = 1; k < pop.length; k++) {
      const ind = pop[k];
      const clone = ind.proximity.length > 0 && ind.proximity[0].d < 1e-9;
      if ((clone && !worstClone) || (clone === worstClone && ind.biasedFitness > worstFit)) {
        worst = k;
        worstClone = clone;
        worstFit = ind.biasedFitness;
      }
    }
    const [gone] = pop.splice(worst, 1);
    for (const other of pop) {
      const idx = other.proximity.findIndex((p) => p.other === gone);
      if (idx >= 0) other.proximity.splice(idx, 1);
    }
  }
}

const insertSorted = (list: Individual['proximity'], d: number, other: Individual) => {
  let k = list.length;
  while (k > 0 && list[k - 1].d > d) k--;
  list.splice(k, 0, { d, other });
};
