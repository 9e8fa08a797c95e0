import { Button, Group, Text } from '@mantine/core';
import { IconPhotoOff } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { frameDocument, sanitiseEmail } from './sanitiseEmail';

/**
 * An HTML e-mail as its sender laid it out — sanitised, then shown in a sandboxed frame where no
 * script can run and nothing remote loads until the agent allows it for this message.
 */
export function EmailHtml({ html }: { html: string }) {
  const [allowRemote, setAllowRemote] = useState(false);
  const [height, setHeight] = useState(80);
  /** The document the frame has finished loading (with every image it was allowed to fetch): tests and tools wait on it. */
  const [loadedDoc, setLoadedDoc] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const sanitised = useMemo(() => sanitiseEmail(html, allowRemote), [html, allowRemote]);
  const srcDoc = useMemo(() => frameDocument(sanitised.html, allowRemote), [sanitised.html, allowRemote]);
  return (
    <div data-email-frame={loadedDoc === srcDoc ? (allowRemote ? 'loaded-with-remote' : 'loaded') : 'loading'} data-remote-images={sanitised.remoteImages}>
      {sanitised.blockedRemote > 0 && (
        <Group gap="xs" mb={6} p={6} bg="gray.1" style={{ borderRadius: 6 }} role="status">
          <IconPhotoOff size={16} aria-hidden />
          <Text size="xs">
            {sanitised.blockedRemote} remote image{sanitised.blockedRemote === 1 ? '' : 's'} blocked, so the sender cannot see that you opened this.
          </Text>
          <Button size="compact-xs" variant="light" onClick={() => setAllowRemote(true)}>
            Show remote images
          </Button>
        </Group>
      )}
      <iframe
        ref={frame}
        title="E-mail content"
        sandbox="allow-same-origin"
        srcDoc={srcDoc}
        referrerPolicy="no-referrer"
        style={{ width: '100%', height, border: 0, display: 'block' }}
        onLoad={() => {
          const document = frame.current?.contentDocument;
          if (document) setHeight(Math.min(4000, Math.max(40, document.documentElement.scrollHeight + 4)));
          setLoadedDoc(srcDoc);
        }}
      />
    </div>
  );
}
