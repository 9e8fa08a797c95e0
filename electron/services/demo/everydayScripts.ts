/**
 * Writes the script of one everyday conversation from its topic, its arc and its details, on
 * whichever channel it happens: the customer's opening (upset, neutral or happy), the agent's
 * acknowledgement and fix (or refusal), and how the customer ends it.
 */
import type { ConversationStatus } from '../../../shared/contract/domain';
import type { CallScript, ChatScript, ChatTurn, EmailScript, EmailTurn } from './conversationPlan';
import { fillTemplate, type Slots } from './fillTemplate';
import { CALL_LINES, CHAT_LINES, EMAIL_LINES } from './moodLines';
import type { Random } from './seededRandom';
import type { EverydayArc, Topic, TopicCase } from './topicTypes';

/** How far the conversation has got: finished, waiting on the customer, or waiting on an agent. */
export type Ending = 'full' | 'agentLast' | 'awaitingAgent';

export interface ComposeInput {
  topic: Topic;
  topicCase: TopicCase;
  arc: EverydayArc;
  ending: Ending;
  status: ConversationStatus;
  slots: Slots;
  rng: Random;
  withAsk: boolean;
  withAside: boolean;
  withNote: boolean;
}

type Mood = 'upset' | 'neutral' | 'happy';
const moodOf = (arc: EverydayArc): Mood => (arc === 'answered' ? 'neutral' : arc === 'positive' ? 'happy' : 'upset');

export function composeEmail(input: ComposeInput): EmailScript {
  const { topic, topicCase, arc, ending, rng, slots } = input;
  const f = (text: string): string => fillTemplate(text, slots);
  const mood = moodOf(arc);
  const opening = [
    mood === 'upset' ? rng.pick(EMAIL_LINES.upsetIntro) : mood === 'happy' ? rng.pick(EMAIL_LINES.happyIntro) : '',
    topicCase.emailOpen,
    input.withAside ? rng.pick(EMAIL_LINES.asides) : '',
    mood === 'upset' ? rng.pick(EMAIL_LINES.upsetOutro) : rng.pick(EMAIL_LINES.neutralOutro),
  ];
  const turns: EmailTurn[] = [{ speaker: 'customer', body: paragraphs(opening, f), gapMinutes: 0 }];
  if (ending === 'awaitingAgent') {
    if (mood === 'upset' && rng.chance(0.4)) {
      turns.push({ speaker: 'customer', body: f(rng.pick(EMAIL_LINES.chaser)), gapMinutes: rng.int(900, 1700) });
    }
    return { kind: 'email', subject: f(rng.pick(topic.subjects)), turns };
  }
  if (input.withNote) turns.push({ speaker: 'note', body: f(rng.pick(EMAIL_LINES.internalNotes)), gapMinutes: rng.int(10, 60) });
  const ack = rng.pick(EMAIL_LINES.agentAck[arc === 'unresolved' && rng.chance(0.5) ? 'cool' : mood]);
  const resolution = arc === 'unresolved' ? (topicCase.emailDecline ?? topicCase.emailFix) : topicCase.emailFix;
  const close = rng.pick(EMAIL_LINES.agentClose);
  if (input.withAsk && topic.ask) {
    turns.push({ speaker: 'agent', body: paragraphs([ack, topic.ask.email], f), gapMinutes: rng.int(40, 1200) });
    const reply: EmailTurn = { speaker: 'customer', body: f(topic.ask.emailReply), gapMinutes: rng.int(20, 600) };
    turns.push(topic.ask.photos ? { ...reply, attachments: photoNames(rng) } : reply);
    turns.push({ speaker: 'agent', body: paragraphs(['Thank you for that.', resolution, close], f), gapMinutes: rng.int(30, 300) });
  } else {
    turns.push({ speaker: 'agent', body: paragraphs([ack, resolution, close], f), gapMinutes: rng.int(40, 1300) });
  }
  if (input.status === 'snoozed') turns.push({ speaker: 'note', body: f(rng.pick(EMAIL_LINES.snoozeNote)), gapMinutes: rng.int(2, 10) });
  if (ending === 'full') {
    turns.push({ speaker: 'customer', body: f(rng.pick(EMAIL_LINES.closing[arc])), gapMinutes: rng.int(20, 900) });
  }
  return { kind: 'email', subject: f(rng.pick(topic.subjects)), turns };
}

