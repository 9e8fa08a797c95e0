import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ModelRole } from '../../../../shared/contract/analysis';
import { LEXICON_CANNOT, LEXICON_DOES, megabytes } from '../analysis/lexiconLimits';
import { useClient } from '../../api/ClientContext';
import { useMay } from '../../app/useMay';
import { analysisStatusKey, useAnalysisStatus, useProgress } from '../analysis/useAnalysisStatus';
import { ModelDownloads } from './ModelDownloads';

const ROLE_LABEL: Record<ModelRole, string> = { emotion: 'Emotion', sentiment: 'Sentiment' };

/** Settings → Analysis: which models read the messages, from where, how fast; and where to get others. */
export function AnalysisSettings() {
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useAnalysisStatus({ refetchInterval: 2000, refetchOnMount: 'always' });
  const backlogProgress = useProgress('analysis.backlog');
  const [folder, setFolder] = useState('');
  useEffect(() => setFolder(status.data?.modelsDirSource === 'setting' ? (status.data.modelsDir ?? '') : ''), [status.data?.modelsDir, status.data?.modelsDirSource]);
  const refresh = (next: unknown) => queryClient.setQueryData(analysisStatusKey, next);
  // the models are the team's setup: supervisors and admins change them (shared/contract/permissions.ts)
  const mayChange = useMay('analysis.setModelsFolder');
  const setModelsFolder = useMutation({ mutationFn: (path: string | null) => client.call('analysis.setModelsFolder', { path }), onSuccess: refresh });

  if (!status.data) return null;
  const s = status.data;
  // the fresher of the last progress event and the status
  const backlog = backlogProgress && backlogProgress.done >= s.backlog.done ? backlogProgress : s.backlog;
  // on the lexicon, the first problem is already said as the reason (an unreadable folder is listed too)
  const offered = s.downloads.filter((offer) => offer.state !== 'installed').reduce((sum, offer) => sum + offer.bytes, 0);
  const otherProblems = s.analyzer === 'model' ? s.problems : s.problems.filter((problem) => problem !== s.fallbackReason);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="analysis-settings-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="analysis-settings-title">
            Analysis
          </Title>
          <Badge color={s.analyzer === 'model' ? 'teal' : 'orange'} variant="light">
            {s.analyzer === 'model' ? 'Models on this machine' : 'Lexicon analyzer (no model)'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Every message and draft is read on this machine; no customer text leaves it for analysis.
        </Text>
        {s.analyzer === 'lexicon' && (
          <Alert color="orange" title="No model: sentiment only, from a word list" role="status">
            <Text size="sm">
              No model is in use because {s.fallbackReason}. {LEXICON_DOES} Every figure it gives says "lexicon". It cannot:
            </Text>
            <List size="sm" mt={4} spacing={2}>
              {LEXICON_CANNOT.map((limit) => (
                <List.Item key={limit}>{limit}</List.Item>
              ))}
            </List>
            <Text size="sm" mt={4}>
              {offered > 0 ? `Download the recommended models below (${megabytes(offered)} in all), or point Kinship at a models folder.` : 'Point Kinship at a models folder below.'}
            </Text>
          </Alert>
        )}
        {otherProblems.length > 0 && (
          <Alert color="yellow" title={s.analyzer === 'model' ? 'Some models could not be used' : 'Also found'}>
            {otherProblems.join('; ')}
          </Alert>
        )}
        {s.models.length > 0 && (
          <Table withTableBorder striped fz="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Reads</Table.Th>
                <Table.Th>Model</Table.Th>
                <Table.Th>Labels</Table.Th>
                <Table.Th>Loaded from</Table.Th>
                <Table.Th ta="right">Load time</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.models.map((model) => (
                <Table.Tr key={model.role}>
                  <Table.Td>{ROLE_LABEL[model.role]}</Table.Td>
                  <Table.Td>
                    <Text size="xs" fw={600}>{model.id}</Text>
                    <Text size="xs" c="dimmed">{model.labelScheme}</Text>
                  </Table.Td>
                  <Table.Td>{model.labels.join(', ')}</Table.Td>
                  <Table.Td>
                    {model.source}
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>{model.path}</Text>
                  </Table.Td>
                  <Table.Td ta="right">{model.loadMs} ms</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          Live latency (message in → reading stored):{' '}
          {s.latency ? `p50 ${s.latency.p50.toFixed(1)} ms, p95 ${s.latency.p95.toFixed(1)} ms over the last ${s.latency.count} reads` : 'no live messages read yet'}
          {backlog.total > 0 ? ` · backlog ${backlog.done.toLocaleString()} of ${backlog.total.toLocaleString()} read` : ''}
          {s.workerRestarts > 0 ? ` · worker restarted ${s.workerRestarts}×` : ''}
        </Text>

        <Title order={4} size="h6" mt="xs">
          Models folder
        </Title>
        <Text size="xs" c="dimmed">
          A folder of transformers.js text-classification models (each with config.json, tokenizer.json and onnx/model.onnx). Kinship looks there first, then in its own model cache, then in the models packaged with it.
          {s.modelsDirSource === 'environment' && <> In use now: <Code>{s.modelsDir}</Code> from KINSHIP_MODELS_DIR.</>}
        </Text>
        {mayChange && (
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Folder"
            placeholder="/path/to/models"
            value={folder}
            onChange={(event) => setFolder(event.currentTarget.value)}
            style={{ flex: 1 }}
            error={setModelsFolder.error?.message}
          />
          <Button onClick={() => setModelsFolder.mutate(folder)} loading={setModelsFolder.isPending} disabled={!folder.trim()}>
            Use this folder
          </Button>
          {s.modelsDirSource === 'setting' && (
            <Button variant="default" onClick={() => setModelsFolder.mutate(null)}>
              Forget it
            </Button>
          )}
        </Group>
        )}
        {!mayChange && <Text size="xs">Only a supervisor or an admin can change where the models come from.</Text>}

        <ModelDownloads status={s} />
      </Stack>
    </Paper>
  );
}
