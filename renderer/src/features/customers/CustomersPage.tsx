import { Center, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconUsers } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { CONNECTION_STAGES } from '../../../../shared/contract/connection';
import { useClient } from '../../api/ClientContext';
import { queryKeys } from '../../app/queryKeys';
import { connectionKeys, STAGE_LOOK } from '../customer/connectionLook';
import { ProvisionalNote } from '../customer/ProvisionalNote';
import { useBackgroundWork } from '../workspace/useBackgroundWork';
import { AtRiskSection } from './AtRiskSection';
import { CustomerDetail } from './CustomerDetail';
import { CustomerList } from './CustomerList';
import { CustomersToolbar } from './CustomersToolbar';
import { CUSTOMERS_PAGE, DEFAULT_CUSTOMERS_VIEW, type CustomersView } from './customersView';
import { PaneBoundary } from '../../lib/PaneBoundary';

/** How many at-risk customers the section at the top shows before "Show all". */
const AT_RISK_SHOWN = 5;

/** Every customer by stage, from stranger to kin, with those at risk first, and the index of the one chosen beside. */
export function CustomersPage() {
  const client = useClient();
  const [view, setView] = useState<CustomersView>(DEFAULT_CUSTOMERS_VIEW);
  const [debouncedName] = useDebouncedValue(view.name.trim(), 200);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const queryClient = useQueryClient();
  // once background work settles, the lists are read again before the page stops calling them provisional
  const background = useBackgroundWork(useCallback(() => queryClient.invalidateQueries({ queryKey: connectionKeys.allLists }), [queryClient]));
  const settled = background.data?.settled ?? false;

  const filter = { ...(view.stage !== 'all' ? { stage: view.stage } : {}), ...(debouncedName ? { name: debouncedName } : {}), sort: view.sort };
  const list = useInfiniteQuery({
    queryKey: connectionKeys.list({ pages: true, ...filter }),
    queryFn: ({ pageParam }) => client.call('customers.list', { ...filter, limit: CUSTOMERS_PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    placeholderData: (previous) => previous,
  });
  const showAtRisk = view.stage === 'all' && !debouncedName;
  const atRisk = useQuery({
    queryKey: connectionKeys.list({ top: AT_RISK_SHOWN, stage: 'at-risk', sort: 'movement' }),
    queryFn: () => client.call('customers.list', { stage: 'at-risk', sort: 'movement', limit: AT_RISK_SHOWN, offset: 0 }),
    enabled: showAtRisk,
  });
  const status = useQuery({ queryKey: queryKeys.status, queryFn: () => client.call('workspace.status', {}) });
  const onSelect = useCallback((customerId: number) => setSelectedId(customerId), []);

  const byStage = list.data?.pages[0]?.byStage ?? atRisk.data?.byStage ?? null;
  const computed = byStage ? CONNECTION_STAGES.reduce((sum, stage) => sum + byStage[stage], 0) : null;
  const customers = status.data?.counts.customers ?? null;

  let body;
  if (customers === 0) {
    body = (
      <Center h="100%" p="xl">
        <Stack align="center" gap={4} maw={420} ta="center">
          <IconUsers size={40} color="var(--mantine-color-gray-5)" aria-hidden />
          <Text fw={600}>No customers yet</Text>
          <Text c="dimmed" size="sm">
            Customers appear here once conversations come in. To see how it works, load the demo workspace from the inbox.
          </Text>
        </Stack>
      </Center>
    );
  } else if (computed === 0) {
    body = (
      <Center h="100%" p="xl">
        <Stack align="center" gap={6} maw={420} ta="center">
          <Loader size="sm" aria-label="Working out connection indexes" />
          <Text fw={600}>The connection index is still being worked out</Text>
          <Text c="dimmed" size="sm">
            Kinship is reading the history of {customers ? `your ${customers.toLocaleString()} customers` : 'your customers'}; they appear here as their index is ready.
          </Text>
        </Stack>
      </Center>
    );
  } else {
    const emptyText = debouncedName
      ? `No customer${view.stage === 'all' ? '' : ` (${STAGE_LOOK[view.stage].label.toLowerCase()})`} matches “${debouncedName}”.`
      : view.stage === 'all'
        ? 'No customers.'
        : `No customers are ${view.stage === 'at-risk' ? 'at risk' : `at the ${STAGE_LOOK[view.stage].label.toLowerCase()} stage`} right now.`;
    body = (
      <>
        {!settled && background.data && (
          <ProvisionalNote testId="customers-provisional" padded>
            {background.data.analysis.settled
              ? 'provisional — the index is still being worked out'
              : `provisional — readings still coming in (${background.data.analysis.done.toLocaleString()} of ${background.data.analysis.total.toLocaleString()} read)`}
          </ProvisionalNote>
        )}
        {computed !== null && customers !== null && computed < customers && (
          <Text size="xs" c="dimmed" px="sm" pt={6} role="status">
            The index is worked out for {computed.toLocaleString()} of {customers.toLocaleString()} customers so far; the rest appear as it is ready.
          </Text>
        )}
        {showAtRisk && atRisk.data && (
          <AtRiskSection
            items={atRisk.data.items}
            total={atRisk.data.total}
            selectedId={selectedId}
            onSelect={onSelect}
            onShowAll={() => setView({ ...view, stage: 'at-risk', sort: 'movement' })}
          />
        )}
        <CustomerList list={list} selectedId={selectedId} onSelect={onSelect} emptyText={emptyText} />
      </>
    );
  }

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(300px, 380px)', height: '100%' }}>
      <section aria-label="Customers by connection" data-settled={settled && !list.isFetching ? 'true' : 'false'} style={{ display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0 }}>
        <CustomersToolbar view={view} onView={setView} byStage={byStage} />
        <PaneBoundary what="The customer list" resetKeys={[view]}>
          {body}
        </PaneBoundary>
      </section>
      <aside aria-label="Customer connection" style={{ minHeight: 0, borderLeft: '1px solid var(--mantine-color-gray-3)' }}>
        {selectedId !== null ? (
          <PaneBoundary what="This customer's connection" resetKeys={[selectedId]}>
            <CustomerDetail customerId={selectedId} onClose={() => setSelectedId(null)} />
          </PaneBoundary>
        ) : (
          <Center h="100%" p="md">
            <Text c="dimmed" size="sm" ta="center">
              Choose a customer to see their connection index, what moved it, and their follow-ups.
            </Text>
          </Center>
        )}
      </aside>
    </div>
  );
}
