import { z } from 'zod';
import { EKMAN_EMOTIONS } from './analysis';
import { CHANNELS, PROMPT_OUTCOMES } from './domain';

/**
 * The empathy coach: what it may suggest, the playbook a supervisor edits (triggers, thresholds and
 * wordings as data), and what the console shows of a prompt and of a draft check.
 */

export const COACH_KINDS = [
  'acknowledge',
  'apologise',
  'own-and-fix',
  'reassure',
  'personalise',
  'follow-up',
  'thank',
  'invite-community',
] as const;
export type CoachKind = (typeof COACH_KINDS)[number];

/**
 * Placeholders a wording may use. A wording whose placeholder cannot be filled from the
 * conversation is not offered (so no "Hi ," and no "{order}" ever reaches a customer).
 */
export const COACH_PLACEHOLDERS = {
  firstName: 'the customer’s first name',
  agentFirstName: 'your first name',
  order: 'the last order number mentioned (LH-…)',
  topic: 'what this conversation is about (its subject or the customer’s own words)',
  lastTopic: 'what the customer contacted us about last time',
  lastContact: 'when they last contacted us (“on Tuesday”, “on 3 March”)',
  waited: 'how long they have waited (“two hours”)',
  followUp: 'the open follow-up promised to them',
  when: 'a concrete time for the next step (“by 5 pm today”, “by Friday”)',
} as const;
export type CoachPlaceholder = keyof typeof COACH_PLACEHOLDERS;

/**
 * How big a playbook may be. The coach evaluates every rule on every customer message, so the Node
 * side refuses a playbook beyond these (and the editor shows them) rather than let one slow it down.
 */
export const PLAYBOOK_LIMITS = {
  rules: 100,
  wordingsPerRule: 30,
  wordingLength: 500,
  placeholdersPerWording: 10,
  mentionsPerRule: 50,
  mentionLength: 40,
} as const;

/** How a placeholder is written in a wording: {firstName}. */
export const PLACEHOLDER_PATTERN = /\{([^{}\n]{0,40})\}/g;

/** The placeholders a wording uses, in order of first use, without repeats ("{firstName}" → "firstName"). */
export function listPlaceholders(wording: string): string[] {
  const names: string[] = [];
  for (const match of wording.matchAll(PLACEHOLDER_PATTERN)) {
    const name = (match[1] ?? '').trim();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function isCoachPlaceholder(name: string): name is CoachPlaceholder {
  return Object.hasOwn(COACH_PLACEHOLDERS, name);
}

/** How many placeholders a wording holds, repeats included ("{when} or {when}" holds two). */
export function countPlaceholders(wording: string): number {
  return wording.match(PLACEHOLDER_PATTERN)?.length ?? 0;
}

/** What is wrong with one wording's placeholders, in words, or null: checked by the editor and by the schema. */
export function wordingProblem(wording: string): string | null {
  if (countPlaceholders(wording) > PLAYBOOK_LIMITS.placeholdersPerWording) {
    return `A wording holds at most ${PLAYBOOK_LIMITS.placeholdersPerWording} placeholders`;
  }
  const unknown = listPlaceholders(wording).filter((name) => !isCoachPlaceholder(name));
  if (unknown.length > 0) {
    const names = unknown.map((name) => `{${name}}`).join(', ');
    return `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${names}: use one of ${Object.keys(COACH_PLACEHOLDERS).map((name) => `{${name}}`).join(', ')}`;
  }
  if (/[{}]/.test(wording.replace(PLACEHOLDER_PATTERN, ''))) return 'A { or } without its pair: write placeholders as {firstName}';
  return null;
}

/** Everything a rule's trigger can test; every condition given must hold (they are ANDed). */
export const triggerSchema = z
  .object({
    /** The customer's last message reads one of these as its dominant emotion… */
    emotions: z.array(z.enum(EKMAN_EMOTIONS)).min(1).optional(),
    /** …with at least this score (0–1). */
    minEmotionScore: z.number().min(0).max(1).optional(),
    /** How many of the customer's last messages must meet the emotion condition (default 1). */
    inLastMessages: z.number().int().min(1).max(10).optional(),
    /** The customer's last message reads at or below this sentiment (−1…+1). */
    maxSentiment: z.number().min(-1).max(1).optional(),
    /** …or at or above this one. */
    minSentiment: z.number().min(-1).max(1).optional(),
    /** Sentiment fell by at least this much from the customer's earlier messages in this conversation. */
    minSentimentDrop: z.number().min(0).max(2).optional(),
    /** This customer contacted us at least `count` times (this conversation included) in `days` days. */
    repeatContact: z.object({ count: z.number().int().min(2).max(50), days: z.number().int().min(1).max(365) }).strict().optional(),
    /** The customer has waited at least this many minutes for an answer. */
    minWaitMinutes: z.number().int().min(0).max(60 * 24 * 30).optional(),
    /** …or at most this many (a customer not waiting for an answer meets it): keeps a cheery line from someone owed an apology. */
    maxWaitMinutes: z.number().int().min(0).max(60 * 24 * 30).optional(),
    channels: z.array(z.enum(CHANNELS)).min(1).optional(),
    /** The customer has been in touch before (another conversation exists). */
    returningCustomer: z.boolean().optional(),
    /** The customer has an open follow-up (true) / an overdue one ('overdue'). */
    openFollowUp: z.union([z.literal(true), z.literal('overdue')]).optional(),
    /** The customer's message mentions one of these words (case-insensitive, whole words). */
    mentions: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'A mention cannot be empty')
          .max(PLAYBOOK_LIMITS.mentionLength, `A mention is at most ${PLAYBOOK_LIMITS.mentionLength} characters`),
      )
      .min(1)
      .max(PLAYBOOK_LIMITS.mentionsPerRule, `A rule lists at most ${PLAYBOOK_LIMITS.mentionsPerRule} mentions`)
      .optional(),
  })
  .strict();
