/** The empathy coach's public surface: its service and the context it reads a conversation through. */
export { createCoachService, type CoachService } from './coachService';
export type { CoachContext } from './coachContext';
