import { Command } from 'commander';
import { ConfigError } from '../platform/config/config';
import { registerAuditCommands } from './audit.command';
import { registerCatalogCommands } from './catalog.command';
import { registerDoctorCommand } from './doctor.command';
import { registerGenCommand } from './gen.command';
import { registerOrderCommands } from './orders.command';
import { registerPlanRoutesCommand } from './plan-routes.command';
import { registerPlanningCommands } from './planning.command';
import { registerStartCommands } from './start.command';
import { registerUserCommands } from './users.command';

const program = new Command('wayline')
  .description('Wayline — e-commerce logistics platform')
  .showHelpAfterError();

registerStartCommands(program);
registerCatalogCommands(program);
registerOrderCommands(program);
registerPlanningCommands(program);
registerPlanRoutesCommand(program);
registerUserCommands(program);
registerAuditCommands(program);
registerDoctorCommand(program);
registerGenCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    console.error('Fix the setting(s) above in the environment and start again.');
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
}
