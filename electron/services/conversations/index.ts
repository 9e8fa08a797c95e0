/** What agents do in a conversation (sending replies and notes, status, drafts, calls) and its emotion track. */
export { activeCallStartIn, createCallActions } from './callActions';
export { createConversationActions } from './conversationActions';
export { createSendWorkflow, type SendCoach, type SendWorkflow } from './sendWorkflow';
export { sampleTrack } from './conversationTrack';
