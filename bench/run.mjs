#!/usr/bin/env node
// `npm run bench -- NAME [options]`: runs bench/NAME/index.ts, which prints a Markdown table and
// ends with one line `RESULT NAME key=value …`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name, ...rest] = process.argv.slice(2);
const available = fs.readdirSync(here).filter((d) => fs.existsSync(path.join(here, d, 'index.ts')));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME [options]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
process.argv = [process.argv[0], path.join(here, name, 'index.ts'), ...rest];
register();
await import(path.join(here, name, 'index.ts'));
