import pg from 'pg';
import { joinTransaction, type Db, type Queryable } from '../../src/platform/db.js';

/** One statement as auto_explain saw it run: its text and the partitions of `table` it really read or wrote. */
export interface RunStatement {
  query: string;
  partitions: string[];
}

/**
 * A session that records the plan of every statement it runs, those inside plpgsql functions included
 * (auto_explain's log_nested_statements: a plain EXPLAIN of `SELECT book_slots(...)` shows one Function Scan).
 * log_analyze, so that a partition pruned at run time counts as untouched: only nodes that ran (loops > 0).
 * It is a Db for the use cases and repositories, which run on it exactly as they run on the pool.
 */
export async function recordingSession(databaseUrl: string, table: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let plans: unknown[] = [];
  client.on('notice', (notice) => {
    const json = /plan:\s*(\{[\s\S]*\})\s*$/.exec(notice.message ?? '')?.[1];
    if (json) plans.push(JSON.parse(json));
  });
  await client.query(`LOAD 'auto_explain';
    SET auto_explain.log_min_duration = 0; SET auto_explain.log_nested_statements = on;
    SET auto_explain.log_analyze = on; SET auto_explain.log_timing = off;
    SET auto_explain.log_format = json; SET auto_explain.log_level = notice`);

  const queryable: Queryable = { query: (text, params) => client.query(text, params) };
  const db: Db = {
    ...joinTransaction(queryable),
    async withTransaction(fn) {
      await client.query('BEGIN');
      try {
        const result = await fn(queryable);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    ping: async () => {},
    openConnections: () => 1,
    poolStats: () => ({ total: 1, idle: 0, waiting: 0, queued: 0 }),
    close: () => client.end(),
  };

  return {
    db,
    /** Runs `work` and answers what it did and the statements it ran, in order (those that touch no table too). */
    async record<T>(work: () => Promise<T>): Promise<{ result: T | Error; statements: RunStatement[] }> {
      plans = [];
      const result = await work().catch((error: Error) => error);
      // Notices arrive before the answer of their statement, so all of them are in by now.
      const statements = plans.map((plan) => summarize(plan as AutoExplained, table));
      return { result, statements };
    },
    close: () => client.end(),
  };
}

interface PlanNode {
  'Relation Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}
interface AutoExplained {
  'Query Text': string;
  Plan: PlanNode;
}

/** Partitions are the table's name plus a suffix; the parent itself (an INSERT's target) routes, it is not read. */
function summarize(explained: AutoExplained, table: string): RunStatement {
  const touched = new Set<string>();
  const walk = (node: PlanNode) => {
    const name = node['Relation Name'];
    if (name?.startsWith(`${table}_`) && (node['Actual Loops'] ?? 0) > 0) touched.add(name);
    node.Plans?.forEach(walk);
  };
  walk(explained.Plan);
  return { query: explained['Query Text'].replace(/\s+/g, ' ').trim(), partitions: [...touched].sort() };
}
