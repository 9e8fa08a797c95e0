/** The emotional-connection index's public surface: the service that keeps every customer's index. */
export { createConnectionService, type ConnectionService } from './connectionService';
