/** What agents do in a conversation (replies, notes, status, calls) and its emotion track. */
export { activeCallStartIn, createCallActions } from './callActions';
export { createConversationActions } from './conversationActions';
export { sampleTrack } from './conversationTrack';
