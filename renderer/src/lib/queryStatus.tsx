import { Alert, Center, Loader } from '@mantine/core';
import type { ReactElement } from 'react';

/**
 * What a list shows while its read is under way (a labelled loader) or after it failed (the
 * error in plain words); null once there is data to show.
 */
export function queryStatus(query: { isPending: boolean; isError: boolean; error: Error | null }, loadingLabel: string): ReactElement | null {
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" aria-label={loadingLabel} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" m="sm" role="alert">
        {query.error?.message}
      </Alert>
    );
  }
  return null;
}
