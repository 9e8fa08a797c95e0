/**
 * Turns one planned conversation into its IngestMessages with the writer for its channel, and
 * makes sure it has finished before `now` (a thread that would run into the future starts days earlier).
 */
import type { IngestMessage } from '../../../shared/contract/ingestion';
import { writeCall } from './callWriter';
import { writeChat } from './chatWriter';
import { DAY, MINUTE } from './clock';
import type { ConversationPlan } from './conversationPlan';
import { ConversationRecorder } from './conversationRecorder';
import { writeEmailThread } from './emailWriter';
import { createRandom } from './seededRandom';

export function renderConversation(plan: ConversationPlan, ref: string, seed: number, now: number): IngestMessage[] {
  const messages = write(plan, ref, seed);
  const latest = Math.max(...messages.map(endOf));
  const overrun = latest - (now - MINUTE);
  if (overrun <= 0) return messages;
  // Written again from the same seed, whole days earlier: opening hours repeat daily, so every
  // message moves by exactly that many days and the conversation keeps its shape.
  return write({ ...plan, start: plan.start - Math.ceil(overrun / DAY) * DAY }, ref, seed);
}

function write(plan: ConversationPlan, ref: string, seed: number): IngestMessage[] {
  const { script } = plan;
  const rng = createRandom(seed);
  const recorder = new ConversationRecorder(ref, plan, script.kind === 'email' ? script.subject : script.topic);
  if (script.kind === 'email') writeEmailThread(recorder, plan, script, rng);
  else if (script.kind === 'chat') writeChat(recorder, plan, script, rng);
  else writeCall(recorder, plan, script, rng);
  return recorder.finish();
}

function endOf(item: IngestMessage): number {
  const ended = item.message.meta?.callEndedAt;
  return typeof ended === 'number' ? Math.max(ended, item.message.sentAt) : item.message.sentAt;
}
