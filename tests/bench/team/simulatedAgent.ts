/**
 * What one simulated agent does, at a person's pace with jitter: looks at the queue a moment,
 * opens a conversation (`conversations.get`), says they are viewing it (`activity.report`), now and
 * then takes it (`conversations.take`), types a reply (typing reported as a console does, every
 * few seconds) and sends it (`conversations.send`; past a draft check with "send anyway", past a
 * hold by sending over what arrived, as a person would after reading it), then leaves it.
 */
import type { ConversationDetail } from '../../../shared/contract/domain';
import type { SendResult } from '../../../shared/contract/send';
import type { ConsoleClient } from './consoleClient';

export interface AgentFigures {
  /** conversations.get → answer (ms). */
  opens: number[];
  /** conversations.send → answer (ms), every send call (checked, held or sent). */
  sends: number[];
  sendOutcomes: Record<string, number>;
  takes: number[];
  takeConflicts: number;
  activityReports: number[];
  /** Refused calls by method and code. */
  errors: Record<string, number>;
  /** message id of each reply sent → when its send call was made (performance.now()) and the sender's server. */
  replies: Map<number, { at: number; server: number }>;
}

export function emptyFigures(): AgentFigures {
  return { opens: [], sends: [], sendOutcomes: {}, takes: [], takeConflicts: 0, activityReports: [], errors: {}, replies: new Map() };
}

const REPLIES = [
  'Thanks for getting in touch — I am looking into this for you now.',
  'Sorry about that. I have checked your order and it is on its way; the tracking link follows.',
  'I have passed this to our returns team and booked the collection for you.',
  'Could you send me a photo of the label so I can find the parcel?',
  'I have refunded the delivery charge; you will see it within three working days.',
];

export interface AgentPace {
  /** Between conversations, looking at the queue. */
  glanceMs: [number, number];
  /** Reading the thread before typing. */
  readMs: [number, number];
  /** Typing the reply. */
  typeMs: [number, number];
  /** How often typing is reported again while it goes on. */
  typingEveryMs: number;
  takeShare: number;
}

export const HUMAN_PACE: AgentPace = { glanceMs: [2_000, 6_000], readMs: [1_500, 4_000], typeMs: [4_000, 10_000], typingEveryMs: 3_000, takeShare: 0.4 };

const between = ([low, high]: [number, number]) => low + Math.random() * (high - low);

export async function runAgent(client: ConsoleClient, pick: () => number | null, running: () => boolean, figures: AgentFigures, pace: AgentPace = HUMAN_PACE): Promise<void> {
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const refused = (method: string, code: string) => {
    const key = `${method}: ${code}`;
    figures.errors[key] = (figures.errors[key] ?? 0) + 1;
  };
  const report = async (viewing: number | null, typing: 'reply' | null) => {
    const { result, ms } = await client.call('activity.report', { viewing, typing });
    if (result.ok) figures.activityReports.push(ms);
    else refused('activity.report', result.error.code);
  };
  // a console's first moments are staggered: people do not all click at the same instant
  await pause(Math.random() * pace.glanceMs[1]);
  while (running() && !client.closed) {
    await pause(between(pace.glanceMs));
    const id = pick();
    if (id === null || !running()) continue;
    const opened = await client.call<ConversationDetail>('conversations.get', { id });
    if (!opened.result.ok) {
      refused('conversations.get', opened.result.error.code);
      continue;
    }
    figures.opens.push(opened.ms);
    let seen = opened.result.value.messages.at(-1)?.id ?? null;
    await report(id, null);
    await pause(between(pace.readMs));
    if (Math.random() < pace.takeShare && opened.result.value.conversation.assignee === null) {
      const taken = await client.call('conversations.take', { id });
      if (taken.result.ok) figures.takes.push(taken.ms);
      else if (taken.result.error.code === 'conflict') figures.takeConflicts += 1;
      else refused('conversations.take', taken.result.error.code);
    }
    // typing, reported as it goes on
    const typing = between(pace.typeMs);
    for (let typed = 0; typed < typing && running(); typed += pace.typingEveryMs) {
      await report(id, 'reply');
      await pause(Math.min(pace.typingEveryMs, typing - typed));
    }
    if (!running()) break;
    const body = REPLIES[Math.floor(Math.random() * REPLIES.length)]!;
    let input: Record<string, unknown> = { conversationId: id, kind: 'reply', body, seenMessageId: seen };
    for (let attempt = 0; attempt < 4; attempt++) {
      const startedAt = performance.now();
      const sent = await client.call<SendResult>('conversations.send', input);
      if (!sent.result.ok) {
        refused('conversations.send', sent.result.error.code);
        break;
      }
      figures.sends.push(sent.ms);
      const value = sent.result.value;
      figures.sendOutcomes[value.outcome] = (figures.sendOutcomes[value.outcome] ?? 0) + 1;
      if (value.outcome === 'sent') {
        figures.replies.set(value.message.id, { at: startedAt, server: client.server });
        break;
      }
      if (value.outcome === 'check') input = { ...input, draftCheck: { decision: 'send-anyway', shown: value.findings.map(({ check, better }) => ({ check, better })) } };
      else {
        // held: the customer (or a colleague) wrote meanwhile; read it, send over it
        seen = value.arrived.at(-1)?.messageId ?? seen;
        input = { ...input, collisionOverride: { upToMessageId: seen } };
      }
    }
    await report(null, null);
  }
}
