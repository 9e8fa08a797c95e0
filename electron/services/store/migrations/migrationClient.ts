/** What a migration's PostgreSQL preparation may do on the migrating connection (a pg client fits). */
export interface MigrationClient {
  query<Row extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}
