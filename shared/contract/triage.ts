import { z } from 'zod';
import { CHANNELS, type Channel } from './domain';

/**
 * The help desk's basics, as both sides of the contract see them: tags on conversations, snoozing
 * until a time, and response-time targets per channel.
 */

/** Colours a tag may have (the console's palette); a tag without one is grey. */
export const TAG_COLORS = ['red', 'orange', 'yellow', 'green', 'teal', 'blue', 'indigo', 'violet', 'pink', 'gray'] as const;
export type TagColor = (typeof TAG_COLORS)[number];

/** A tag name is at most this long (after its spaces are tidied). */
export const TAG_NAME_MAX = 40;
/** A conversation carries at most this many tags. */
export const TAGS_PER_CONVERSATION_MAX = 20;
/** The workspace holds at most this many different tags. */
export const TAGS_IN_WORKSPACE_MAX = 1_000;

export interface Tag {
  id: number;
  name: string;
  color: TagColor | null;
}

/** A tag as the workspace's list shows it: with how many conversations carry it. */
export interface TagUse extends Tag {
  conversations: number;
}

/**
 * A tag name as typed, tidied: spaces trimmed and runs of white space made one, a leading '#'
 * dropped. Names are unique whatever their case ("Refund" and "refund" are one tag).
 */
export function normaliseTagName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/^#+\s*/u, '');
}

export const tagNameSchema = z
  .string()
  .transform(normaliseTagName)
  .pipe(
    z
      .string()
      .min(1, 'A tag needs a name')
      .max(TAG_NAME_MAX, `A tag name is at most ${TAG_NAME_MAX} characters`)
      // eslint-disable-next-line no-control-regex
      .refine((name) => !/[\u0000-\u001f\u007f,]/u.test(name), 'A tag name has no commas or control characters'),
  );

/** Response-time targets of one channel, in minutes; null: no target. */
export interface ChannelTargets {
  /** From the customer's first message until the first agent reply. */
  firstMinutes: number | null;
  /** From the customer's oldest unanswered message after a reply until the next reply. */
  nextMinutes: number | null;
}
export type ResponseTargets = Record<Channel, ChannelTargets>;

/** The longest target that can be set: 30 days. */
export const TARGET_MINUTES_MAX = 30 * 24 * 60;

const targetMinutes = z
  .number()
  .int('A target is a whole number of minutes')
  .min(1, 'A target is at least 1 minute')
  .max(TARGET_MINUTES_MAX, 'A target is at most 30 days')
  .nullable();

export const channelTargetsSchema = z.object({ firstMinutes: targetMinutes, nextMinutes: targetMinutes }).strict();

export const responseTargetsSchema = z
  .object(Object.fromEntries(CHANNELS.map((channel) => [channel, channelTargetsSchema])) as Record<Channel, typeof channelTargetsSchema>)
  .strict();

/** What a contact centre promises by default: chat within minutes, e-mail within hours, a call back the same morning. */
export const DEFAULT_RESPONSE_TARGETS: ResponseTargets = {
  chat: { firstMinutes: 2, nextMinutes: 5 },
  email: { firstMinutes: 4 * 60, nextMinutes: 8 * 60 },
  voice: { firstMinutes: 60, nextMinutes: 4 * 60 },
};

/** Where a conversation stands against its response-time target (only while the clock runs). */
export interface ResponseClock {
  /** 'first': nobody has replied yet; 'next': the customer wrote again after a reply. */
  kind: 'first' | 'next';
  /** The customer's oldest unanswered message: when the clock started. */
  since: number;
  /** When the target is breached (time left = dueAt − now; breached once now passes it). */
  dueAt: number;
  targetMinutes: number;
}
