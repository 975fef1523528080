import { parseScript } from '@portcullis/sql';
import { describeMachine, measure } from './machine.js';

/** What an administrator's script holds: every statement family, names quoted and not, comments, strings. */
const representative = [
  `CREATE SERVICE ACCOUNT IF NOT EXISTS "service_account_name" WITH DESCRIPTION = 'service account 1'`,
  `CALL fb_GENERATESERVICEACCOUNTKEY('service_account_name')`,
  'CREATE USER alex WITH SERVICE_ACCOUNT = service_account_name',
  `ALTER SERVICE ACCOUNT ci_runner SET NETWORK_POLICY = office, DESCRIPTION = 'CI runner''s account' IS_ENABLED = TRUE`,
  `-- the office and the VPN
CREATE NETWORK POLICY IF NOT EXISTS office WITH ALLOWED_IP_LIST = ('203.0.113.0/24', '198.51.100.7')
  BLOCKED_IP_LIST = ('203.0.113.66') DESCRIPTION = 'Office and VPN'`,
  `CREATE LOGIN "alex@acme.com" WITH FIRST_NAME = 'Alex' LAST_NAME = 'Doe' IS_ORGANIZATION_ADMIN = FALSE`,
  'GRANT get, list ON portcullis.service_accounts TO auditors',
  'GRANT ROLE auditors TO USER alex',
  `SELECT service_account_name, description FROM information_schema.service_accounts
  WHERE (is_enabled = TRUE AND description LIKE '%ci%') OR service_account_name IN ('a', 'b', 'c')
  ORDER BY service_account_name DESC LIMIT 100`,
  `ALTER USER "alex" SET SERVICE_ACCOUNT = DEFAULT /* unlinked until the new one exists */`,
  'DROP SERVICE ACCOUNT "service_account_name"',
];

const sizes = [
  ['1 KB', 1024],
  ['100 KB', 100 * 1024],
  ['1 MB', 1024 * 1024],
] as const;

/** Representative statements, in turn, until the script holds `bytes` characters. */
function scriptOf(bytes: number): { script: string; statements: number } {
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const statement = representative[parts.length % representative.length]!;
    parts.push(statement);
    length += statement.length + 2;
  }
  return { script: parts.join(';\n'), statements: parts.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Parse time per KB of script at 1 KB, 100 KB and 1 MB. Target: linear, i.e. 100KB÷1KB and 1MB÷1KB at most
 * 1.5. The sizes take turns in each of BENCH_ROUNDS (5) rounds, each measured for about a second; the median
 * round is reported.
 */
export async function benchSqlParse(): Promise<void> {
  console.log(`\n## SQL parsing, time per KB of script (${describeMachine()})`);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const scripts = sizes.map(([label, bytes]) => ({ label, ...scriptOf(bytes) }));
  for (const { label, script, statements } of scripts) {
    const parsed = parseScript(script).length;
    if (parsed !== statements)
      throw new Error(`${label}: ${parsed} statements parsed, ${statements} written`);
  }
  const perKb = scripts.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    scripts.forEach(({ script }, i) => {
      perKb[i]!.push(measure(() => parseScript(script)) / (script.length / 1024));
    });
  }
  const medians = perKb.map(median);
  const base = medians[0]!;
  console.log('script | statements | characters | per parse | per KB | ÷ 1 KB');
  console.log('---|---|---|---|---|---');
  scripts.forEach(({ label, script, statements }, i) => {
    const nsPerKb = medians[i]!;
    const perParseMs = (nsPerKb * (script.length / 1024)) / 1e6;
    console.log(
      `${label} | ${statements} | ${script.length} | ${perParseMs.toFixed(3)} ms | ${(nsPerKb / 1000).toFixed(1)} µs | ${(nsPerKb / base).toFixed(2)}`,
    );
  });
  const ratio = (i: number) => (medians[i]! / base).toFixed(2);
  console.log(`\n100KB÷1KB ${ratio(1)}, 1MB÷1KB ${ratio(2)} (target ≤ 1.5 each; ${rounds} rounds, median)`);
}
