import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useKinshipEvent } from '../../api/ClientContext';
import { connectionKeys } from '../customer/connectionLook';

/** While indexes are worked out in the background the host reports every few dozen customers; the lists refetch at most this often. */
const REFRESH_EVERY_MS = 1_500;

/** Refetches the Customers page's lists when indexes were recomputed, at most once every REFRESH_EVERY_MS. */
export function useCustomersRefresh(): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const onChanged = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: connectionKeys.allLists });
    }, REFRESH_EVERY_MS);
  }, [queryClient]);
  useKinshipEvent('connection.changed', onChanged);
  useKinshipEvent('followUps.changed', onChanged);
}
