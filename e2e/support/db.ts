import pg from 'pg';

/** Runs one statement against the stack's database (for setup the api offers no mutation for, such as trust levels). */
export async function sql(databaseUrl: string, text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

/**
 * New accounts are newcomers (trust level 0), whose first posts wait for review. Tests about
 * something else make them members by display name, so their posts publish directly.
 */
export function setTrustLevel(databaseUrl: string, displayName: string, trustLevel: number): Promise<void> {
  return sql(databaseUrl, `UPDATE users SET trust_level = $2 WHERE display_name = $1`, [displayName, trustLevel]);
}
