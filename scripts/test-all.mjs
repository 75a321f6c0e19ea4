#!/usr/bin/env node
// The whole test suite, as a new user and CI run it: lint, types, generated-file drift, unit and
// integration tests on embedded PGlite, the integration suite again on PostgreSQL when DATABASE_URL
// is set, and the browser test in Chromium.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const steps = [
  ['lint', 'npx', ['biome', 'check', '.']],
  ['typecheck', 'npm', ['run', 'check']],
  ['generated files', 'npm', ['run', 'gen:check']],
  ['unit + integration (PGlite)', 'npx', ['vitest', 'run', '--project', 'pglite']],
];
if (process.env.DATABASE_URL) {
  steps.push(['integration (PostgreSQL)', 'npx', ['vitest', 'run', '--project', 'postgres']]);
} else {
  console.log('DATABASE_URL is not set: the PostgreSQL run is skipped (CI sets it).');
}
steps.push(['console build', 'npm', ['run', 'build:web']]);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) steps.push(['browser (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e']]);
else console.log(`No Chromium at ${chromium}: the browser test is skipped (.ci/run installs it).`);

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
  if (result.status !== 0) {
    console.error(`\n✘ ${name} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
