import { z } from 'zod';
import type { CallResult } from './errors';
import type { KinshipEvent } from './events';
import type { ResumeOutcome } from './live';

/** Frames on the web host's WebSocket. The Electron host carries the same calls over IPC. */
export const requestFrame = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});
export type RequestFrame = z.infer<typeof requestFrame>;

export type ResponseFrame = { type: 'result'; id: number; result: CallResult<unknown> };
/** An event; `seq` is its place in this host run's stream (none for ephemeral ones, which are never replayed). */
export type EventFrame = { type: 'event'; event: KinshipEvent; seq?: number };
/**
 * The first frame of every connection: this host run's epoch, the sequence number the stream has
 * reached, and what became of the cursor the console resumed from (the missed events follow it).
 * Sent again on an open connection when the host's stream begins again under it (a gap, 'missed'):
 * the console then reads everything again and follows on from there.
 */
export type HelloFrame = { type: 'hello'; epoch: string; seq: number; resume: ResumeOutcome };
export type ServerFrame = ResponseFrame | EventFrame | HelloFrame;

export { IPC_CALL, IPC_EVENT, TOKEN_PARAM, WS_PATH } from './channels';
