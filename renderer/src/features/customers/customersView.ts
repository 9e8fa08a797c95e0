import type { ConnectionStage } from '../../../../shared/contract/connection';

export type StageFilter = ConnectionStage | 'all';
export type CustomerSort = 'score' | 'movement' | 'recent';

/** What the Customers page lists, and in which order. */
export interface CustomersView {
  stage: StageFilter;
  name: string;
  sort: CustomerSort;
}

export const DEFAULT_CUSTOMERS_VIEW: CustomersView = { stage: 'all', name: '', sort: 'score' };

export const SORT_LABELS: Record<CustomerSort, string> = {
  score: 'Highest index',
  movement: 'Falling fastest',
  recent: 'Most recent contact',
};

/** Customers fetched per page as the list scrolls. */
export const CUSTOMERS_PAGE = 100;
