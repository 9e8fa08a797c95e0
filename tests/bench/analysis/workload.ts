import { DEFAULT_DEMO_SEED, generateDemoWorkspace, type DemoUser } from '../../../electron/services/demo/generateDemoWorkspace';
import type { IngestMessage } from '../../../shared/contract/ingestion';

/**
 * Realistic messages for the benchmark: the demo workspace's customer and agent messages (chat,
 * e-mail, voice), repeated with other seeds, with ids rewritten per round so nothing is a
 * duplicate and every body carries a counter phrase so the reading cache never serves one.
 */
export interface Workload {
  users: DemoUser[];
  /** Stored in bulk before the engine starts; the engine reads them as its backlog. */
  backlog: IngestMessage[];
  /** Ingested one by one while the backlog runs; the engine reads them live. */
  live: IngestMessage[];
}

const READ_AUTHORS = new Set(['customer', 'agent']);

function prefixed(value: unknown, prefix: string): unknown {
  if (typeof value === 'string') return `${prefix}${value}`;
  if (Array.isArray(value)) return value.map((entry) => (typeof entry === 'string' ? `${prefix}${entry}` : entry));
  return value;
}

/** A copy of one demo message that is unique in the workspace and unique in text. */
function variant(item: IngestMessage, round: string, counter: number): IngestMessage {
  const tag = `${round}-`;
  const meta = item.message.meta ? { ...item.message.meta } : undefined;
  if (meta) {
    for (const key of ['messageId', 'inReplyTo', 'references'] as const) {
      if (meta[key] !== undefined) (meta as Record<string, unknown>)[key] = prefixed(meta[key], tag);
    }
  }
  // E-mail loses its quoted tail and signature before reading, so the phrase goes first there.
  const phrase = `(case ${counter})`;
  const body = item.channel === 'email' ? `${phrase} ${item.message.body}` : `${item.message.body} ${phrase}`;
  return {
    ...item,
    conversation: { ...item.conversation, ...(item.conversation.externalRef ? { externalRef: `${tag}${item.conversation.externalRef}` } : {}) },
    message: {
      ...item.message,
      body,
      ...(item.message.externalId ? { externalId: `${tag}${item.message.externalId}` } : {}),
      ...(meta ? { meta } : {}),
    },
  };
}

export function buildWorkload(options: { backlogSize: number; liveCount: number; now: number }): Workload {
  const { now } = options;
  let counter = 0;
  let users: DemoUser[] = [];
  const backlog: IngestMessage[] = [];
  const live: IngestMessage[] = [];
  for (let round = 0; backlog.length < options.backlogSize || live.length < options.liveCount; round++) {
    const demo = generateDemoWorkspace({ seed: DEFAULT_DEMO_SEED + round, now });
    if (round === 0) users = demo.users;
    const readable = demo.messages.filter((item) => READ_AUTHORS.has(item.message.author));
    for (const item of readable) {
      counter += 1;
      if (backlog.length < options.backlogSize) backlog.push(variant(item, `r${round}`, counter));
      else if (live.length < options.liveCount) {
        // live traffic arrives now, in conversations of its own
        const copy = variant(item, `live${round}`, counter);
        live.push({ ...copy, message: { ...copy.message, sentAt: now + live.length } });
      }
    }
  }
  return { users, backlog, live };
}
