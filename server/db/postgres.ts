import pg from 'pg';

const INT8_OID = 20;

/** bigint columns (epoch-ms instants, event sequence numbers, counts) as numbers: every such value stays far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pg pool with those types. */
export function createPgPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, types });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Nor a checked-out one (PostgreSQL restarting between two statements of a transaction): its
  // pending query fails, the request gets a 503, and the broken client is dropped on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** A single pg client with the same type parsing, for LISTEN. */
export function createPgClient(connectionString: string): pg.Client {
  return new pg.Client({ connectionString, types });
}
