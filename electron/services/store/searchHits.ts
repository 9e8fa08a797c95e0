import { SEARCH_MARK_END, SEARCH_MARK_START, type Channel, type ConversationStatus, type IdentityKind, type MessageAuthor, type SearchField, type SearchHit } from '../../../shared/contract/domain';
import { phoneEndings, type ParsedSearch } from './searchQuery';
import { markMatches, searchSnippet, type TermMatcher } from './searchSnippet';

/** What every search index hands over: matching messages (best first) with their conversations. */
export interface MessageMatch {
  rowid: number;
  conversation_id: number;
}

export interface HitConversationRow {
  id: number;
  channel: Channel;
  status: ConversationStatus;
  subject: string | null;
  customer_id: number;
  customer_name: string;
  last_message_at: number | null;
}

export interface HitMessageRow {
  id: number;
  author: MessageAuthor;
  sent_at: number;
  body: string;
}

export interface HitRows {
  conversations: HitConversationRow[];
  bodies: HitMessageRow[];
  identities: { customer_id: number; kind: IdentityKind; value: string }[];
}

export interface HitPlan {
  byFields: number[];
  best: Map<number, { messageId: number; count: number }>;
  /** The conversations to show, in order. */
  order: number[];
  /** The best message of each shown conversation found by a message. */
  shownMessages: number[];
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** Each conversation once: those found by their own fields first (newest first), then by their best-matching message. */
export function planHits(byFields: number[], messages: readonly MessageMatch[], limit: number): HitPlan {
  const best = new Map<number, { messageId: number; count: number }>();
  for (const match of messages) {
    const seen = best.get(match.conversation_id);
    if (seen) seen.count++;
    else best.set(match.conversation_id, { messageId: match.rowid, count: 1 });
  }
  const order = [...new Set([...byFields, ...best.keys()])].slice(0, limit);
  return { byFields, best, order, shownMessages: order.flatMap((id) => (best.has(id) ? [best.get(id)!.messageId] : [])) };
}

const identitiesByCustomer = (rows: HitRows) => {
  const identities = new Map<number, { kind: IdentityKind; value: string }[]>();
  for (const row of rows.identities) identities.set(row.customer_id, [...(identities.get(row.customer_id) ?? []), row]);
  return identities;
};

/** The texts whose words will be marked (for the stem look-up). */
export function textsToMark(plan: HitPlan, rows: HitRows): string[] {
  const conversations = new Map(rows.conversations.map((row) => [row.id, row]));
  const identities = identitiesByCustomer(rows);
  return [
    ...rows.bodies.map((row) => row.body),
    ...plan.byFields.flatMap((id) => {
      const row = conversations.get(id);
      return row ? [row.subject ?? '', row.customer_name, ...(identities.get(row.customer_id) ?? []).map((identity) => identity.value)] : [];
    }),
  ];
}

/** Why a conversation found by its own fields was found: its fields with the matches marked. */
export function fieldsMatched(row: { subject: string | null; customer_name: string }, identities: { kind: IdentityKind; value: string }[], parsed: ParsedSearch, endings: string[] | null, matches: TermMatcher) {
  const matchedIn: SearchField[] = [];
  const subject = row.subject === null ? null : markMatches(row.subject, parsed.terms, matches);
  if (subject) matchedIn.push('subject');
  const customerName = markMatches(row.customer_name, parsed.terms, matches);
  if (customerName) matchedIn.push('customer');
  let identity: string | null = null;
  for (const { kind, value } of identities) {
    if (kind === 'phone') {
      if (endings?.some((ending) => digitsOf(value).includes(ending))) {
        identity ??= `${SEARCH_MARK_START}${value}${SEARCH_MARK_END}`;
        if (!matchedIn.includes('phone')) matchedIn.push('phone');
      }
      continue;
    }
    const marked = markMatches(value, parsed.terms, matches);
    if (!marked) continue;
    identity ??= marked;
    const field: SearchField = kind === 'email' ? 'email' : 'handle';
    if (!matchedIn.includes(field)) matchedIn.push(field);
  }
  return { matchedIn, subject: subject ?? row.subject, customerName: customerName ?? row.customer_name, identity };
}

/** The hits, each saying why it was found, with the matches marked. */
export function assembleHits(plan: HitPlan, rows: HitRows, parsed: ParsedSearch, typed: string, matches: TermMatcher): SearchHit[] {
  const conversations = new Map(rows.conversations.map((row) => [row.id, row]));
  const bodies = new Map(rows.bodies.map((row) => [row.id, row]));
  const identities = identitiesByCustomer(rows);
  const fieldMatched = new Set(plan.byFields);
  const endings = phoneEndings(typed);
  return plan.order.flatMap((id): SearchHit[] => {
    const row = conversations.get(id);
    if (!row) return [];
    const found = plan.best.get(id);
    const message = found ? bodies.get(found.messageId) : undefined;
    const fields = fieldMatched.has(id)
      ? fieldsMatched(row, identities.get(row.customer_id) ?? [], parsed, endings, matches)
      : { matchedIn: [] as SearchField[], subject: row.subject, customerName: row.customer_name, identity: null };
    return [
      {
        conversationId: row.id,
        channel: row.channel,
        status: row.status,
        subject: fields.subject,
        customerName: fields.customerName,
        identity: fields.identity,
        matchedIn: message ? [...fields.matchedIn, 'message'] : fields.matchedIn,
        message: message ? { id: message.id, author: message.author, sentAt: message.sent_at, snippet: searchSnippet(message.body, parsed.terms, matches) } : null,
        messageMatches: found?.count ?? 0,
        lastMessageAt: row.last_message_at,
      },
    ];
  });
}
