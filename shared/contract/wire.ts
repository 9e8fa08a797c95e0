import { z } from 'zod';
import type { CallResult } from './errors';
import type { KinshipEvent } from './events';

/** Frames on the web host's WebSocket. The Electron host carries the same calls over IPC. */
export const requestFrame = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});
export type RequestFrame = z.infer<typeof requestFrame>;

export type ResponseFrame = { type: 'result'; id: number; result: CallResult<unknown> };
export type EventFrame = { type: 'event'; event: KinshipEvent };
export type ServerFrame = ResponseFrame | EventFrame;

export { IPC_CALL, IPC_EVENT, TOKEN_PARAM, WS_PATH } from './channels';