export type CoachTrigger = z.infer<typeof triggerSchema>;

export const playbookRuleSchema = z
  .object({
    id: z.string().regex(/^[\w-]{1,40}$/, 'A rule id is letters, digits, - and _'),
    kind: z.enum(COACH_KINDS),
    /** What the agent sees as the prompt's title, e.g. "Acknowledge the feeling". */
    title: z.string().trim().min(1, 'A rule needs a title').max(80),
    enabled: z.boolean(),
    /** Higher first when more rules fire than the coach shows. */
    priority: z.number().int().min(0).max(100),
    when: triggerSchema,
    /** Phrasings with {placeholders}; the coach never offers the same one twice in a row. */
    wordings: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'A wording cannot be empty')
          .max(PLAYBOOK_LIMITS.wordingLength, `A wording is at most ${PLAYBOOK_LIMITS.wordingLength} characters`)
          .superRefine((wording, check) => {
            const problem = wordingProblem(wording);
            if (problem) check.addIssue({ code: 'custom', message: problem });
          }),
      )
      .min(1, 'A rule needs at least one wording')
      .max(PLAYBOOK_LIMITS.wordingsPerRule, `A rule has at most ${PLAYBOOK_LIMITS.wordingsPerRule} wordings`),
  })
  .strict();
export type PlaybookRule = z.infer<typeof playbookRuleSchema>;

export const DRAFT_CHECKS = ['ignores-feeling', 'blames-customer', 'curt', 'defensive', 'no-concrete-promise', 'verbatim-template'] as const;
export type DraftCheckKind = (typeof DRAFT_CHECKS)[number];

export const draftCheckSettingsSchema = z
  .object({
    /** A reply to a customer whose last message reads at or below this is checked for acknowledging feeling. */
    upsetBelow: z.number().min(-1).max(1),
    /** A reply shorter than this (in words) to an upset customer is curt. */
    curtUnderWords: z.number().int().min(1).max(200),
    /** Which checks run. */
    enabled: z.array(z.enum(DRAFT_CHECKS)),
  })
  .strict();
export type DraftCheckSettings = z.infer<typeof draftCheckSettingsSchema>;

export const playbookSchema = z
  .object({
    version: z.literal(1),
    /** At most this many prompts are shown at once. */
    maxPrompts: z.number().int().min(1).max(6),
    rules: z
      .array(playbookRuleSchema)
      .max(PLAYBOOK_LIMITS.rules, `A playbook has at most ${PLAYBOOK_LIMITS.rules} rules`)
      .refine((rules) => new Set(rules.map((rule) => rule.id)).size === rules.length, 'Two rules share an id'),
    draftCheck: draftCheckSettingsSchema,
  })
  .strict();
export type Playbook = z.infer<typeof playbookSchema>;

/** A prompt as the agent sees it: what to do, why, and a phrasing to insert. */
export const coachPromptViewSchema = z.object({
  id: z.number().int().positive(),
  conversationId: z.number().int().positive(),
  /** The customer message it answers. */
  messageId: z.number().int().positive().nullable(),
  kind: z.enum(COACH_KINDS),
  ruleId: z.string(),
  title: z.string(),
  /** One line: the evidence, e.g. "anger 0.82 in the last two messages; third contact this week". */
  reason: z.string(),
  /** A personalised phrasing, ready to insert and edit. */
  text: z.string(),
  shownAt: z.number(),
  outcome: z.enum(PROMPT_OUTCOMES).nullable(),
  outcomeAt: z.number().nullable(),
});
export type CoachPromptView = z.infer<typeof coachPromptViewSchema>;

/** A prompt the coach would show, before it is recorded (also what the playbook preview returns). */
export interface CoachSuggestion {
  kind: CoachKind;
  ruleId: string;
  title: string;
  reason: string;
  text: string;
}

export interface DraftFinding {
  check: DraftCheckKind;
  /** What is wrong, in one line the agent understands. */
  message: string;
  /** The words in the draft it is about, if any. */
  excerpt: string | null;
  /** A better sentence to use instead (or add), personalised; null when there is none to offer. */
  better: string | null;
  /** True when `better` replaces `excerpt`; false when it is added at the start. */
  replaces: boolean;
}

export const promptOutcomeSchema = z.enum(PROMPT_OUTCOMES);

/** For the playbook preview: how one rule fared against a conversation. */
export interface RuleCheck {
  ruleId: string;
  kind: CoachKind;
  title: string;
  enabled: boolean;
  fired: boolean;
  /** Each condition of the trigger: held or not, and what was found. */
  conditions: { condition: string; met: boolean; detail: string }[];
  reason: string | null;
  text: string | null;
  shown: boolean;
  whyNot: string | null;
}

/** How a draft reads to the customer, in the agent's terms (an apology is never marked down). */
export const DRAFT_TONES = ['warm', 'neutral', 'curt', 'blaming'] as const;
export type DraftToneKind = (typeof DRAFT_TONES)[number];

export interface DraftToneView {
  tone: DraftToneKind;
  /** Why, in a few words each ("says sorry", "blames the customer: “That is your problem.”"). */
  because: string[];
}
