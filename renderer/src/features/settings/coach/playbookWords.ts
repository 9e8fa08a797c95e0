import type { EkmanEmotion } from '../../../../../shared/contract/analysis';
import type { CoachKind, CoachTrigger, DraftCheckKind } from '../../../../../shared/contract/coach';
import type { Channel } from '../../../../../shared/contract/domain';

/** The words Settings → Coach playbook uses for kinds, conditions and checks, and a trigger in one line. */

export const KIND_LABEL: Record<CoachKind, string> = {
  acknowledge: 'Acknowledge the feeling',
  apologise: 'Apologise',
  'own-and-fix': 'Own it and fix it',
  reassure: 'Reassure',
  personalise: 'Personalise',
  'follow-up': 'Follow up',
  thank: 'Thank them',
  'invite-community': 'Invite into the community',
};

export const EMOTION_LABEL: Record<EkmanEmotion, string> = {
  anger: 'anger',
  disgust: 'disgust',
  fear: 'fear',
  joy: 'joy',
  sadness: 'sadness',
  surprise: 'surprise',
  neutral: 'neutral',
};

export const CHANNEL_LABEL: Record<Channel, string> = { chat: 'chat', email: 'e-mail', voice: 'call' };

export const DRAFT_CHECK_LOOK: Record<DraftCheckKind, { label: string; description: string }> = {
  'ignores-feeling': { label: 'Ignores the feeling', description: 'The customer is upset and the reply does not acknowledge how they feel.' },
  'blames-customer': { label: 'Blames the customer', description: 'The reply puts the problem on the customer (“as I already said”, “you should have…”).' },
  curt: { label: 'Curt', description: 'Cold phrases (“Noted.”, “as per policy”) and replies too short for an upset customer.' },
  defensive: { label: 'Defensive', description: 'The reply protects us instead of helping (“not our fault”, “our policy states”).' },
  'no-concrete-promise': { label: 'No concrete promise', description: 'An upset or asking customer is given no next step with a time.' },
  'verbatim-template': { label: 'Stock reply', description: 'The reply is a stock line (a playbook wording, a macro or a line already sent) and little else.' },
};

/** The conditions a supervisor adds and removes; "emotion" covers emotions, minEmotionScore and inLastMessages. */
export const CONDITIONS = [
  'emotion',
  'maxSentiment',
  'minSentiment',
  'minSentimentDrop',
  'repeatContact',
  'minWaitMinutes',
  'maxWaitMinutes',
  'channels',
  'returningCustomer',
  'openFollowUp',
  'mentions',
] as const;
export type ConditionKey = (typeof CONDITIONS)[number];

export const CONDITION_LABEL: Record<ConditionKey, string> = {
  emotion: 'Feeling in their last messages',
  maxSentiment: 'Sentiment at or below',
  minSentiment: 'Sentiment at or above',
  minSentimentDrop: 'Sentiment fell by',
  repeatContact: 'Contacted us repeatedly',
  minWaitMinutes: 'Waited for an answer',
  maxWaitMinutes: 'Not kept waiting',
  channels: 'Channel',
  returningCustomer: 'Been in touch before',
  openFollowUp: 'Follow-up we owe them',
  mentions: 'Mentions words',
};

/** Which conditions a trigger uses. */
export function conditionsOf(trigger: CoachTrigger): ConditionKey[] {
  return CONDITIONS.filter((key) =>
    key === 'emotion' ? trigger.emotions !== undefined || trigger.minEmotionScore !== undefined || trigger.inLastMessages !== undefined : trigger[key] !== undefined,
  );
}

/** A new condition with a sensible starting value. */
export function withCondition(trigger: CoachTrigger, key: ConditionKey): CoachTrigger {
  switch (key) {
    case 'emotion':
      return { ...trigger, emotions: ['anger', 'disgust'], minEmotionScore: 0.5 };
    case 'maxSentiment':
      return { ...trigger, maxSentiment: -0.3 };
    case 'minSentiment':
      return { ...trigger, minSentiment: 0.5 };
    case 'minSentimentDrop':
      return { ...trigger, minSentimentDrop: 0.5 };
    case 'repeatContact':
      return { ...trigger, repeatContact: { count: 2, days: 7 } };
    case 'minWaitMinutes':
      return { ...trigger, minWaitMinutes: 60 };
    case 'maxWaitMinutes':
      return { ...trigger, maxWaitMinutes: 15 };
    case 'channels':
      return { ...trigger, channels: ['chat'] };
    case 'returningCustomer':
      return { ...trigger, returningCustomer: true };
    case 'openFollowUp':
      return { ...trigger, openFollowUp: true };
    case 'mentions':
      return { ...trigger, mentions: ['again'] };
  }
}

