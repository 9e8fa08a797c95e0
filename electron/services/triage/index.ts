/** Triage: tags on conversations, snoozing until a time, and the response-time targets per channel. */
export { createTagActions, type TagActions } from './tagActions';
export { createSnoozeService, type SnoozeService } from './snoozeService';
export { createResponseTargets, type ResponseTargetsService } from './responseTargets';
