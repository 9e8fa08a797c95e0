/**
 * Turns a call script into what a voice call leaves in Kinship: "Call started", the notes the agent
 * typed during the call ("[02:15] ..."), "Call ended (7m 12s)", and often a wrap-up note.
 */
import { formatCallDuration, formatCallOffset, SECOND } from './clock';
import type { CallScript, ConversationPlan } from './conversationPlan';
import type { ConversationRecorder } from './conversationRecorder';
import type { Random } from './seededRandom';

export function writeCall(recorder: ConversationRecorder, plan: ConversationPlan, script: CallScript, rng: Random): void {
  const { agent } = plan;
  const callStartedAt = plan.start;
  const duration = script.durationSec;
  const callEndedAt = callStartedAt + duration * SECOND;
  recorder.add('system', 'Call started', callStartedAt, { meta: { callStartedAt, phone: plan.customer.phone } });
  let lastOffset = 0;
  for (const note of script.notes) {
    // notes are at least 12 s apart so each is typed before the next one starts
    const offset = Math.max(note.offsetSec, lastOffset + 12);
    if (offset > duration - 10) throw new Error(`Call notes for ${recorder.ref} do not fit in ${duration}s`);
    lastOffset = offset;
    // the agent finishes typing a few seconds after the moment the note is about
    const typedAt = callStartedAt + (offset + Math.min(rng.int(3, 9), duration - offset - 1)) * SECOND;
    recorder.add('note', `[${formatCallOffset(offset)}] ${note.text}`, typedAt, {
      agent,
      meta: { callOffsetSec: offset, callStartedAt },
    });
  }
  recorder.add('system', `Call ended (${formatCallDuration(duration)})`, callEndedAt, { meta: { callStartedAt, callEndedAt } });
  if (script.wrapUp) {
    recorder.add('note', script.wrapUp, callEndedAt + rng.int(40, 180) * SECOND, { agent, meta: { callStartedAt, callEndedAt } });
  }
}
