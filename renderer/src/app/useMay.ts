import { useQuery } from '@tanstack/react-query';
import type { MethodName } from '../../../shared/contract/methods';
import { roleMayCall } from '../../../shared/contract/permissions';
import { useClient } from '../api/ClientContext';
import { queryKeys } from './queryKeys';

/**
 * Whether the person at this console (as it is viewed) may call the method: the console hides what
 * they may not do. The Node side decides, from the same table; this only spares them a refusal.
 */
export function useMay(method: MethodName): boolean {
  const client = useClient();
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
  if (!status.data?.currentUser) return true;
  return roleMayCall(status.data.currentUser.role, method) && roleMayCall(status.data.role, method);
}
