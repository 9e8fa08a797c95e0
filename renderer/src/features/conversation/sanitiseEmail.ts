import DOMPurify from 'dompurify';

export interface SanitisedEmail {
  html: string;
  /** Remote images and backgrounds held back until the agent allows them. */
  blockedRemote: number;
}

const REMOTE = /^(?:https?:)?\/\//i;

/**
 * An e-mail's HTML made harmless: no scripts, event handlers, forms, frames, objects or external
 * style sheets; links disarmed (their address kept as a tooltip); remote images held back unless
 * allowed. It is shown in a sandboxed frame besides, so this is the first of two walls.
 */
export function sanitiseEmail(html: string, allowRemote: boolean): SanitisedEmail {
  let blockedRemote = 0;
  const purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      node.removeAttribute('href');
      node.removeAttribute('target');
      if (href) node.setAttribute('title', `Link (not opened from Kinship): ${href}`);
    }
    for (const attribute of ['src', 'background', 'poster', 'srcset']) {
      const value = node.getAttribute(attribute);
      if (value && REMOTE.test(value) && !allowRemote) {
        node.removeAttribute(attribute);
        node.setAttribute(`data-blocked-${attribute}`, value);
        blockedRemote += 1;
      }
    }
    const style = node.getAttribute('style');
    if (style && /url\(/i.test(style) && !allowRemote) {
      node.setAttribute('style', style.replace(/url\([^)]*\)/gi, 'none'));
      blockedRemote += 1;
    }
  });
  const clean = purifier.sanitize(html, {
    FORBID_TAGS: ['form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'script', 'noscript', 'template'],
    FORBID_ATTR: ['action', 'formaction', 'ping'],
    ALLOW_DATA_ATTR: false,
  });
  purifier.removeAllHooks();
  return { html: clean, blockedRemote };
}

/** The policy inside the frame: nothing runs, nothing loads unless remote images were allowed. */
export function frameDocument(body: string, allowRemote: boolean): string {
  const images = allowRemote ? 'data: https: http:' : 'data:';
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${images}; style-src 'unsafe-inline'; font-src data:"><style>body{margin:0;font:14px/1.5 system-ui,sans-serif;color:#212529;overflow-wrap:anywhere}img{max-width:100%;height:auto}blockquote{margin:4px 0;padding-left:10px;border-left:3px solid #dee2e6;color:#868e96}</style></head><body>${body}</body></html>`;
}