export function composeChat(input: ComposeInput): ChatScript {
  const { topic, topicCase, arc, ending, rng, slots } = input;
  const f = (text: string): string => fillTemplate(text, slots);
  const lines = (items: readonly string[]): string[] => items.map(f);
  const mood = moodOf(arc);
  const opening = [
    ...rng.pick(CHAT_LINES.greetings),
    ...topicCase.chatOpen,
    ...(mood === 'upset' && rng.chance(0.7) ? rng.pick(CHAT_LINES.upset) : []),
    ...(mood === 'happy' && rng.chance(0.6) ? rng.pick(CHAT_LINES.happy) : []),
    ...(input.withAside ? [rng.pick(CHAT_LINES.asides)] : []),
  ];
  const turns: ChatTurn[] = [{ speaker: 'customer', lines: lines(opening) }];
  if (ending === 'awaitingAgent') {
    if (mood === 'upset' && rng.chance(0.5)) turns.push({ speaker: 'customer', lines: ['hello?', 'anyone there?'], gapSeconds: rng.int(90, 300) });
    return { kind: 'chat', topic: topic.label, turns };
  }
  const hello = [rng.pick(CHAT_LINES.agentHello), rng.pick(CHAT_LINES.agentAck[mood])];
  if (input.withAsk && topic.ask) {
    turns.push({ speaker: 'agent', lines: lines([...hello, topic.ask.chat]) });
    turns.push({ speaker: 'customer', lines: lines(topic.ask.chatReply) });
    turns.push({ speaker: 'agent', lines: lines([rng.pick(CHAT_LINES.askThanks)]) });
  } else {
    turns.push({ speaker: 'agent', lines: lines(hello) });
  }
  if (input.withNote) turns.push({ speaker: 'note', lines: [f(rng.pick(EMAIL_LINES.internalNotes))] });
  const resolution = arc === 'unresolved' ? (topicCase.chatDecline ?? topicCase.chatFix) : topicCase.chatFix;
  turns.push({ speaker: 'agent', lines: lines(resolution), gapSeconds: rng.int(40, 200) });
  if (ending === 'agentLast') {
    turns.push({ speaker: 'agent', lines: [rng.pick(CHAT_LINES.holding)] });
    if (input.status === 'snoozed') turns.push({ speaker: 'note', lines: [f(rng.pick(EMAIL_LINES.snoozeNote))] });
    return { kind: 'chat', topic: topic.label, turns };
  }
  turns.push({ speaker: 'customer', lines: lines(rng.pick(CHAT_LINES.closing[arc])) });
  if (arc !== 'unresolved') {
    turns.push({ speaker: 'agent', lines: [rng.pick(CHAT_LINES.anythingElse)] });
    turns.push({ speaker: 'customer', lines: rng.pick(CHAT_LINES.noThanks) });
    turns.push({ speaker: 'agent', lines: [f(rng.pick(CHAT_LINES.goodbye))] });
  } else {
    turns.push({ speaker: 'agent', lines: [f('I’m sorry I couldn’t do more today, {first}.')] });
  }
  return { kind: 'chat', topic: topic.label, turns };
}

export function composeCall(input: ComposeInput): CallScript {
  const { topic, topicCase, arc, rng, slots, status } = input;
  const mood = moodOf(arc);
  const [firstOpen, ...restOpen] = topicCase.callOpen;
  const texts = [
    firstOpen ?? topic.label,
    rng.pick(CALL_LINES.mood[mood]),
    ...restOpen,
    ...(input.withAside ? [rng.pick(CALL_LINES.asides)] : []),
    ...(input.withAsk && topic.ask ? [topic.ask.call] : []),
    ...(arc === 'recovered' ? [rng.pick(CALL_LINES.ownIt)] : []),
    ...(arc === 'unresolved' ? (topicCase.callDecline ?? topicCase.callFix) : topicCase.callFix),
    ...(status === 'open' ? [] : [rng.pick(CALL_LINES.closing[arc])]),
  ].map((text) => fillTemplate(text, slots));
  const count = texts.length;
  const durationSec = Math.min(1200, Math.max(120, 60 + count * 30, count * rng.int(35, 95) + rng.int(30, 120)));
  const slot = (durationSec - 40) / count;
  const notes = texts.map((text, i) => ({ offsetSec: Math.round(15 + i * slot + rng.next() * slot * 0.4), text }));
  const wrapKind = status === 'resolved' ? (arc === 'unresolved' ? 'unresolved' : 'resolved') : status;
  const script: CallScript = { kind: 'voice', topic: topic.label, durationSec, notes };
  if (status !== 'resolved' || rng.chance(0.7)) script.wrapUp = fillTemplate(rng.pick(CALL_LINES.wrapUp[wrapKind]), slots);
  return script;
}

function paragraphs(parts: readonly string[], f: (text: string) => string): string {
  return parts.filter((part) => part.length > 0).map(f).join('\n\n');
}

function photoNames(rng: Random): string[] {
  return [`IMG_${rng.int(1000, 9999)}.jpg`, `IMG_${rng.int(1000, 9999)}.jpg`];
}
