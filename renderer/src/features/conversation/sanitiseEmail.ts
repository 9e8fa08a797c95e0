import DOMPurify from 'dompurify';
import { attributeCanFetch, withoutRemoteCss } from './remoteCss';

export interface SanitisedEmail {
  html: string;
  /** Remote images held back until the agent allows them (0 once allowed). */
  blockedRemote: number;
  /** The distinct remote images in the e-mail: exactly what loads once they are allowed. */
  remoteImages: number;
}

/** Tags that can fetch, navigate, run or pull content from elsewhere, in HTML, SVG or MathML. */
const FORBID_TAGS = [
  'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'base',
  'script', 'noscript', 'template', 'portal', 'fencedframe',
  'video', 'audio', 'source', 'track', 'picture',
  // SVG: images and filters that fetch, references to other documents, animations that can set a link
  'image', 'feimage', 'use', 'foreignobject', 'animate', 'animatemotion', 'animatetransform', 'set', 'discard', 'mpath',
];

/** Attributes that hold an address (or several). Only <img src> may keep one, and only once allowed. */
const ADDRESS_ATTRIBUTES = new Set([
  'href', 'src', 'srcset', 'imagesrcset', 'background', 'poster', 'action', 'formaction', 'data', 'ping', 'cite', 'longdesc', 'lowsrc',
  'dynsrc', 'codebase', 'archive', 'classid', 'manifest', 'profile', 'icon', 'usemap', 'itemtype', 'itemid', 'attributionsrc', 'xmlns:xlink',
]);
const ALSO_DROPPED = new Set(['target', 'download', 'loading', 'sizes', 'formtarget']);

/** Stands in for the frame's own address when reading a relative one (a name that can never resolve). */
const NOWHERE = 'https://relative.invalid/';

/** The absolute http(s) address a value names, as the browser would fetch it; null for anything else. */
export function remoteAddress(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim(), NOWHERE);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.hostname === 'relative.invalid' ? null : url.href;
}

const INLINE_IMAGE = /^\s*data:image\/(?:png|gif|jpe?g|webp|bmp|avif|x-icon|svg\+xml)[;,]/i;

/**
 * An e-mail's HTML made harmless: no scripts, event handlers, forms, frames, objects or external
 * style sheets; no link of any kind can be followed (HTML, SVG and image-map links lose their
 * address, which is kept as a tooltip); no CSS can fetch anything; remote images (<img> only) are
 * held back and counted unless allowed. It is shown in a sandboxed frame besides, so this is the
 * first of two walls.
 */
export function sanitiseEmail(html: string, allowRemote: boolean): SanitisedEmail {
  const purifier = DOMPurify(window);
  const linkAddress = new WeakMap<Element, string>();
  const blockedImage = new WeakMap<Element, string>();

  purifier.addHook('uponSanitizeElement', (node, data) => {
    // <style> in HTML or SVG: every piece that could fetch is taken out (before and after consent)
    if (data.tagName === 'style' && node.textContent) node.textContent = withoutRemoteCss(node.textContent);
  });

  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue;
    const tag = node.nodeName.toLowerCase();
    if (name === 'style') {
      data.attrValue = withoutRemoteCss(value);
      if (!data.attrValue.trim()) data.keepAttr = false;
      return;
    }
    if (name === 'src' && tag === 'img') {
      if (INLINE_IMAGE.test(value)) return;
      const address = remoteAddress(value);
      if (address && allowRemote) {
        // written out in full, so the frame fetches exactly the address that was counted
        data.attrValue = address;
        return;
      }
      if (address) blockedImage.set(node, address);
      data.keepAttr = false;
      return;
    }
    const bare = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (bare === 'href' && (tag === 'a' || tag === 'area')) linkAddress.set(node, value);
    if (ADDRESS_ATTRIBUTES.has(name) || ADDRESS_ATTRIBUTES.has(bare) || ALSO_DROPPED.has(name) || /(?:href|src|srcset)$/.test(name)) {
      data.keepAttr = false;
      return;
    }
    // SVG paint, filter, mask and marker references, or anything else written as CSS
    if (attributeCanFetch(value)) data.keepAttr = false;
  });

  purifier.addHook('afterSanitizeAttributes', (node) => {
    const link = linkAddress.get(node);
    if (link?.trim()) node.setAttribute('title', `Link (not opened from Kinship): ${link.trim()}`);
    const blocked = blockedImage.get(node);
    if (blocked) node.setAttribute('data-remote-src', blocked);
  });

  const clean = purifier.sanitize(html, {
    FORBID_TAGS,
    ALLOW_DATA_ATTR: false,
    // a <style> at the very start would otherwise be moved into <head> and lost
    FORCE_BODY: true,
  });
  purifier.removeAllHooks();

  // counted on the output as the frame will read it, in an inert document (nothing in it loads;
  // DOMPurify's RETURN_DOM would import the nodes into this page, where images start loading)
  const output = new DOMParser().parseFromString(`<!doctype html><body>${clean}`, 'text/html');
  const remote = new Set<string>();
  for (const image of Array.from(output.querySelectorAll('img'))) {
    const address = image.getAttribute('data-remote-src') ?? remoteAddress(image.getAttribute('src') ?? '');
    if (address) remote.add(address);
  }
  return { html: clean, blockedRemote: allowRemote ? 0 : remote.size, remoteImages: remote.size };
}
