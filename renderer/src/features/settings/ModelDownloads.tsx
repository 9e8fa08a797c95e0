import { Alert, Button, Group, Progress, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnalysisStatus, ModelRole } from '../../../../shared/contract/analysis';
import { useClient } from '../../api/ClientContext';
import { useMay } from '../../app/useMay';
import { megabytes } from '../analysis/lexiconLimits';
import { analysisStatusKey, useProgress } from '../analysis/useAnalysisStatus';

const ROLE_LABEL: Record<ModelRole, string> = { emotion: 'Emotion', sentiment: 'Sentiment' };
const STATE_LABEL = { available: 'Not downloaded', downloading: 'Downloading…', installed: 'Downloaded and checked' } as const;

/**
 * Settings → Analysis → the models Kinship offers: each pinned to a hub revision, with its size
 * from the manifest, the agreement to download, and the download's progress.
 */
export function ModelDownloads({ status }: { status: AnalysisStatus }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const refresh = (next: unknown) => queryClient.setQueryData(analysisStatusKey, next);
  const mayChange = useMay('analysis.setHubAllowed');
  const setHub = useMutation({ mutationFn: (allowed: boolean) => client.call('analysis.setHubAllowed', { allowed }), onSuccess: refresh });
  const fetchModel = useMutation({
    mutationFn: async (roles: ModelRole[]) => {
      let last: unknown = null;
      for (const role of roles) last = await client.call('analysis.downloadModel', { role });
      return last;
    },
    onSuccess: refresh,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: analysisStatusKey }),
  });
  const download = useProgress('model.download');
  const offers = status.downloads;
  if (offers.length === 0) return null;
  const missing = offers.filter((offer) => offer.state !== 'installed');
  const missingBytes = missing.reduce((sum, offer) => sum + offer.bytes, 0);
  const busy = fetchModel.isPending || offers.some((offer) => offer.state === 'downloading');
  return (
    <Stack gap="xs">
      <Title order={4} size="h6" mt="xs">
        Download the recommended models
      </Title>
      <Text size="xs" c="dimmed">
        Fetched once from the Hugging Face hub at the exact revision below; every file is checked against its pinned sha256 before Kinship uses it. Only model files are fetched: no customer text leaves this machine.
      </Text>
      <Table withTableBorder fz="xs" aria-label="Models Kinship can download">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reads</Table.Th>
            <Table.Th>Model</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offers.map((offer) => (
            <Table.Tr key={offer.role}>
              <Table.Td>{ROLE_LABEL[offer.role]}</Table.Td>
              <Table.Td>
                <Text size="xs" fw={600}>{offer.hubId}</Text>
                <Text size="xs" c="dimmed">
                  {offer.labels} · revision {offer.revision.slice(0, 7)} · {offer.licence}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{megabytes(offer.bytes)}</Table.Td>
              <Table.Td>
                {STATE_LABEL[offer.state]}
                {offer.keptBytes > 0 && offer.state === 'available' && (
                  <Text size="xs" c="dimmed">{megabytes(offer.keptBytes)} kept from an interrupted download; the next one resumes from there</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Switch
        label="Allow Kinship to download models from the Hugging Face hub (only the model files; no customer text is sent)"
        checked={status.hubAllowed}
        disabled={!mayChange}
        onChange={(event) => setHub.mutate(event.currentTarget.checked)}
      />
      {missing.length > 0 && (
        <Group gap="xs">
          <Button size="xs" disabled={!status.hubAllowed || busy || !mayChange} loading={busy} onClick={() => fetchModel.mutate(missing.map((offer) => offer.role))}>
            Download {missing.length === 2 ? 'both models' : `the ${missing[0]!.role} model`} ({megabytes(missingBytes)})
          </Button>
          {!status.hubAllowed && (
            <Text size="xs" c="dimmed">
              Allow downloads above first.
            </Text>
          )}
        </Group>
      )}
      {busy && (
        <Stack gap={2}>
          <Progress value={download && download.total ? (download.done / download.total) * 100 : 0} animated aria-label="Model download progress" />
          <Text size="xs" c="dimmed" role="status">
            {download ? `${download.label}: ${megabytes(download.done)} of ${megabytes(download.total)}` : 'Starting the download…'}
          </Text>
        </Stack>
      )}
      {fetchModel.isError && (
        <Alert color="red" role="alert" title="The download did not finish">
          {fetchModel.error.message}
        </Alert>
      )}
    </Stack>
  );
}
