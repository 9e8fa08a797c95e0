import { Button, Group, Text } from '@mantine/core';
import { IconPhotoOff } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EMAIL_FRAME_PAGE, EMAIL_FRAME_REMOTE_PAGE } from '../../../../shared/security';
import { EMAIL_CLIP_CHARS } from './emailClip';
import { sanitiseEmail } from './sanitiseEmail';

/**
 * An HTML e-mail as its sender laid it out — sanitised, then shown in a sandboxed frame where no
 * script can run and nothing remote loads until the agent allows it for this message.
 *
 * The frame is a page of its own (email-frame.html), not a srcdoc: a srcdoc frame would inherit the
 * console's policy, which would then have to allow remote images everywhere. Each frame page has
 * its own policy (shared/security.ts): the first allows no remote image at all; once the agent
 * allows them, the frame is loaded anew from the page that does. The console writes the sanitised
 * e-mail into the frame (same origin, but the frame's own scripting stays off).
 */
const size = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
const imageCount = new Intl.PluralRules(undefined);

export function EmailHtml({ html }: { html: string }) {
  const [allowRemote, setAllowRemote] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const clipped = !showAll && html.length > EMAIL_CLIP_CHARS;
  const [height, setHeight] = useState(80);
  const [loadedPage, setLoadedPage] = useState<string | null>(null);
  /** What the frame shows once it is written and every image it may fetch has loaded or failed: tests and tools wait on it. */
  const [rendered, setRendered] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const sanitised = useMemo(() => sanitiseEmail(clipped ? html.slice(0, EMAIL_CLIP_CHARS) : html, allowRemote), [html, clipped, allowRemote]);
  const page = allowRemote ? EMAIL_FRAME_REMOTE_PAGE : EMAIL_FRAME_PAGE;

  useEffect(() => {
    const document = frame.current?.contentDocument;
    if (loadedPage !== page || !document?.body || !document.URL.endsWith(`/${page}`)) return;
    const measure = () => setHeight(Math.min(4000, Math.max(40, document.documentElement.scrollHeight + 4)));
    document.body.innerHTML = sanitised.html;
    measure();
    // images arrive later and change the height (load does not bubble: listen while it is captured)
    const key = `${page}\n${sanitised.html}`;
    const settleWhenImagesHave = () => {
      measure();
      if ([...document.images].every((image) => image.complete)) setRendered(key);
    };
    document.addEventListener('load', settleWhenImagesHave, true);
    document.addEventListener('error', settleWhenImagesHave, true);
    settleWhenImagesHave();
    return () => {
      document.removeEventListener('load', settleWhenImagesHave, true);
      document.removeEventListener('error', settleWhenImagesHave, true);
    };
  }, [loadedPage, page, sanitised.html]);

  return (
    <div
      data-email-frame={rendered === `${page}\n${sanitised.html}` ? (allowRemote ? 'loaded-with-remote' : 'loaded') : 'loading'}
      data-remote-images={sanitised.remoteImages}
    >
      {sanitised.blockedRemote > 0 && (
        <Group gap="xs" mb={6} p={6} bg="gray.1" style={{ borderRadius: 6 }} role="status">
          <IconPhotoOff size={16} aria-hidden />
          <Text size="xs">
            {sanitised.blockedRemote} remote {imageCount.select(sanitised.blockedRemote) === 'one' ? 'image' : 'images'} blocked, so the sender cannot see
            that you opened this.
          </Text>
          <Button size="compact-xs" variant="light" onClick={() => setAllowRemote(true)}>
            Show remote images
          </Button>
        </Group>
      )}
      {clipped && (
        <Group gap="xs" mb={6} p={6} bg="gray.1" style={{ borderRadius: 6 }} role="status" data-testid="email-clipped">
          <Text size="xs">This e-mail is long ({size.format(html.length / 1_000_000)}): its start is shown.</Text>
          <Button size="compact-xs" variant="light" onClick={() => setShowAll(true)}>
            Show the whole e-mail
          </Button>
        </Group>
      )}
      <iframe
        key={page}
        ref={frame}
        title="E-mail content"
        sandbox="allow-same-origin"
        src={`./${page}`}
        referrerPolicy="no-referrer"
        style={{ width: '100%', height, border: 0, display: 'block' }}
        onLoad={() => setLoadedPage(page)}
      />
    </div>
  );
}
