import { type Command, Option } from 'commander';
import { loadConfig } from '../config/load-config.js';
import { CommandFailure, exitCodes } from './command-failure.js';
import { operatorExamples, withOperatorOptions } from './operator-options.js';
import { chosenPassword, passwordStdinHelp } from './operator-password.js';
import { printRecord } from './record-output.js';

interface CreateOptions {
  displayName?: string;
  programmaticAccess: 'off' | 'available' | 'on';
  adminEmail?: string;
  adminName: string;
  passwordStdin?: boolean;
  json?: boolean;
}

interface CreatedRecord {
  id: string;
  name: string;
  displayName: string;
  programmaticAccess: 'off' | 'available' | 'on';
  adminEmail: string | null;
  /** Only when generated here: the one place it is shown. */
  adminPassword?: string;
}

/** `portcullis organizations create`: the operator's "new customer", in the configured database. */
export function addOrganizationCommands(program: Command): void {
  const group = program
    .command('organizations')
    .description('Organizations (the operator’s, on the machine that runs Portcullis)')
    .addHelpText(
      'after',
      operatorExamples('portcullis organizations create globex --admin-email ops@globex.example'),
    );

  withOperatorOptions(
    group
      .command('create')
      .description(
        'Create an organization with its default account and roles, and optionally its first administrator',
      )
      .argument('<name>', 'lowercase letters, digits and hyphens, unique')
      .option('--display-name <text>', 'the name people see (default: the name)')
      .addOption(
        new Option(
          '--programmatic-access <state>',
          'off; available (its administrators may turn it on); on (available and turned on)',
        )
          .choices(['off', 'available', 'on'])
          .default('off'),
      )
      .option('--admin-email <email>', 'create its first organization administrator with this email')
      .option('--admin-name <name>', 'that administrator’s name', 'Administrator')
      .option('--password-stdin', passwordStdinHelp)
      .option('--json', 'print JSON instead of a table, for scripts'),
    [
      'portcullis organizations create globex --admin-email ops@globex.example',
      'portcullis organizations create initech --programmatic-access available --admin-email it@initech.example --password-stdin < password.txt',
      'portcullis organizations create hooli --programmatic-access on --json | jq -r .id',
    ],
  ).action(async (name: string, options: CreateOptions) => {
    if (options.passwordStdin && !options.adminEmail) {
      throw new CommandFailure(
        exitCodes.usage,
        '--password-stdin sets the administrator’s: give --admin-email',
      );
    }
    const config = loadConfig();
    const admin = options.adminEmail
      ? {
          email: options.adminEmail,
          name: options.adminName,
          ...(await chosenPassword(options.passwordStdin)),
        }
      : undefined;
    const { operatorCaller, withServiceContext } = await import('./operator-context.js');
    const { createOrganizationWithAdmin } = await import(
      '../services/organizations/create-organization-with-admin.js'
    );
    const organization = await withServiceContext(config, (ctx) =>
      createOrganizationWithAdmin(ctx, operatorCaller('organizations-create'), {
        name,
        ...(options.displayName ? { displayName: options.displayName } : {}),
        programmaticAccessAvailable: options.programmaticAccess !== 'off',
        programmaticAccessEnabled: options.programmaticAccess === 'on',
        ...(admin ? { admin: { email: admin.email, name: admin.name, password: admin.password } } : {}),
      }),
    );
    const created: CreatedRecord = {
      id: organization.id,
      name: organization.name,
      displayName: organization.displayName,
      programmaticAccess: options.programmaticAccess,
      adminEmail: admin?.email ?? null,
      ...(admin?.generated ? { adminPassword: admin.password } : {}),
    };
    printRecord(
      created,
      [
        { heading: 'id', value: (o) => o.id },
        { heading: 'name', value: (o) => o.name },
        { heading: 'display name', value: (o) => o.displayName },
        { heading: 'programmatic access', value: (o) => o.programmaticAccess },
        { heading: 'admin email', value: (o) => o.adminEmail },
        ...(created.adminPassword ? [{ heading: 'admin password', value: () => created.adminPassword }] : []),
      ],
      options,
    );
    if (!options.json && created.adminPassword) {
      process.stdout.write(
        'The password is shown only now: hand it over safely; they can change it after signing in.\n',
      );
    }
  });
}
