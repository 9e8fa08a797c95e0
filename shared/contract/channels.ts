/**
 * Names both hosts and the renderer agree on. Kept free of imports so the sandboxed preload and
 * the renderer can use them without pulling in the validation library.
 */

/** Path of the web host's WebSocket endpoint and the name of its token query parameter. */
export const WS_PATH = '/api';
export const TOKEN_PARAM = 'token';

/** IPC channel names of the Electron host. */
export const IPC_CALL = 'kinship:call';
export const IPC_EVENT = 'kinship:event';
/** Electron only: open one conversation in a window of its own. */
export const IPC_POP_OUT = 'kinship:pop-out';
/** Electron only: where the services process is (ready, reconnecting after a crash, …). */
export const IPC_SERVICES_STATUS = 'kinship:services-status';

/** The address fragment that shows one conversation on its own: #conversation=123. */
export const CONVERSATION_HASH = 'conversation';

/** Electron only, on the first screen: where this copy of Kinship works (this desk, or the team's server). */
export const IPC_CHOOSE_WORKSPACE = 'kinship:choose-workspace';
