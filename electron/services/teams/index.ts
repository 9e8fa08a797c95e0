export { createTeamActions, type TeamActions } from './teamActions';
