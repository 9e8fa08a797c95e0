/** The one path every message enters by. */
export { createIngestionService, type IngestionService } from './ingestionService';
