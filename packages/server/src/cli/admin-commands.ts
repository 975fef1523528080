import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { operatorExamples, withOperatorOptions } from './operator-options.js';
import { chosenPassword, passwordStdinHelp } from './operator-password.js';
import { printRecord } from './record-output.js';

/** `portcullis admin reset-password`: the way back for a lost password, on the machine that runs Portcullis. */
export function addAdminCommands(program: Command): void {
  const group = program
    .command('admin')
    .description('Repairs by the operator, on the machine that runs Portcullis')
    .addHelpText('after', operatorExamples('portcullis admin reset-password admin@acme.example'));

  withOperatorOptions(
    group
      .command('reset-password')
      .description(
        'Set a new password for a login (any organization), end its sessions, clear its lockout; audited',
      )
      .argument('<email>', 'the login’s email')
      .option('--password-stdin', passwordStdinHelp)
      .option('--json', 'print JSON instead of a table, for scripts'),
    [
      'portcullis admin reset-password admin@acme.example',
      'portcullis admin reset-password admin@acme.example --password-stdin < new-password.txt',
    ],
  ).action(async (email: string, options: { passwordStdin?: boolean; json?: boolean }) => {
    const config = loadConfig();
    const { password, generated } = await chosenPassword(options.passwordStdin);
    const { operatorCaller, withServiceContext } = await import('./operator-context.js');
    const { resetPasswordAsOperator } = await import('../services/logins/operator-password-reset.js');
    const login = await withServiceContext(config, (ctx) =>
      resetPasswordAsOperator(ctx, operatorCaller('admin-reset-password'), { email, password }),
    );
    const record = { loginId: login.id, email: login.email, ...(generated ? { password } : {}) };
    printRecord(
      record,
      [
        { heading: 'login', value: (r) => r.loginId },
        { heading: 'email', value: (r) => r.email },
        ...(generated ? [{ heading: 'new password', value: () => password }] : []),
      ],
      options,
    );
    if (!options.json) {
      process.stdout.write(
        `${generated ? 'The password is shown only now. ' : ''}Every session of ${login.email} has ended.\n`,
      );
    }
  });
}
