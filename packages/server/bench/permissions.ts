import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { demoCatalog, PermissionSet, scopeClaim } from '@portcullis/core/permissions';
import { loadConfig } from '../src/config/load-config.js';
import { createPortcullis } from '../src/server.js';
import { systemCaller } from '../src/services/context.js';
import { resolveCredential } from '../src/services/permissions/resolve-credential.js';
import { createServiceAccount } from '../src/services/service-accounts/create-service-account.js';
import { createUser } from '../src/services/users/create-user.js';
import { findServiceAccountById } from '../src/store/repositories/service-accounts.js';
import { describeMachine, measure, measureAsync } from './machine.js';

/** Targets from the permission-model issue: has < 100 ns, intersection < 1 µs. */
export async function benchPermissions(): Promise<void> {
  console.log(
    `\n## Permission sets, demo catalog of ${demoCatalog.resources.length} resources (${describeMachine()})`,
  );
  const roles = PermissionSet.parse(
    demoCatalog,
    'incidents:* findings:list findings:get *:list portcullis.users:get',
  );
  const granted = PermissionSet.parse(demoCatalog, '*:get *:list');
  const admin = PermissionSet.full(demoCatalog);
  let sink = 0;
  const rows: [string, number, string][] = [
    [
      'has(resource, action) by id',
      measure(() => (sink += roles.has('incidents', 'update') ? 1 : 0)),
      '< 100 ns',
    ],
    ['hasIndex(r, a)', measure(() => (sink += roles.hasIndex(16, 5) ? 1 : 0)), ''],
    ['intersect', measure(() => granted.intersect(roles)), '< 1 µs'],
    ['union', measure(() => granted.union(roles)), ''],
    ['isSubsetOf', measure(() => (sink += granted.isSubsetOf(admin) ? 1 : 0)), ''],
    ['parse "*:get *:list"', measure(() => PermissionSet.parse(demoCatalog, '*:get *:list')), ''],
    ['union, then format the new set (canonical form)', measure(() => granted.union(roles).format()), ''],
    ['format a set already formatted (kept)', measure(() => roles.format()), ''],
    // Decision 0026: the token's scope claim. Alternating budgets make every call spell the set out anew.
    ['scope claim of Admin, spelled out anew', measure(() => scopeClaim(admin, 4096 + (sink++ & 1))), ''],
    [
      'scope claim of a new Admin set (text kept)',
      measure(() => scopeClaim(PermissionSet.full(demoCatalog), 4096)),
      '',
    ],
  ];
  console.log('operation | time | target');
  console.log('---|---|---');
  for (const [name, ns, target] of rows)
    console.log(
      `${name} | ${ns < 1000 ? `${ns.toFixed(0)} ns` : `${(ns / 1000).toFixed(2)} µs`} | ${target}`,
    );
  if (sink < 0) console.log(sink);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'portcullis-bench-'));
  const portcullis = await createPortcullis(
    loadConfig({
      PORTCULLIS_DATA_DIR: dataDir,
      PORTCULLIS_MASTER_KEY: randomBytes(32).toString('hex'),
      PORTCULLIS_ADMIN_PASSWORD: 'benchmark password',
      PORTCULLIS_LOG_LEVEL: 'silent',
    }),
    { logStream: new Writable({ write: (_c, _e, done) => done() }) },
  );
  try {
    const { ctx } = portcullis;
    const org = await ctx.db.selectFrom('organizations').selectAll().executeTakeFirstOrThrow();
    const caller = {
      ...systemCaller(),
      actor: { ...systemCaller().actor, organizationId: org.id, isOrganizationAdmin: true },
    };
    const sa = await createServiceAccount(ctx, caller, { name: 'bench' });
    const roleIds = (
      await ctx.db.selectFrom('roles').select('id').where('organization_id', '=', org.id).execute()
    ).map((r) => r.id);
    await createUser(ctx, caller, {
      organizationId: org.id,
      name: 'bench',
      serviceAccountId: sa.id,
      roleIds,
    });
    const stored = (await findServiceAccountById(ctx.db, sa.id))!;
    const perCall = await measureAsync(() => resolveCredential(ctx, stored), 2000);
    console.log(
      `\neffective permissions of a service account (SQLite, warm; users, roles, inheritance rule): ${(perCall / 1000).toFixed(1)} µs`,
    );
  } finally {
    await portcullis.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
