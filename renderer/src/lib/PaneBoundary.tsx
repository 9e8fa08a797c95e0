import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What this pane shows, to start the sentence: "This conversation", "The queue". */
  what: string;
  /** When any of these change (another conversation opened, another page), the pane tries again by itself. */
  resetKeys?: readonly unknown[];
  /** Smaller, for a pane inside a pane (one message, the coach). */
  compact?: boolean;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'something unexpected went wrong';
}

/**
 * Keeps a fault in one pane of the console inside that pane: it says in plain words what could
 * not be shown and why, offers to try again, and leaves every other pane working.
 */
export class PaneBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(describe(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.what} could not be shown:`, error, info.componentStack);
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.error === null) return;
    const before = previous.resetKeys ?? [];
    const now = this.props.resetKeys ?? [];
    if (before.length !== now.length || before.some((key, index) => !Object.is(key, now[index]))) this.setState({ error: null });
  }

  private readonly tryAgain = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const { what, compact } = this.props;
    return (
      <Alert
        role="alert"
        color="red"
        variant="light"
        m={compact ? 0 : 'md'}
        p={compact ? 'xs' : undefined}
        icon={<IconAlertTriangle size={compact ? 16 : 20} aria-hidden />}
        data-testid="pane-error"
      >
        <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {what} could not be shown: {describe(error)}
          </Text>
          <Button size="compact-xs" variant="white" color="red" onClick={this.tryAgain} style={{ flexShrink: 0 }}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }
}
