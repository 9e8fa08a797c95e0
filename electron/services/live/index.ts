export { createLiveService, PRESENCE_GRACE_MS, TYPING_TTL_MS, type LiveOptions, type LiveService } from './liveService';
export { createInProcessEvents, type LiveEventSource, type LiveListener, type Opening, type RestartListener } from './liveEvents';
export { createEventLog, DEFAULT_LOG_CAPACITY, type Replay, type Sequenced } from './eventLog';
export { createPresence, type PresenceTracker } from './presence';
export { createActivity, type ActivityTracker } from './activity';
