import pg from 'pg'

/** A PostgreSQL role that may create databases; the machine's server trusts local connections. */
export const postgresAdminUri = () => process.env.TEST_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/test'

export const withDatabase = (uri: string, database: string) => {
  const url = new URL(uri)
  url.pathname = `/${database}`
  return url.toString()
}

export async function adminQuery(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: postgresAdminUri() })
  await client.connect()
  try {
    return await client.query<{ datname: string }>(sql, params)
  } finally {
    await client.end()
  }
}
