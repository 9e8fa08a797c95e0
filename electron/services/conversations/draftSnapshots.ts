/**
 * Draft snapshots in the session log, stored as what changed rather than the whole draft again: a
 * snapshot is either the full text, or an edit of the snapshot before it — how much of the start
 * and of the end stayed, and what is between them now. Both the edit and its replay are linear in
 * the text's length. A full snapshot is written again when the edits since the last one add up to
 * more than the text itself (or there are very many), so rebuilding any snapshot reads at most
 * about twice the text.
 */

export interface FullSnapshot {
  kind: string;
  body: string;
}

export interface EditSnapshot {
  kind: string;
  /** The session event id of the snapshot this one edits. */
  of: number;
  /** Characters (UTF-16 units) kept from the start and from the end of that snapshot's text. */
  keepStart: number;
  keepEnd: number;
  /** What is between them now. */
  insert: string;
}

export type SnapshotPayload = FullSnapshot | EditSnapshot;

/** At most this many edits in a row before a full snapshot, whatever their size. */
export const MAX_EDITS_IN_A_ROW = 500;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** How `next` differs from `previous`: the common start and end (never splitting a character) and the middle. */
export function editBetween(previous: string, next: string): { keepStart: number; keepEnd: number; insert: string } {
  const limit = Math.min(previous.length, next.length);
  let keepStart = 0;
  while (keepStart < limit && previous.charCodeAt(keepStart) === next.charCodeAt(keepStart)) keepStart++;
  if (keepStart > 0 && isHighSurrogate(next.charCodeAt(keepStart - 1))) keepStart--;
  let keepEnd = 0;
  while (keepEnd < limit - keepStart && previous.charCodeAt(previous.length - 1 - keepEnd) === next.charCodeAt(next.length - 1 - keepEnd)) keepEnd++;
  if (keepEnd > 0 && isLowSurrogate(next.charCodeAt(next.length - keepEnd))) keepEnd--;
  return { keepStart, keepEnd, insert: next.slice(keepStart, next.length - keepEnd) };
}

/** The text an edit makes of the text before it. */
export function applyEdit(previous: string, edit: Pick<EditSnapshot, 'keepStart' | 'keepEnd' | 'insert'>): string {
  return previous.slice(0, edit.keepStart) + edit.insert + previous.slice(previous.length - edit.keepEnd);
}

/** Where the chain of edits stands after the last snapshot logged for a draft. */
export interface SnapshotChain {
  /** The session event id of the last snapshot, and the text it holds. */
  eventId: number;
  text: string;
  /** Edits since the last full snapshot: how many, and how many characters they inserted. */
  edits: number;
  editChars: number;
}

/** What to log for a draft saved as `body`, given the chain so far (null: start with a full snapshot). */
export function nextSnapshot(kind: string, body: string, chain: SnapshotChain | null): { payload: SnapshotPayload; edits: number; editChars: number } {
  if (chain) {
    const edit = editBetween(chain.text, body);
    const editChars = chain.editChars + edit.insert.length + 32;
    if (chain.edits + 1 <= MAX_EDITS_IN_A_ROW && editChars <= Math.max(body.length, 256)) {
      return { payload: { kind, of: chain.eventId, ...edit }, edits: chain.edits + 1, editChars };
    }
  }
  return { payload: { kind, body }, edits: 0, editChars: 0 };
}

export interface LoggedSnapshot {
  id: number;
  payload: Record<string, unknown>;
}

/**
 * The draft's text at every snapshot in `events` (session events of kind 'draft.snapshot', any
 * order), by event id. An edit whose base is missing from `events` is left out.
 */
export function rebuildDraftTexts(events: readonly LoggedSnapshot[]): Map<number, string> {
  const byId = new Map(events.map((event) => [event.id, event.payload]));
  const texts = new Map<number, string>();
  const resolve = (id: number): string | undefined => {
    // walk back to a full snapshot (or a text already known), then forward again
    const path: number[] = [];
    let current: number | undefined = id;
    let base: string | undefined;
    while (current !== undefined) {
      const known = texts.get(current);
      if (known !== undefined) {
        base = known;
        break;
      }
      const payload = byId.get(current);
      if (!payload) return undefined;
      if (typeof payload.body === 'string') {
        base = payload.body;
        texts.set(current, base);
        break;
      }
      path.push(current);
      current = typeof payload.of === 'number' ? payload.of : undefined;
    }
    if (base === undefined) return undefined;
    for (const step of path.reverse()) {
      base = applyEdit(base, byId.get(step) as unknown as EditSnapshot);
      texts.set(step, base);
    }
    return base;
  };
  for (const event of events) resolve(event.id);
  return texts;
}

/** A draft as it stood at one snapshot, rebuilt from the log. */
export interface DraftAtSnapshot {
  eventId: number;
  at: number;
  userId: number | null;
  kind: string;
  body: string;
}

/** Every draft snapshot of a conversation, oldest first, with the text the draft held at each (for replays). */
export function draftSnapshotsOf(events: readonly { id: number; at: number; kind: string; userId: number | null; payload: Record<string, unknown> }[]): DraftAtSnapshot[] {
  const snapshots = events.filter((event) => event.kind === 'draft.snapshot');
  const texts = rebuildDraftTexts(snapshots);
  return snapshots.flatMap((event) => {
    const body = texts.get(event.id);
    return body === undefined ? [] : [{ eventId: event.id, at: event.at, userId: event.userId, kind: String(event.payload.kind), body }];
  });
}
