import { sql, type Expression, type RawBuilder } from 'kysely';

export type StoreKind = 'sqlite' | 'postgres';

/**
 * The few things SQLite and PostgreSQL spell differently, as query fragments, so each repository's
 * queries are written once (everything else is the typed builder's common SQL).
 */
export interface SqlDialect {
  kind: StoreKind;
  /** The larger / smaller of two values (SQLite's two-argument max/min; GREATEST/LEAST). */
  greatest<T>(a: Expression<T>, b: Expression<T>): RawBuilder<T>;
  least<T>(a: Expression<T>, b: Expression<T>): RawBuilder<T>;
  /**
   * The text at a path ('dominant.emotion') of a JSON text column (objects as their JSON), or null:
   * spelt as the store's expression indexes are (json_extract(meta, '$.messageId'); (meta::jsonb ->> 'messageId')).
   */
  jsonText(json: Expression<string | null>, path: string): RawBuilder<string | null>;
  /** A value compared and sorted without regard to (ASCII) case, as COLLATE NOCASE does. */
  caseless(value: Expression<string>): RawBuilder<string>;
  /** A sort key descending with nulls after every value (SQLite's own order; PostgreSQL puts them first). */
  descNullsLast(value: Expression<unknown>): RawBuilder<unknown>;
  /** The tags of conversation `c` as a JSON array of {id, name, color}, by name. */
  tagsJson(conversationId: Expression<number>): RawBuilder<string | null>;
}

const path = (dotted: string) => dotted.split('.');

export const sqliteSql: SqlDialect = {
  kind: 'sqlite',
  greatest: (a, b) => sql`max(${a}, ${b})`,
  least: (a, b) => sql`min(${a}, ${b})`,
  jsonText: (json, dotted) => sql`json_extract(${json}, ${sql.lit(`$.${dotted}`)})`,
  caseless: (value) => sql`${value} COLLATE NOCASE`,
  descNullsLast: (value) => sql`${value} DESC`,
  tagsJson: (conversationId) => sql`(SELECT json_group_array(json_object('id', t.id, 'name', t.name, 'color', t.color))
    FROM (SELECT t.id, t.name, t.color FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
          WHERE ct.conversation_id = ${conversationId} ORDER BY t.name COLLATE NOCASE) t)`,
};

export const postgresSql: SqlDialect = {
  kind: 'postgres',
  greatest: (a, b) => sql`greatest(${a}, ${b})`,
  least: (a, b) => sql`least(${a}, ${b})`,
  // a single key as ->> (the form the expression indexes are built on — messages_email_id — so a lookup
  // uses them); a path as #>>
  jsonText: (json, dotted) => (path(dotted).length === 1
    ? sql`(${json}::jsonb ->> ${sql.lit(dotted)})`
    : sql`(${json}::jsonb #>> ${sql.lit(`{${path(dotted).join(',')}}`)})`),
  caseless: (value) => sql`lower(${value})`,
  descNullsLast: (value) => sql`${value} DESC NULLS LAST`,
  tagsJson: (conversationId) => sql`(SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'color', t.color) ORDER BY lower(t.name))::text
    FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.conversation_id = ${conversationId})`,
};
