import { Alert, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlarmSnooze, IconCalendarTime } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { fromLocalInput, snoozePresets, toLocalInput } from './snoozePresets';
import { useSnooze } from './useTriage';

/** The snooze times offered in the status menu: a submenu of presets and "Pick a date and time…". */
export function SnoozeMenuItems({ conversationId, onPick }: { conversationId: number; onPick: () => void }) {
  const snooze = useSnooze(conversationId);
  // worked out when the menu opens, in the agent's time zone
  const presets = useMemo(() => snoozePresets(new Date()), []);
  return (
    <Menu.Sub>
      <Menu.Sub.Target>
        <Menu.Sub.Item leftSection={<IconAlarmSnooze size={14} aria-hidden />}>Snooze</Menu.Sub.Item>
      </Menu.Sub.Target>
      <Menu.Sub.Dropdown>
        <Menu.Label>Back in open work</Menu.Label>
        {presets.map((preset) => (
          <Menu.Item key={preset.id} onClick={() => snooze.mutate(preset.until)} rightSection={<Text size="xs" c="dimmed">{preset.when}</Text>}>
            {preset.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconCalendarTime size={14} aria-hidden />} onClick={onPick}>
          Pick a date and time…
        </Menu.Item>
      </Menu.Sub.Dropdown>
    </Menu.Sub>
  );
}

/** Snooze until a time the agent picks (or one of the presets); a time that has passed is refused. */
export function SnoozePicker({ conversationId, opened, onClose }: { conversationId: number; opened: boolean; onClose: () => void }) {
  const snooze = useSnooze(conversationId);
  const presets = useMemo(() => (opened ? snoozePresets(new Date()) : []), [opened]);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const done = () => {
    setValue('');
    setProblem(null);
    snooze.reset();
    onClose();
  };
  const submit = (until: number | null) => {
    if (until === null) return setProblem('Pick a date and a time.');
    if (until <= Date.now()) return setProblem('That time has passed: pick one still to come.');
    setProblem(null);
    snooze.mutate(until, { onSuccess: done });
  };
  return (
    <Modal opened={opened} onClose={done} title="Snooze until…" size="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          It leaves open work and comes back, unread, at that time — or as soon as the customer writes.
        </Text>
        <Group gap="xs">
          {presets.map((preset) => (
            <Button key={preset.id} size="xs" variant="light" onClick={() => submit(preset.until)} title={preset.when}>
              {preset.label} · {preset.when}
            </Button>
          ))}
        </Group>
        <form
          // the time is checked here (and again on the Node side), with a reason in words
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit(fromLocalInput(value));
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              type="datetime-local"
              label="Date and time"
              description="In your time zone"
              value={value}
              min={toLocalInput(Date.now())}
              onChange={(event) => setValue(event.currentTarget.value)}
              style={{ flex: 1 }}
              data-autofocus
            />
            <Button type="submit" loading={snooze.isPending}>
              Snooze
            </Button>
          </Group>
        </form>
        {(problem ?? snooze.error?.message) && (
          <Alert color="red" role="alert" p="xs">
            {problem ?? snooze.error?.message}
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
