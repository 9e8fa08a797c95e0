import { z } from 'zod';
import type { Channel, MessageMeta } from './domain';
import { timeSchema } from './time';

/**
 * The channel details a message may carry (e-mail headers, call times, a chat handle), checked
 * field by field. Ingestion keeps every message and drops only a detail that is not what its
 * channel says it is, recording which and why; the console reads stored details through the same
 * check, so a detail stored before it existed cannot break the screen either.
 */

/** RFC 5322 caps a header line at 998 characters. */
const header = z.string().max(998);
/** Any time a channel reports: the contract's one range. */
const time = timeSchema;

/**
 * One attached file, as the console lists it: a name, and a size and type when known. Accepted in
 * the shapes senders hand over — ours, a mail parser's ({ filename, size, contentType, content… }:
 * the content is not kept), or a bare file name — and always read back as ours, so the thread never
 * has to guess ("· NaN MB" with no name was a list of bare names read as objects).
 */
const fileName = z.string().trim().min(1).max(1_000);
const attachmentObject = z
  .object({
    name: fileName.optional(),
    filename: fileName.optional(),
    size: z.number().int().min(0).max(2 ** 40).optional(),
    contentType: z.string().trim().min(1).max(255).optional(),
  })
  .refine((file) => file.name !== undefined || file.filename !== undefined, { message: 'an attachment needs a file name' })
  .transform(({ name, filename, size, contentType }) => ({
    name: (name ?? filename)!,
    ...(size !== undefined ? { size } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
  }));
const attachment = z.union([fileName.transform((name) => ({ name })), attachmentObject]);

export const CHANNEL_META_FIELDS = {
  email: {
    messageId: header,
    inReplyTo: header,
    references: z.array(header).max(1_000),
    from: header,
    to: z.array(header).max(1_000),
    subject: header,
    attachments: z.array(attachment).max(1_000),
  },
  voice: {
    /** Seconds into the call, at most a day. */
    callOffsetSec: z.number().min(0).max(86_400),
    callStartedAt: time,
    callEndedAt: time,
    disposition: z.string().max(100),
    phone: z.string().max(64),
  },
  chat: {
    handle: z.string().max(320),
  },
} satisfies Record<Channel, Record<string, z.ZodType>>;

/** A detail left out of a message's meta at ingestion, and why. */
export interface DroppedMetaField {
  field: string;
  reason: string;
}

/** Where the dropped details are recorded, inside the message's own meta. */
export const DROPPED_META_KEY = 'droppedMeta';

const droppedList = z.array(z.object({ field: z.string().max(200), reason: z.string().max(500) }).strict()).max(100);

/** The strict schema of one channel's meta, for a caller that must refuse rather than drop (an API call). */
export function channelMetaSchema(channel: Channel) {
  return z
    .object({ ...CHANNEL_META_FIELDS[channel], droppedMeta: droppedList })
    .partial()
    .strict();
}

export interface CleanMeta {
  meta: MessageMeta;
  /** What was left out now, and what was recorded as left out before. */
  dropped: DroppedMetaField[];
}

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not valid';
  const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
  return `${issue.message}${where}`.slice(0, 300);
}

/**
 * The meta of a message kept to what its channel allows, each field checked on its own: a field
 * that fails is dropped with its reason (and the reason recorded in the meta), the rest are kept.
 * Accepts anything (stored JSON, a connector's object) and never throws.
 */
export function cleanMessageMeta(channel: Channel, raw: unknown): CleanMeta {
  if (raw === undefined || raw === null) return { meta: {}, dropped: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { meta: { [DROPPED_META_KEY]: [{ field: 'meta', reason: 'not a set of named details' }] }, dropped: [{ field: 'meta', reason: 'not a set of named details' }] };
  }
  const fields: Record<string, z.ZodType> = CHANNEL_META_FIELDS[channel] ?? {};
  const meta: Record<string, unknown> = {};
  const dropped: DroppedMetaField[] = [];
  let earlier: DroppedMetaField[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (key === DROPPED_META_KEY) {
      const parsed = droppedList.safeParse(value);
      if (parsed.success) earlier = parsed.data;
      else dropped.push({ field: key, reason: reasonOf(parsed.error) });
      continue;
    }
    const schema = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!schema) {
      dropped.push({ field: key.slice(0, 200), reason: `not a detail of ${channel} messages` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) meta[key] = parsed.data;
    else dropped.push({ field: key, reason: reasonOf(parsed.error) });
  }
  const all = [...earlier, ...dropped].slice(0, 100);
  if (all.length) meta[DROPPED_META_KEY] = all;
  return { meta: meta as MessageMeta, dropped: all };
}