export function withoutCondition(trigger: CoachTrigger, key: ConditionKey): CoachTrigger {
  const next = { ...trigger };
  if (key === 'emotion') {
    delete next.emotions;
    delete next.minEmotionScore;
    delete next.inLastMessages;
  } else delete next[key];
  return next;
}

/** 0.6 → "0.60", −0.35 → "−0.35" (a real minus sign). */
export function score(value: number): string {
  if (!Number.isFinite(value)) return '?';
  return value.toFixed(2).replace('-', '−');
}

function orList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** 90 → "1 h 30 min", 1440 → "1 day". */
export function minutesWords(minutes: number): string {
  if (!Number.isFinite(minutes)) return '?';
  if (minutes >= 1440 && minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`;
  if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  return `${minutes} min`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One condition in words, or null when the trigger does not use it. */
export function conditionWords(trigger: CoachTrigger, key: ConditionKey): string | null {
  switch (key) {
    case 'emotion': {
      if (trigger.emotions === undefined && trigger.minEmotionScore === undefined && trigger.inLastMessages === undefined) return null;
      const feelings = trigger.emotions?.length ? orList(trigger.emotions.map((emotion) => EMOTION_LABEL[emotion])) : 'any feeling but neutral';
      const strength = trigger.minEmotionScore !== undefined && trigger.minEmotionScore > 0 ? ` ≥ ${score(trigger.minEmotionScore)}` : ' as the main feeling';
      const count = trigger.inLastMessages ?? 1;
      return `${feelings}${strength}${count > 1 ? ` in the last ${count} messages` : ''}`;
    }
    case 'maxSentiment':
      return trigger.maxSentiment === undefined ? null : `sentiment ≤ ${score(trigger.maxSentiment)}`;
    case 'minSentiment':
      return trigger.minSentiment === undefined ? null : `sentiment ≥ ${score(trigger.minSentiment)}`;
    case 'minSentimentDrop':
      return trigger.minSentimentDrop === undefined ? null : `sentiment fell by ≥ ${score(trigger.minSentimentDrop)}`;
    case 'repeatContact':
      return trigger.repeatContact ? `${plural(trigger.repeatContact.count, 'contact', 'contacts')} in ${plural(trigger.repeatContact.days, 'day', 'days')}` : null;
    case 'minWaitMinutes':
      return trigger.minWaitMinutes === undefined ? null : `waited ≥ ${minutesWords(trigger.minWaitMinutes)}`;
    case 'maxWaitMinutes':
      return trigger.maxWaitMinutes === undefined ? null : `waited ≤ ${minutesWords(trigger.maxWaitMinutes)}`;
    case 'channels':
      return trigger.channels ? `${orList(trigger.channels.map((channel) => CHANNEL_LABEL[channel]))} only` : null;
    case 'returningCustomer':
      return trigger.returningCustomer === undefined ? null : trigger.returningCustomer ? 'returning customer' : 'first contact';
    case 'openFollowUp':
      return trigger.openFollowUp === undefined ? null : trigger.openFollowUp === 'overdue' ? 'overdue follow-up' : 'open follow-up';
    case 'mentions': {
      if (!trigger.mentions) return null;
      const shown = trigger.mentions.slice(0, 3).map((word) => `“${word}”`);
      const more = trigger.mentions.length - shown.length;
      return `mentions ${orList(shown)}${more > 0 ? ` +${more} more` : ''}`;
    }
  }
}

/** The whole trigger in one line: "anger or disgust ≥ 0.60 in the last 2 messages · 3 contacts in 7 days". */
export function triggerSummary(trigger: CoachTrigger): string {
  const parts = CONDITIONS.map((key) => conditionWords(trigger, key)).filter((part): part is string => part !== null);
  return parts.length ? parts.join(' · ') : 'every conversation (no conditions)';
}

/** How the preview names a condition the Node side checked (its ConditionName). */
export const CHECKED_CONDITION_LABEL: Record<string, string> = {
  emotion: 'Feeling',
  maxSentiment: 'Sentiment at most',
  minSentiment: 'Sentiment at least',
  minSentimentDrop: 'Sentiment fell',
  repeatContact: 'Repeat contact',
  minWaitMinutes: 'Waited',
  maxWaitMinutes: 'Not kept waiting',
  mentions: 'Mentions',
  returningCustomer: 'Returning customer',
  openFollowUp: 'Follow-up',
  channels: 'Channel',
};
