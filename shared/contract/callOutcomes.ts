import type { CallDisposition, ConversationStatus, Message, PromiseFound } from './domain';

/**
 * What each way a call can end means for the conversation: the status it implies and the follow-up
 * it promises. One table, read by the services (calls.end sets the status and makes the offer) and
 * by the screen (the call panel says what will happen before the agent ends the call).
 */

/** When an offered follow-up is due when the wrap-up names no time (the agent can change it). */
export type DefaultFollowUpTime =
  /** Two hours after the call ended (a call that was not answered is tried again the same day). */
  | 'in-two-hours'
  /** 10:00 on the next working day. */
  | 'next-working-morning'
  /** 17:00 on the next working day. */
  | 'next-working-day-end';

export interface CallOutcome {
  /** What the agent chooses from. */
  label: string;
  /** How the call's end reads in the thread ("Call ended (3m 2s) · customer to be called back"). */
  logged: string;
  /** The status the conversation takes when the call ends so. */
  status: ConversationStatus;
  /** The follow-up this ending promises, offered to the agent; null when it promises none. */
  followUp: { description: string; defaultDue: DefaultFollowUpTime } | null;
  /** What happens, said to the agent before they end the call. */
  consequence: string;
}

export const CALL_OUTCOMES: Record<CallDisposition, CallOutcome> = {
  resolved: {
    label: 'Resolved on the call',
    logged: 'resolved on the call',
    status: 'resolved',
    followUp: null,
    consequence: 'The conversation is marked resolved.',
  },
  'follow-up': {
    label: 'Follow-up needed',
    logged: 'follow-up needed',
    status: 'open',
    followUp: { description: 'Follow up with the customer', defaultDue: 'next-working-day-end' },
    consequence: 'The conversation stays open and you are offered a follow-up.',
  },
  'call-back': {
    label: 'Customer to be called back',
    logged: 'customer to be called back',
    status: 'open',
    followUp: { description: 'Call the customer back', defaultDue: 'next-working-morning' },
    consequence: 'The conversation stays open and you are offered a follow-up to call back (a time in the wrap-up, like “Tuesday at 2pm”, sets it).',
  },
  escalated: {
    label: 'Escalated',
    logged: 'escalated',
    status: 'open',
    followUp: null,
    consequence: 'The conversation stays open for whoever takes it on.',
  },
  'no-answer': {
    label: 'No answer',
    logged: 'no answer',
    status: 'open',
    followUp: { description: 'Call the customer again', defaultDue: 'in-two-hours' },
    consequence: 'The conversation stays open and you are offered a follow-up to try again.',
  },
};

/** A follow-up offered to the agent after something they did (a call ended so), for them to confirm or change. */
export interface FollowUpOffer extends PromiseFound {
  customerId: number;
  conversationId: number;
  /** The message it was made from (the wrap-up note, or the call's end when there was none). */
  messageId: number;
  /** Whether the due time was read from what the agent wrote; false when it is the disposition's default. */
  timeSaid: boolean;
}

/** What ending a call did. */
export interface CallEnded {
  /** The call's end in the thread. */
  message: Message;
  /** The status the conversation has now. */
  status: ConversationStatus;
  /** The follow-up the ending promises, for the agent to confirm; null when it promises none. */
  followUp: FollowUpOffer | null;
}
