import { benchAuditReads } from './audit-reads.js';
import { benchPermissions } from './permissions.js';
import { benchSigningAlgorithms } from './signing-algorithms.js';
import { benchSqlParse } from './sql-parse.js';
import { benchTokenEndpoint } from './token-endpoint.js';

const benchmarks: Record<string, () => Promise<void>> = {
  'signing-algorithms': benchSigningAlgorithms,
  permissions: benchPermissions,
  'token-endpoint': benchTokenEndpoint,
  'audit-reads': benchAuditReads,
  'sql-parse': benchSqlParse,
};

/**
 * `npm run bench`: every benchmark, each printing its numbers and the machine. `BENCH=audit-reads` (a
 * comma-separated list of the names above) runs only those.
 */
const chosen = process.env.BENCH?.split(',').map((name) => name.trim()) ?? Object.keys(benchmarks);
const unknown = chosen.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
}
for (const name of chosen) await benchmarks[name]!();
