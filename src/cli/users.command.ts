import type { Command } from 'commander';
import { missingWarehouses } from '../modules/inventory';
import { createUser, findUserIdByUsername, listRoles, listUsers, resetPassword } from '../modules/org';
import { systemActor } from '../platform/auth/principal';
import { type Db, inTransaction } from '../platform/db';
import { withDatabase } from './context';

async function userIdByName(db: Db, username: string): Promise<string> {
  const id = await findUserIdByUsername(db, username);
  if (!id) throw new Error(`No user named ${username}`);
  return id;
}

export function registerUserCommands(program: Command) {
  const users = program
    .command('users')
    .description('Manage users from the command line (first admin, password resets)');

  users
    .command('list')
    .description('List users and their roles')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        let cursor: string | undefined;
        do {
          const page = await listUsers(db, { limit: 200, cursor });
          for (const u of page.items) {
            console.log(
              `${u.username.padEnd(16)} ${u.displayName.padEnd(10)} ${u.active ? 'active ' : 'inactive'} ${u.roleCodes.join(',')}`,
            );
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      });
    });

  users
    .command('roles')
    .description('List roles')
    .action(async () => {
      await withDatabase(async ({ db }) => {
        for (const r of await listRoles(db))
          console.log(`${r.code.padEnd(22)} ${r.nameZh} / ${r.nameEn} (${r.permissions.length} permissions)`);
      });
    });

  users
    .command('create')
    .description('Create a user, e.g. the first IT administrator of a non-demo install')
    .requiredOption('--username <name>')
    .requiredOption('--name <displayName>')
    .requiredOption('--password <password>')
    .option('--role <code...>', 'role codes', ['it_admin'])
    .action(async (opts: { username: string; name: string; password: string; role: string[] }) => {
      await withDatabase(async ({ db }) => {
        const user = await inTransaction(db, (trx) =>
          createUser(
            trx,
            { missingWarehouses },
            systemActor('cli'),
            {
              username: opts.username,
              displayName: opts.name,
              password: opts.password,
              roleCodes: opts.role,
            },
            new Date(),
          ),
        );
        console.log(`Created ${user.username} (${user.roleCodes.join(', ')})`);
      });
    });

  users
    .command('reset-password')
    .description('Set a new password; the user must change it at next sign-in')
    .argument('<username>')
    .requiredOption('--password <password>')
    .action(async (username: string, opts: { password: string }) => {
      await withDatabase(async ({ db }) => {
        const id = await userIdByName(db, username);
        await inTransaction(db, (trx) =>
          resetPassword(trx, systemActor('cli'), id, opts.password, new Date()),
        );
        console.log(`Password of ${username} reset; their sessions were ended.`);
      });
    });
}
