import type { Command } from 'commander';
import { auditStock } from '../modules/inventory';
import { withDatabase } from './context';

/** `wayline audit stock`: ledger = balances = last counts (账卡物), every discrepancy named; exit 1 if any. */
export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('Consistency audits');
  audit
    .command('stock')
    .description('Rebuild every stock balance from the movement ledger and name each difference')
    .option('--limit <n>', 'discrepancies to list', '100')
    .action(async (opts: { limit: string }) => {
      await withDatabase(async ({ db }) => {
        const result = await auditStock(db, { limit: Number(opts.limit) || 100 });
        console.log(
          `${result.movements} movements, ${result.balances} balances, ${result.counted} counted positions checked in ${(result.durationMs / 1000).toFixed(2)} s: ` +
            (result.ok
              ? 'ledger, balances and last counts agree.'
              : `${result.discrepancyCount} discrepancies.`),
        );
        for (const d of result.discrepancies) {
          if (d.count) {
            console.log(
              `  count ${d.count.countNumber} sku=${d.skuId} bin=${d.binId} lot=${d.lotId ?? '-'}: found ${d.count.countedQty}, ` +
                `book ${d.count.bookQty} (ledger then ${d.count.ledgerAtCount}), variance posted ${d.count.postedVariance}`,
            );
            continue;
          }
          console.log(
            `  ${d.kind} sku=${d.skuId} bin=${d.binId} lot=${d.lotId ?? '-'} status=${d.status}: ` +
              `on hand ledger ${d.ledgerOnHand} vs balance ${d.balanceOnHand}, reserved ledger ${d.ledgerReserved} vs balance ${d.balanceReserved}`,
          );
        }
        if (!result.ok) process.exitCode = 1;
      });
    });
}
