import { setTimeout as sleep } from 'node:timers/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ApiClient } from './api-client.js';
import { type ApiCommandOptions, withApiOptions } from './api-command-options.js';
import { openApiConnection } from './api-connection.js';
import { type Column, printRecords } from './record-output.js';
import { printable } from './sql-output.js';

/** An audit event as `/api/v1/audit-events` shows it. */
interface AuditEventRecord {
  id: string;
  occurredAt: string;
  actor: { type: string; id: string | null };
  action: string;
  target: { type: string | null; id: string | null };
  result: string;
  reason: string | null;
  clientIp: string | null;
  requestId: string | null;
  details: Record<string, unknown> | null;
}

interface Page {
  items: AuditEventRecord[];
  nextCursor: string | null;
}

interface FilterOptions extends ApiCommandOptions {
  actor?: string;
  target?: string;
  action?: string;
  result?: string;
  from?: string;
  to?: string;
}

const columns: Column<AuditEventRecord>[] = [
  { heading: 'occurred at', value: (e) => e.occurredAt },
  { heading: 'action', value: (e) => e.action },
  { heading: 'result', value: (e) => (e.reason ? `${e.result} (${e.reason})` : e.result) },
  { heading: 'actor', value: (e) => (e.actor.id ? `${e.actor.type} ${e.actor.id}` : e.actor.type) },
  { heading: 'target', value: (e) => (e.target.id ? `${e.target.type} ${e.target.id}` : e.target.type) },
  { heading: 'client ip', value: (e) => e.clientIp },
];

/**
 * Issuance events reach the log in batches, committed up to a tenth of a second after they happened (longer
 * only while the database is failing): each poll of `tail` reads back this far behind the newest event it
 * has shown, so a late one is still caught, and never shown twice.
 */
const lateArrivalMs = 5000;
/** The most pages one poll reads, so a burst of events cannot keep a poll going for ever. */
const mostPagesPerPoll = 50;

const positive = (name: string, most: number) => (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > most) {
    throw new InvalidArgumentError(`${name}: expected a whole number from 1 to ${most}`);
  }
  return number;
};

const instant = (value: string) => {
  if (Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('expected a date and time, e.g. 2026-05-01T00:00:00Z');
  }
  return new Date(value).toISOString();
};

function withFilters(command: Command): Command {
  return command
    .option('--actor <id>', 'only what this login or service account did')
    .option('--target <id>', 'only what was done to this object')
    .option('--action <action>', 'only this action, or a prefix ending in * (token.*)')
    .addOption(new Option('--result <result>', 'only successes or failures').choices(['success', 'failure']))
    .option('--from <time>', 'only events at or after this time', instant)
    .option('--to <time>', 'only events before this time', instant);
}

function filterQuery(options: FilterOptions): Record<string, string> {
  const query: Record<string, string | undefined> = {
    actor: options.actor,
    target: options.target,
    action: options.action,
    result: options.result,
    from: options.from,
    to: options.to,
  };
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
}

/** One event on one line, for `tail`: its columns can't line up with events not read yet. */
function eventLine(event: AuditEventRecord): string {
  return columns
    .map((column) => column.value(event))
    .filter((value) => value !== null && value !== undefined)
    .map((value) => printable(String(value)))
    .join('  ');
}

function printEvents(events: AuditEventRecord[], options: ApiCommandOptions): void {
  for (const event of events) {
    process.stdout.write(`${options.json ? JSON.stringify(event) : eventLine(event)}\n`);
  }
}

/**
 * Follows the log by polling its newest pages: the list is newest first and takes a cursor only
 * backwards, so each poll reads from the newest event back to a little before the newest one shown, and
 * prints, oldest first, those not shown yet.
 */
