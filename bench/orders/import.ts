/**
 * Import of a generated order file through the real import path (`importOrderFile`, as the CLI's
 * `wayline import orders FILE`): the file is read and parsed, every order validated, the new ones
 * written in batches, with the per-row report. Timed from reading the file to the finished report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importOrderFile, type OrderImportResult } from '../../src/modules/orders';
import { sampleOrderCsv } from '../../src/modules/orders/order-import.sample';
import type { Db } from '../../src/platform/db';
import { newId } from '../../src/platform/lib/ids';
import type { BenchWorld } from './setup';

export interface ImportBench {
  orders: number;
  rows: number;
  bytes: number;
  seconds: number;
  result: OrderImportResult;
}

export async function runImportBench(db: Db, world: BenchWorld, orders: number): Promise<ImportBench> {
  const csv = sampleOrderCsv(orders, {
    merchantCode: world.merchantCode,
    skuCodes: world.ambient.map((s) => s.code),
    seed: process.pid,
    channel: 'benchimport',
  });
  const file = path.join(os.tmpdir(), `wayline-bench-orders-${process.pid}.csv`);
  fs.writeFileSync(file, csv);
  try {
    const t0 = performance.now();
    const result = await importOrderFile(db, { file, batchId: newId(), lang: 'zh-CN' });
    const seconds = (performance.now() - t0) / 1000;
    if (!result.committed || result.created + result.existing !== result.valid)
      throw new Error(
        `import did not commit every valid order: ${JSON.stringify({ ...result, report: [] })}`,
      );
    return { orders, rows: result.rows, bytes: Buffer.byteLength(csv), seconds, result };
  } finally {
    fs.rmSync(file, { force: true });
  }
}
