import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/services/store/openDatabase';
import { migrations } from '../../../../electron/services/store/migrations';
import { tempDir } from '../../../helpers/tempDir';

describe('migration 14 (people who sign in) on a workspace that already has people and their work', () => {
  it('keeps every person, their ids and everything that refers to them; adds the admin role and e-mail unique whatever its case', () => {
    const file = path.join(tempDir(), 'kinship.sqlite');
    const before = openDatabase(file, { migrations: migrations.filter((m) => m.version < 14) });
    before.db.exec(`
      INSERT INTO users (id, name, email, role, created_at) VALUES (7, 'Hannah', 'hannah@kinship.test', 'agent', 1), (9, 'Sam', 'sam@kinship.test', 'supervisor', 2);
      INSERT INTO customers (id, display_name, created_at) VALUES (1, 'Edith', 0);
      INSERT INTO conversations (id, customer_id, channel, status, assignee_id, created_at, updated_at) VALUES (1, 1, 'email', 'open', 7, 0, 0);
      INSERT INTO messages (id, conversation_id, author, author_user_id, body, sent_at, dedupe_key, created_at) VALUES (1, 1, 'agent', 9, 'on it', 200, 'b', 0);
    `);
    before.db.close();
    const { db, migration } = openDatabase(file);
    expect(migration.applied).toContain('14 people who sign in');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, name, email, role, deactivated_at FROM users ORDER BY id').all()).toEqual([
      { id: 7, name: 'Hannah', email: 'hannah@kinship.test', role: 'agent', deactivated_at: null },
      { id: 9, name: 'Sam', email: 'sam@kinship.test', role: 'supervisor', deactivated_at: null },
    ]);
    expect(db.prepare('SELECT u.name FROM conversations c JOIN users u ON u.id = c.assignee_id').get()).toEqual({ name: 'Hannah' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // references still hold: a person who does not exist cannot be assigned
    expect(() => db.exec('UPDATE conversations SET assignee_id = 99')).toThrow(/FOREIGN KEY/);
    // a person referred to cannot be deleted
    expect(() => db.exec('DELETE FROM users WHERE id = 7')).toThrow(/FOREIGN KEY/);
    db.exec("INSERT INTO users (name, email, role, created_at) VALUES ('Ada', 'ada@kinship.test', 'admin', 3)");
    expect(() => db.exec("INSERT INTO users (name, email, role, created_at) VALUES ('Hannah again', 'HANNAH@Kinship.test', 'agent', 4)")).toThrow(/UNIQUE/);
    db.close();
  });
});