async function follow(
  client: ApiClient,
  query: Record<string, string>,
  first: number,
  intervalMs: number,
  options: ApiCommandOptions,
): Promise<never> {
  const shown = new Map<string, number>();
  let newest: number | undefined;
  let limit = first;
  for (;;) {
    const fresh: AuditEventRecord[] = [];
    const since: Record<string, string> =
      newest === undefined ? {} : { from: new Date(newest - lateArrivalMs).toISOString() };
    let cursor: string | null = null;
    for (let page = 0; page < mostPagesPerPoll; page++) {
      const params = new URLSearchParams({
        ...query,
        ...since,
        limit: String(limit),
        ...(cursor ? { cursor } : {}),
      });
      const answer: Page = await client.call<Page>('GET', `audit-events?${params}`);
      fresh.push(...answer.items.filter((event) => !shown.has(event.id)));
      cursor = answer.nextCursor;
      // The first read shows the last few events, as tail does; later ones read everything since.
      if (!cursor || newest === undefined) break;
    }
    fresh.sort((a, b) => (a.id < b.id ? -1 : 1));
    printEvents(fresh, options);
    for (const event of fresh) {
      const at = Date.parse(event.occurredAt);
      shown.set(event.id, at);
      newest = Math.max(newest ?? at, at);
    }
    if (newest !== undefined) {
      for (const [id, at] of shown) if (at < newest - lateArrivalMs) shown.delete(id);
    }
    limit = 500;
    await sleep(intervalMs);
  }
}

/** `portcullis audit list|export|tail`, over `/api/v1/audit-events`. */
export function addAuditCommands(program: Command): void {
  const group = program
    .command('audit')
    .description("Your organization's audit log: list, export (NDJSON), tail (follow new events)")
    .addHelpText(
      'after',
      '\nExamples:\n  $ portcullis audit list --action "token.*" --result failure\n  $ portcullis audit export --from 2026-05-01T00:00:00Z > audit.ndjson\n  $ portcullis audit tail\n',
    );
  const api = async (options: ApiCommandOptions) => new ApiClient(await openApiConnection(options));

  withApiOptions(
    withFilters(
      group
        .command('list')
        .description('The newest events first, filtered; --json prints them as an array')
        .option(
          '--limit <count>',
          'at most this many events (default 50, at most 10000)',
          positive('--limit', 10_000),
        )
        .option('--cursor <id>', 'continue after the last event of an earlier list (its id)'),
    ),
    [
      'portcullis audit list',
      'portcullis audit list --action "service_account.*" --from 2026-05-01T00:00:00Z',
      'portcullis audit list --result failure --limit 500 --json | jq -r ".[].reason" | sort | uniq -c',
    ],
  ).action(async (options: FilterOptions & { limit?: number; cursor?: string }) => {
    const client = await api(options);
    const wanted = options.limit ?? 50;
    const events: AuditEventRecord[] = [];
    let cursor: string | null = options.cursor ?? null;
    // A filtered page may hold fewer events than asked for, or none, and still go on.
    do {
      const params = new URLSearchParams({
        ...filterQuery(options),
        limit: String(Math.min(500, wanted - events.length)),
        ...(cursor ? { cursor } : {}),
      });
      const page: Page = await client.call<Page>('GET', `audit-events?${params}`);
      events.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && events.length < wanted);
    printRecords(events, columns, options);
    if (cursor) process.stderr.write(`(more: add --cursor ${cursor})\n`);
  });

  withApiOptions(
    withFilters(
      group
        .command('export')
        .description('Every matching event, newest first, as NDJSON (one JSON object per line)'),
    ),
    [
      'portcullis audit export > audit.ndjson',
      'portcullis audit export --actor sa_01j… --from 2026-05-01T00:00:00Z | jq -c "{occurredAt, action}"',
    ],
  ).action(async (options: FilterOptions) => {
    const client = await api(options);
    const query = new URLSearchParams(filterQuery(options)).toString();
    await client.download(`audit-events/export${query ? `?${query}` : ''}`, process.stdout);
  });

  withApiOptions(
    withFilters(
      group
        .command('tail')
        .description('Show the last events, then follow new ones as they happen (until interrupted)')
        .option(
          '-n, --lines <count>',
          'how many past events to show first (default 10)',
          positive('--lines', 500),
        )
        .option(
          '--interval <seconds>',
          'how often to look for new events (default 2)',
          positive('--interval', 3600),
        ),
    ),
    [
      'portcullis audit tail',
      'portcullis audit tail --action "token.*" --result failure',
      'portcullis audit tail --json | jq -c "{occurredAt, action, result}"',
    ],
  ).action(async (options: FilterOptions & { lines?: number; interval?: number }) => {
    const client = await api(options);
    await follow(client, filterQuery(options), options.lines ?? 10, (options.interval ?? 2) * 1000, options);
  });
}
