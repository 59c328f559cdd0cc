// Counts the SQL statements a request costs, from PostgreSQL's per-database transaction counter
// (pg_stat_statements is not available on the embedded server). The api's reads run in autocommit,
// so each statement is one transaction. Backends publish their counters up to 10 s after they go
// idle, hence the waits; background work (the search indexer polls every 2 s) is measured in an
// idle window of the same length and subtracted, and so are our own counter reads.
import pg from 'pg';

const SETTLE_MS = 11_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sqlPerRequest(databaseUrl: string, send: () => Promise<unknown>, requests = 50): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const read = async () => {
    const { rows } = await client.query(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`);
    return { count: Number(rows[0].n), at: performance.now() };
  };
  try {
    await sleep(SETTLE_MS); // earlier work publishes its counts
    const start = await read();
    await sleep(SETTLE_MS); // nothing but background work
    const idle = await read();
    for (let i = 0; i < requests; i++) await send();
    await sleep(SETTLE_MS);
    const end = await read();
    const backgroundPerMs = (idle.count - start.count - 1) / (idle.at - start.at);
    return (end.count - idle.count - 1 - backgroundPerMs * (end.at - idle.at)) / requests;
  } finally {
    await client.end();
  }
}
