import { Box, Notification } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ServicesStatus } from '../../../../shared/contract/servicesStatus';
import { useClient } from '../../api/ClientContext';

/**
 * Says so, over every screen, while the services are away: restarting after their process ended
 * unexpectedly (Electron restarts it; calls made meanwhile wait, and the screens read everything
 * again once it is back), or given up on. Shows nothing while they run.
 */
export function ServicesStatusBanner() {
  const client = useClient();
  const [status, setStatus] = useState<ServicesStatus | null>(null);
  useEffect(() => client.onServicesStatus(setStatus), [client]);
  if (status?.state !== 'reconnecting' && status?.state !== 'failed') return null;
  const failed = status.state === 'failed';
  return (
    <Box pos="fixed" top={8} left="50%" style={{ transform: 'translateX(-50%)', zIndex: 1000 }} w={520} maw="calc(100vw - 16px)">
      <Notification
        role={failed ? 'alert' : 'status'}
        aria-live={failed ? 'assertive' : 'polite'}
        color={failed ? 'red' : 'orange'}
        loading={!failed}
        icon={failed ? <IconPlugConnectedX size={20} aria-hidden /> : undefined}
        title={failed ? 'Kinship’s services stopped' : 'Reconnecting to Kinship’s services…'}
        withCloseButton={false}
        withBorder
      >
        {status.message}
      </Notification>
    </Box>
  );
}
