import { firstIdAt } from '@portcullis/core/ids';
import {
  type Expression,
  type ExpressionBuilder,
  FromNode,
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  type SqlBool,
  sql,
  type UnknownRow,
} from 'kysely';
import type { Database } from '../database.js';
import type { Schema } from '../schema.js';
import { type AuditEvent, toAuditEvent } from './audit-events.js';
import { type Page, pageOf } from './page.js';

export interface AuditFilter {
  actorId?: string | undefined;
  targetId?: string | undefined;
  /** Exact action, or a prefix ending in `*` (`token.*`). */
  action?: string | undefined;
  result?: 'success' | 'failure' | undefined;
  /** Epoch ms, inclusive. */
  from?: number | undefined;
  /** Epoch ms, exclusive. */
  to?: number | undefined;
}

export interface AuditPageRequest {
  limit: number;
  /** The previous page's `nextCursor`: this page holds the events before it. */
  before?: string | undefined;
}

/**
 * At most this many events of the driving index are read for one page when other filters apply, whatever
 * they match: a rare combination answers a short (even empty) page whose cursor resumes after the last
 * event read, instead of reading the whole log to fill the page.
 */
export const auditScanBudget = 10_000;

type Condition = (eb: ExpressionBuilder<Schema, 'audit_events'>) => Expression<SqlBool>;
type IndexedColumn = 'target_id' | 'actor_id' | 'action' | 'result';

/** The indexes of migration 0009 that a page is read through. */
const indexOf: Record<IndexedColumn | 'none', string> = {
  none: 'audit_events_org_id',
  target_id: 'audit_events_org_target_id',
  actor_id: 'audit_events_org_actor_id',
  action: 'audit_events_org_action_id',
  result: 'audit_events_org_result_id',
};

/**
 * SQLite: read audit_events through the named index (`INDEXED BY`). Its planner has no statistics, and
 * given a time range it may take `(organization_id, id)` over the driving filter's index; the budget is
 * counted on the driving index, so the page must be read through that one. PostgreSQL plans from its
 * statistics and has no such hint: there the budget bounds the range, and the planner the way through it.
 */
class ThroughIndex extends OperationNodeTransformer implements KyselyPlugin {
  constructor(private readonly index: string) {
    super();
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    return this.transformNode(node);
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }

  protected override transformFrom(): FromNode {
    return FromNode.create([RawNode.createWithSql(`audit_events indexed by ${this.index}`)]);
  }
}

/**
 * How a page is read (decision 0019): an id range of one index — `(organization_id, id)`, or
 * `(organization_id, <column>, id)` for one equality filter, the driver — newest first, and the other
 * filters checked on the rows that range yields. The id's time part is the event's moment, so from/to
 * bound the range too; occurred_at is checked as well, for events stored before ids carried it exactly.
 */
interface ReadPlan {
  driver?: { column: IndexedColumn; value: string } | undefined;
  residual: Condition[];
  /** Inclusive. */
  lowest?: string | undefined;
  /** Exclusive. */
  beyond?: string | undefined;
}

/**
 * The column as an expression neither planner can look up by index: a residual filter must not become
 * the way in, or the range the budget was counted on would not be the range read.
 */
function unindexed(eb: ExpressionBuilder<Schema, 'audit_events'>, column: IndexedColumn) {
  return eb.fn.coalesce(column, sql.lit(''));
}

const smaller = (a: string | undefined, b: string | undefined) =>
  a === undefined || (b !== undefined && b < a) ? b : a;
const larger = (a: string | undefined, b: string | undefined) =>
  a === undefined || (b !== undefined && b > a) ? b : a;

function readPlan(filter: AuditFilter, before: string | undefined): ReadPlan {
  const prefix = filter.action?.endsWith('*') ? filter.action.slice(0, -1) : undefined;
  const exact: [IndexedColumn, string | undefined][] = [
    // Most selective first: one object's events, one principal's, one kind of event, an outcome.
    ['target_id', filter.targetId],
    ['actor_id', filter.actorId],
    ['action', prefix === undefined ? filter.action : undefined],
    ['result', filter.result],
  ];
  const given = exact.filter((entry): entry is [IndexedColumn, string] => Boolean(entry[1]));
  const [first, ...others] = given;
  const residual: Condition[] = others.map(
    ([column, value]) =>
      (eb) =>
        eb(unindexed(eb, column), '=', value),
  );
  if (prefix) {
    residual.push((eb) => eb(eb.fn('substr', ['action', sql.lit(1), sql.lit(prefix.length)]), '=', prefix));
  }
  const { from, to } = filter;
  if (from !== undefined) residual.push((eb) => eb('occurred_at', '>=', from));
  if (to !== undefined) residual.push((eb) => eb('occurred_at', '<', to));
  return {
    driver: first && { column: first[0], value: first[1] },
    residual,
    lowest: from === undefined ? undefined : firstIdAt('auditEvent', from),
    beyond: smaller(before, to === undefined ? undefined : firstIdAt('auditEvent', to)),
  };
}

/** Where audit pages are read from: the connection, and its engine for the one thing that differs. */
export type AuditSource = Pick<Database, 'db' | 'engine'>;

function drivingRange(source: AuditSource, organizationId: string, plan: ReadPlan, floor?: string) {
  let query = source.db.selectFrom('audit_events').where('organization_id', '=', organizationId);
  if (source.engine === 'sqlite')
    query = query.withPlugin(new ThroughIndex(indexOf[plan.driver?.column ?? 'none']));
  if (plan.driver) query = query.where(plan.driver.column, '=', plan.driver.value);
  const lowest = larger(plan.lowest, floor);
  if (lowest !== undefined) query = query.where('id', '>=', lowest);
  if (plan.beyond !== undefined) query = query.where('id', '<', plan.beyond);
  return query;
}

/**
 * One page of an organization's events, newest first. With no filter beyond the driver's, the page reads
 * `limit + 1` index entries. Otherwise it first finds the `auditScanBudget`-th event of the driving range (an
 * index-only read) and reads no further than it; a page that ends there short of `limit` carries a cursor
 * that resumes below it.
 */
export async function queryAuditEvents(
  source: AuditSource,
  organizationId: string,
  filter: AuditFilter,
  page: AuditPageRequest,
): Promise<Page<AuditEvent>> {
  const plan = readPlan(filter, page.before);
  if (plan.lowest !== undefined && plan.beyond !== undefined && plan.lowest >= plan.beyond) {
    return { items: [], nextCursor: null };
  }
  let floor: string | undefined;
  if (plan.residual.length > 0) {
    const budgetEnd = await drivingRange(source, organizationId, plan)
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .offset(auditScanBudget - 1)
      .executeTakeFirst();
    floor = budgetEnd?.id;
  }
  let query = drivingRange(source, organizationId, plan, floor)
    .selectAll()
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  for (const condition of plan.residual) query = query.where(condition);
  const result = pageOf(await query.execute(), page.limit, toAuditEvent);
  return result.nextCursor === null && floor !== undefined ? { ...result, nextCursor: floor } : result;
}
