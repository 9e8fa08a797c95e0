import {
  CLEAR_SIGNAL,
  FAMILIARITY_HALF_CONTACTS,
  FAMILIARITY_HALF_LIFE_DAYS,
  FAMILIARITY_POINTS,
  FEELING_POINTS,
  FEELING_PRIOR,
  recencyWeight,
  TURNAROUND_SHARE,
} from './connectionWeights';
import { moodWord, quoted, weightAt, type ConnectionMoment, type RawContribution } from './connectionContext';
import type { ConversationFacts } from './conversationItems';

/**
 * The bond itself, from every conversation at once: how well the customer knows us (familiarity, one
 * `contact` item per conversation) and how their contacts have felt (feeling, an `ending` item and
 * perhaps a `turnaround` item per conversation read). See connectionWeights.ts for the numbers.
 *
 *   familiarity = 35 × (1 − ½^(C / 2)),   C = Σ ½^(age of each contact / 365 days)
 *   feeling     = 45 × confidence × Σ wᵢ·(clear(endᵢ) + ½·clear(recoveryᵢ)) / Σ wᵢ,   wᵢ = ½^(age / 90 days),
 *                 confidence = R / (R + 1.5), R = Σ ½^(age of each conversation read / 365 days),
 *                 clear(x) = x / 0.5 within ±1
 *
 * The feeling is a recency-weighted mean (how the customer feels about us now, the latest contacts
 * counting most), believed as far as there is evidence: one conversation is a first impression,
 * a year of them a relationship.
 *
 * Familiarity is shared out newest contact first (the newest takes what it adds on its own, the next
 * what it adds on top, …), so the items add up to it and recent contacts show as worth more. A
 * conversation's feeling share goes to its ending (clear(end)) and, when it climbed back from a bad
 * start, to its turnaround (½ × clear(the ground recovered)): a complaint turned around counts for
 * more than a plain happy chat with the same ending.
 */
export function bondItems(conversations: readonly ConversationFacts[], moment: ConnectionMoment): RawContribution[] {
  const items: RawContribution[] = [];

  const newestFirst = [...conversations].sort((a, b) => b.firstContactAt - a.firstContactAt || b.conversationId - a.conversationId);
  let known = 0;
  for (const conversation of newestFirst) {
    const before = FAMILIARITY_POINTS * (1 - 0.5 ** (known / FAMILIARITY_HALF_CONTACTS));
    known += recencyWeight(conversation.firstContactAt, moment.anchor, FAMILIARITY_HALF_LIFE_DAYS);
    const after = FAMILIARITY_POINTS * (1 - 0.5 ** (known / FAMILIARITY_HALF_CONTACTS));
    items.push({
      kind: 'contact',
      points: after - before,
      label: moment.labels ? `${conversation.where}${conversation.subject ? `: ${quoted(conversation.subject)}` : ''}` : '',
      at: conversation.firstContactAt,
      conversationId: conversation.conversationId,
    });
  }

  const read = conversations.filter((conversation) => conversation.signal !== null);
  const recency = read.reduce((sum, conversation) => sum + weightAt(moment, conversation.lastReadAt), 0);
  const evidence = read.reduce((sum, conversation) => sum + recencyWeight(conversation.lastReadAt, moment.anchor, FAMILIARITY_HALF_LIFE_DAYS), 0);
  const confidence = evidence / (evidence + FEELING_PRIOR);
  for (const conversation of read) {
    const signal = conversation.signal!;
    const share = (FEELING_POINTS * confidence * weightAt(moment, conversation.lastReadAt)) / recency;
    const end = clear(signal.end);
    items.push({
      kind: 'ending',
      points: share * end,
      label: moment.labels ? `${conversation.where} ended ${moodWord(signal.end)}` : '',
      at: conversation.lastReadAt,
      conversationId: conversation.conversationId,
    });
    const turnaround = TURNAROUND_SHARE * clear(signal.recovery);
    if (turnaround !== 0) {
      items.push({
        kind: 'turnaround',
        points: share * turnaround,
        label: !moment.labels
          ? ''
          : moodWord(signal.end) === 'upset'
            ? `${conversation.where} improved on how it began but still ended upset`
            : `${conversation.where} turned around: began ${moodWord(signal.start)}, ended ${moodWord(signal.end)}`,
        at: conversation.lastReadAt,
        conversationId: conversation.conversationId,
      });
    }
  }
  return items;
}

/** A signal as evidence: this far from neutral (CLEAR_SIGNAL) counts in full. */
function clear(signal: number): number {
  return Math.max(-1, Math.min(1, signal / CLEAR_SIGNAL));
}
