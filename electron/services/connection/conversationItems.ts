import { CONTACT_POINTS, CONVERSATION_POINTS, NAME_TOUCH_POINTS, REMEMBERED_TOUCH_POINTS } from './connectionWeights';
import { contactWords, moodWord, quoted, weightAt, type ConnectionMoment, type RawContribution } from './connectionContext';
import { conversationSignal } from './conversationSignal';
import type { PreparedConversation } from './preparedHistory';

/**
 * What each conversation adds by itself: the contact (familiarity), how it ended and how far it
 * was turned around (its conversation signal), and the agent's personal touches in it.
 */
export function conversationItems(conversation: PreparedConversation, moment: ConnectionMoment): RawContribution[] {
  if (conversation.firstContactAt > moment.cutoff) return [];
  const items: RawContribution[] = [];
  const where = contactWords(moment, conversation.channel, conversation.firstContactAt);
  const subject = conversation.subject?.trim();
  items.push({
    kind: 'contact',
    points: CONTACT_POINTS * weightAt(moment, conversation.firstContactAt),
    label: moment.labels ? `${where}${subject ? `: ${quoted(subject)}` : ''}` : '',
    at: conversation.firstContactAt,
    conversationId: conversation.id,
  });

  const sentiments: number[] = [];
  let lastReadAt = 0;
  let nameAt: number | null = null;
  let remembersAt: number | null = null;
  for (const message of conversation.messages) {
    if (message.sentAt > moment.cutoff) break;
    if (message.sentiment !== null) {
      sentiments.push(message.sentiment);
      lastReadAt = message.sentAt;
    }
    if (message.byName && nameAt === null) nameAt = message.sentAt;
    if (message.remembers && remembersAt === null) remembersAt = message.sentAt;
  }

  const signal = conversationSignal(sentiments);
  if (signal) {
    const weight = weightAt(moment, lastReadAt);
    items.push({
      kind: 'ending',
      points: CONVERSATION_POINTS * signal.end * weight,
      label: moment.labels ? `${where} ended ${moodWord(signal.end)}` : '',
      at: lastReadAt,
      conversationId: conversation.id,
    });
    const turnaround = signal.signal - signal.end;
    if (turnaround !== 0) {
      items.push({
        kind: 'turnaround',
        points: CONVERSATION_POINTS * turnaround * weight,
        label: !moment.labels
          ? ''
          : moodWord(signal.end) === 'upset'
            ? `${where} improved on how it began but still ended upset`
            : `${where} turned around: began ${moodWord(signal.start)}, ended ${moodWord(signal.end)}`,
        at: lastReadAt,
        conversationId: conversation.id,
      });
    }
  }

  if (nameAt !== null) {
    items.push({
      kind: 'personal-touch',
      points: NAME_TOUCH_POINTS * weightAt(moment, nameAt),
      label: moment.labels ? `addressed by name in the ${where}` : '',
      at: nameAt,
      conversationId: conversation.id,
    });
  }
  if (remembersAt !== null) {
    items.push({
      kind: 'personal-touch',
      points: REMEMBERED_TOUCH_POINTS * weightAt(moment, remembersAt),
      label: moment.labels ? `referred back to an earlier contact in the ${where}` : '',
      at: remembersAt,
      conversationId: conversation.id,
    });
  }
  return items;
}
