import type { CompiledQuery, DatabaseConnection, Dialect, Driver } from 'kysely';
import { Refusal } from '../common/refusal';
import type { StoreProblem } from '../../../shared/contract/domain';

/** Why the data file could not be used, in words a user can act on. Nothing was changed. */
export class StoreOpenError extends Error {
  readonly reason: StoreProblem;
  readonly path: string;

  constructor(reason: StoreProblem, path: string, message: string) {
    super(message);
    this.name = 'StoreOpenError';
    this.reason = reason;
    this.path = path;
  }
}

export function describeStoreProblem(reason: StoreProblem, path: string, detail: string): string {
  switch (reason) {
    case 'locked':
      return `The Kinship data file ${path} is locked by another program (is Kinship already open?). Close the other program and start again; nothing was changed.`;
    case 'unreadable':
      return `The file ${path} is not a Kinship data file Kinship can read (${detail}). It was left untouched: move it aside to start a new workspace, or restore a backup.`;
    case 'newer-version':
      return `The Kinship data file ${path} was written by a newer Kinship (${detail}). Update Kinship to open it; the file was left untouched.`;
    case 'io':
      return `Kinship could not open its data file ${path} (${detail}). Check that the folder exists and is writable; nothing was changed.`;
  }
}

/** What the databases call a write refused because the same key is stored already. */
const UNIQUE_VIOLATIONS = new Set([
  // PostgreSQL's SQLSTATE unique_violation (a primary key too)
  '23505',
  // better-sqlite3's extended result codes
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

/** Whether `error` is the database refusing a write because a row with the same key exists. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNIQUE_VIOLATIONS.has(code);
}

/** Which key it was, as the database says it: PostgreSQL's table and detail, SQLite's "table.column". */
function whichKey(error: { message?: unknown; table?: unknown; detail?: unknown }): string {
  if (typeof error.table === 'string') return typeof error.detail === 'string' ? `${error.table}: ${error.detail}` : error.table;
  const message = typeof error.message === 'string' ? error.message : '';
  return message.replace(/^UNIQUE constraint failed:\s*/, '') || 'a key';
}

/**
 * A write another one got to first: the same key is stored already (two people creating the same
 * tag or view at once, a resend racing its first try on another server process). It is the typed
 * `conflict` (a Refusal: the dispatcher answers it as such), never an internal fault; nothing of the
 * transaction it happened in was stored.
 */
export class UniqueViolation extends Refusal {
  readonly key: string;

  constructor(cause: unknown) {
    const key = whichKey(cause as object);
    super('conflict', `This was stored by another change at the same time (${key} already exists); nothing was changed. Look again and retry.`);
    this.name = 'UniqueViolation';
    this.key = key;
    this.cause = cause;
  }
}

/** The one place database errors become the store's own: a unique violation is a conflict; anything else is passed on as it is. */
export function storeError(error: unknown): unknown {
  return isUniqueViolation(error) ? new UniqueViolation(error) : error;
}

/**
 * The dialect with every statement's failure translated by `storeError` (both databases, every
 * query, COMMIT included: a deferred check fails there), so no repository can forget to.
 */
export function translatingStoreErrors(dialect: Dialect): Dialect {
  const translating = (connection: DatabaseConnection): DatabaseConnection =>
    new Proxy(connection, {
      get(target, property) {
        if (property === 'executeQuery') {
          return async (compiled: CompiledQuery) => {
            try {
              return await target.executeQuery(compiled);
            } catch (error) {
              throw storeError(error);
            }
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => {
      const driver = dialect.createDriver();
      return new Proxy(driver, {
        get(target, property) {
          if (property === 'acquireConnection') return async (...args: Parameters<Driver['acquireConnection']>) => translating(await target.acquireConnection(...args));
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
}
