/**
 * Turns a chat script into live-chat messages: customers send short bursts a few seconds apart
 * (in their own casual style), agents answer within a minute or two.
 */
import { SECOND } from './clock';
import type { ChatScript, ChatTurn, ConversationPlan } from './conversationPlan';
import type { ConversationRecorder } from './conversationRecorder';
import type { DemoCustomer } from './people';
import type { Random } from './seededRandom';

export function writeChat(recorder: ConversationRecorder, plan: ConversationPlan, script: ChatScript, rng: Random): void {
  const { customer, agent } = plan;
  let at = plan.start;
  let previous: ChatTurn['speaker'] | null = null;
  for (const turn of script.turns) {
    if (previous !== null) at += (turn.gapSeconds ?? naturalPause(previous, turn.speaker, rng)) * SECOND;
    turn.lines.forEach((line, index) => {
      if (index > 0) at += (turn.speaker === 'customer' ? rng.int(3, 16) : rng.int(8, 35)) * SECOND;
      if (turn.speaker === 'customer') {
        const text = turn.verbatim ? line : casualise(line, customer, rng);
        recorder.add('customer', text, at, { meta: { handle: customer.handle } });
      } else {
        recorder.add(turn.speaker, line, at, { agent });
      }
    });
    previous = turn.speaker;
  }
}

function naturalPause(previous: ChatTurn['speaker'], next: ChatTurn['speaker'], rng: Random): number {
  if (next === 'note') return rng.int(10, 40);
  if (next === 'agent') return previous === 'customer' ? rng.int(20, 110) : rng.int(15, 60);
  return rng.int(12, 75);
}

const ORDER_NUMBER = /\blh-(\d{6})\b/g;

/** How this customer types: casual typists write in lower case, drop apostrophes and make the odd typo. */
export function casualise(line: string, customer: DemoCustomer, rng: Random): string {
  if (customer.chatStyle === 'tidy') return (line.charAt(0).toUpperCase() + line.slice(1)).replace(/\bi\b/g, 'I');
  let text = line.toLowerCase().replace(ORDER_NUMBER, 'LH-$1');
  if (rng.chance(0.6)) text = text.replace(/['’]/g, '');
  if (rng.chance(0.12)) text = swapTwoLetters(text, rng);
  return text;
}

function swapTwoLetters(text: string, rng: Random): string {
  const words = text.split(' ');
  const candidates = words.map((word, index) => ({ word, index })).filter(({ word }) => /^[a-z]{5,}$/.test(word));
  if (candidates.length === 0) return text;
  const { word, index } = rng.pick(candidates);
  const at = rng.int(1, word.length - 3);
  words[index] = word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2);
  return words.join(' ');
}
