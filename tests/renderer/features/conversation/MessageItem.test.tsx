// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageItem } from '../../../../renderer/src/features/conversation/MessageItem';
import type { Message } from '../../../../shared/contract/domain';
import { renderWithMantine } from '../../../helpers/renderWithMantine';

afterEach(cleanup);

const hostile = [
  '<img src="https://tracker.example/pixel.gif" onerror="window.__pwned = true">',
  '<script>window.__pwned = true</script>',
  '<a href="javascript:window.__pwned=true">click me</a>',
  '<style>body { display: none }</style>',
].join('\n');

function message(body: string, author: Message['author'] = 'customer'): Message {
  return { id: 1, conversationId: 1, author, authorName: 'Mallory', body, sentAt: Date.UTC(2026, 0, 5), meta: { from: 'mallory@evil.example', to: ['support@larkspur.example'] }, html: null, reading: null };
}

describe('a message body', () => {
  it.each(['email', 'chat'] as const)('is shown as text in %s, never as HTML', (channel) => {
    const { container } = renderWithMantine(<MessageItem message={message(hostile)} channel={channel} focused={false} />);
    const rendered = container.querySelector('[data-testid="message"]')!;
    expect(rendered.textContent).toContain('<script>');
    expect(rendered.querySelector('img, script, a, style, iframe')).toBeNull();
    expect(screen.getByText(/onerror="window.__pwned = true"/)).toBeTruthy();
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('sets quoted e-mail history apart from the customer’s own words', () => {
    const body = 'Still nothing.\n\nOn Tue, 3 Mar 2026 at 10:14, Larkspur <s@l.example> wrote:\n> We are sorry\n> it will come Friday';
    const { container } = renderWithMantine(<MessageItem message={message(body)} channel="email" focused={false} />);
    expect(container.querySelector('blockquote')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show quoted history (2 lines)' }));
    const quote = container.querySelector('blockquote');
    expect(quote?.textContent).toBe('On Tue, 3 Mar 2026 at 10:14, Larkspur <s@l.example> wrote:\n> We are sorry\n> it will come Friday');
    expect(screen.getByText(/Still nothing\./)).toBeTruthy();
    expect(screen.getByText(/From mallory@evil.example/)).toBeTruthy();
  });

  it('lists the files that came with an e-mail', () => {
    const withFiles = { ...message('See attached.'), meta: { attachments: [{ name: 'photo.jpg', size: 2_400_000, contentType: 'image/jpeg' }, { name: 'receipt.pdf', size: 52_000, contentType: 'application/pdf' }] } };
    renderWithMantine(<MessageItem message={withFiles} channel="email" focused={false} />);
    expect(screen.getByRole('list', { name: 'Attachments' }).textContent).toBe('photo.jpgJPEG image · 2.4 MBreceipt.pdfPDF · 52 kB');
  });

  it('labels internal notes as notes', () => {
    renderWithMantine(<MessageItem message={message('Customer prefers calls after 5pm', 'note')} channel="chat" focused={false} />);
    expect(screen.getByText('Internal note · Mallory')).toBeTruthy();
  });

  it('shows a call note with its offset into the call set apart', () => {
    renderWithMantine(<MessageItem message={message('[02:15] Driver left the parcel in the rain', 'note')} channel="voice" focused={false} />);
    expect(screen.getByText('Call note · Mallory')).toBeTruthy();
    expect(screen.getByLabelText('02:15 into the call').textContent).toBe('02:15');
    expect(screen.getByText('Driver left the parcel in the rain')).toBeTruthy();
  });
  it('shows a message whose stored channel details are malformed, leaving out only the bad ones', () => {
    const bad = { ...message('Where is my parcel?'), meta: { from: 'mallory@evil.example', to: 'support@larkspur.example', attachments: [{ name: 5 }], droppedMeta: [{ field: 'references', reason: 'expected array' }] } } as unknown as Message;
    const { container } = renderWithMantine(<MessageItem message={bad} channel="email" focused={false} />);
    expect(container.textContent).toContain('Where is my parcel?');
    expect(screen.getByText(/From mallory@evil\.example/).textContent).not.toContain('support@larkspur.example');
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
    const note = screen.getByTestId('dropped-meta').textContent!;
    expect(note).toMatch(/could not be read/);
    expect(note).toContain('references (expected array)');
    expect(note).toContain('to (');
    expect(note).toContain('attachments (');
  });

  it.each([null, 'x', 7, ['to']])('shows a message whose stored meta is %j', (meta) => {
    const odd = { ...message('Hello there'), meta } as unknown as Message;
    const { container } = renderWithMantine(<MessageItem message={odd} channel="email" focused={false} />);
    expect(container.textContent).toContain('Hello there');
  });
});
