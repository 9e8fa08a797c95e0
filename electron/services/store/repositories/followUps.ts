import type Database from 'better-sqlite3';
import type { FollowUp, FollowUpStatus } from '../../../../shared/contract/domain';
import { toFollowUp } from '../kysely/followUps';

export type { FollowUp };

export type NewFollowUp = Omit<FollowUp, 'id' | 'status' | 'closedAt'>;

interface FollowUpRow {
  id: number;
  customer_id: number;
  conversation_id: number | null;
  message_id: number | null;
  created_by: number | null;
  description: string;
  due_at: number;
  status: FollowUpStatus;
  created_at: number;
  closed_at: number | null;
}


export function createFollowUpsRepository(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO follow_ups (customer_id, conversation_id, message_id, created_by, description, due_at, created_at)
     VALUES (@customerId, @conversationId, @messageId, @createdBy, @description, @dueAt, @createdAt)`,
  );
  const close = db.prepare<[FollowUpStatus, number, number]>(
    "UPDATE follow_ups SET status = ?, closed_at = ? WHERE id = ? AND status = 'open'",
  );
  const ofCustomer = db.prepare<[number], FollowUpRow>(
    'SELECT * FROM follow_ups WHERE customer_id = ? ORDER BY status = \'open\' DESC, due_at',
  );
  const byId = db.prepare<[number], FollowUpRow>('SELECT * FROM follow_ups WHERE id = ?');
  const ofMessage = db.prepare<[number], FollowUpRow>('SELECT * FROM follow_ups WHERE message_id = ? ORDER BY id');
  const overdue = db.prepare<[number], FollowUpRow>(
    "SELECT * FROM follow_ups WHERE status = 'open' AND due_at < ? ORDER BY due_at",
  );

  return {
    create(followUp: NewFollowUp): number {
      return Number(insert.run(followUp).lastInsertRowid);
    },
    /** Marks an open follow-up done or cancelled; false if it was not open. */
    close(id: number, status: Exclude<FollowUpStatus, 'open'>, at: number): boolean {
      return close.run(status, at, id).changes > 0;
    },
    getById(id: number): FollowUp | null {
      const row = byId.get(id);
      return row ? toFollowUp(row) : null;
    },
    /** Follow-ups made from a sent message (so a promise is not offered twice). */
    listForMessage(messageId: number): FollowUp[] {
      return ofMessage.all(messageId).map(toFollowUp);
    },
    listForCustomer(customerId: number): FollowUp[] {
      return ofCustomer.all(customerId).map(toFollowUp);
    },
    listOverdue(now: number): FollowUp[] {
      return overdue.all(now).map(toFollowUp);
    },
  };
}

export type FollowUpsRepository = ReturnType<typeof createFollowUpsRepository>;
