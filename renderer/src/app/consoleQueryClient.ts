import { QueryClient } from '@tanstack/react-query';

/** The cache of what one console reads over one connection: made as that console opens, never before. */
export function createConsoleQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } } });
}
