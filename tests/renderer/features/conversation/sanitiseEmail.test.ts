// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cssCanFetch, withoutRemoteCss } from '../../../../renderer/src/features/conversation/remoteCss';
import { sanitiseEmail } from '../../../../renderer/src/features/conversation/sanitiseEmail';
import { hostileCorpus } from '../../../helpers/hostileCorpus';

const BASE = 'http://tracker.example:8080';
const corpus = hostileCorpus(BASE).filter((email) => email.subject !== 'Five megabytes');

function parse(html: string): HTMLElement {
  const body = document.implementation.createHTMLDocument('').body;
  body.innerHTML = html;
  return body;
}

/** Every address the output could fetch or follow: attributes that hold one, and CSS. */
function leaks(body: HTMLElement): string[] {
  const found: string[] = [];
  for (const element of Array.from(body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${element.nodeName} ${name}`);
      if (name === 'title' || name === 'data-remote-src') continue;
      if (/(?:href|src|srcset|background|poster|action|data|ping)$/.test(name) && !(name === 'src' && /^data:image\//.test(attribute.value))) found.push(`${element.nodeName} ${name}=${attribute.value}`);
      if (name === 'style' && cssCanFetch(attribute.value)) found.push(`${element.nodeName} style=${attribute.value}`);
      if (attribute.value.includes('tracker.example')) found.push(`${element.nodeName} ${name}=${attribute.value}`);
    }
    if (element.nodeName.toLowerCase() === 'style' && (cssCanFetch(element.textContent ?? '') || (element.textContent ?? '').includes('tracker.example'))) found.push(`style ${element.textContent}`);
  }
  return found;
}

describe('the e-mail sanitiser, over the hostile corpus', () => {
  it.each(corpus.map((email) => [email.subject, email] as const))('%s: nothing runs, no link can be followed, nothing can be fetched', (_subject, email) => {
    const { html, blockedRemote, remoteImages } = sanitiseEmail(email.html, false);
    const body = parse(html);
    expect(body.querySelector('script, iframe, frame, form, input, button, object, embed, link, meta, base, video, audio, source, picture, image, feImage, use, set, animate, foreignObject')).toBeNull();
    expect(leaks(body)).toEqual([]);
    // held back: exactly the images that load once allowed, counted once each
    expect(blockedRemote).toBe(email.remote.length);
    expect(remoteImages).toBe(email.remote.length);
    const held = new Set(Array.from(body.querySelectorAll('img[data-remote-src]')).map((image) => new URL(image.getAttribute('data-remote-src')!)).map((url) => url.pathname + url.search));
    expect([...held].sort()).toEqual([...email.remote].sort());
  });

  it.each(corpus.map((email) => [email.subject, email] as const))('%s: once allowed, only the counted images may load', (_subject, email) => {
    const { html, blockedRemote, remoteImages } = sanitiseEmail(email.html, true);
    const body = parse(html);
    expect(blockedRemote).toBe(0);
    expect(remoteImages).toBe(email.remote.length);
    const sources = new Set(Array.from(body.querySelectorAll('img[src^="http"]')).map((image) => new URL(image.getAttribute('src')!)).map((url) => url.pathname + url.search));
    expect([...sources].sort()).toEqual([...email.remote].sort());
    // everything else stays as closed as before consent
    for (const image of Array.from(body.querySelectorAll('img[src^="http"]'))) image.removeAttribute('src');
    expect(leaks(body)).toEqual([]);
  });

  it('keeps a link’s address only as a tooltip, for HTML, SVG and image-map links', () => {
    const body = parse(sanitiseEmail(hostileCorpus(BASE).find((email) => email.subject === 'SVG and image-map links')!.html, false).html);
    const titles = Array.from(body.querySelectorAll('[title]')).map((element) => element.getAttribute('title'));
    expect(titles).toEqual(expect.arrayContaining([`Link (not opened from Kinship): ${BASE}/svg-a`, `Link (not opened from Kinship): ${BASE}/svg-xlink`, `Link (not opened from Kinship): ${BASE}/area`, `Link (not opened from Kinship): ${BASE}/plain`]));
    expect(body.textContent).toContain('svg link');
  });

  it('keeps the CSS that fetches nothing and local SVG references', () => {
    const styles = parse(sanitiseEmail(hostileCorpus(BASE).find((email) => email.subject === 'Style sheet fetches')!.html, false).html);
    expect(styles.querySelector('style')!.textContent).toContain('.g { color: red }');
    const svg = parse(sanitiseEmail(hostileCorpus(BASE).find((email) => email.subject === 'SVG images and references')!.html, false).html);
    expect(svg.querySelector('rect[fill="url(#local)"]')).not.toBeNull();
    const inline = parse(sanitiseEmail(hostileCorpus(BASE).find((email) => email.subject === 'Inline style fetches')!.html, false).html);
    expect(inline.querySelector('div')!.getAttribute('style')).toBe(';color:blue');
  });
});

describe('CSS that could fetch', () => {
  it.each([
    'background:url(x)',
    'background:u\\72l(x)',
    'background:u\\000072 l(x)',
    'background:\\75\\72\\6c (x)',
    'background:U\\52L(x)',
    'background:image-set("x" 1x)',
    'background:-webkit-image-set(url(x) 1x)',
    'background:image("x")',
    'background:cross-fade(url(x), url(y))',
    '@import "x.css"',
    '@\\69mport "x.css"',
    '@font-face{font-family:a;src:local(a)}',
    'content:attr(data-x url)',
    'width:expression(alert(1))',
    'background:url/**/(x)',
  ])('is recognised: %s', (css) => {
    expect(cssCanFetch(css)).toBe(true);
    expect(cssCanFetch(withoutRemoteCss(css))).toBe(false);
  });

  it.each(['color:red', 'background:#fff linear-gradient(red, blue)', 'content:"\\201C"', 'font-family:"Helvetica Neue",Arial'])('is left alone when it cannot: %s', (css) => {
    expect(cssCanFetch(css)).toBe(false);
    expect(withoutRemoteCss(css)).toBe(css);
  });

  it('drops only the pieces that fetch and keeps every separator, so nothing can join up', () => {
    expect(withoutRemoteCss('a{color:red;background:url(x)}b{margin:0}')).toBe('a{color:red;}b{margin:0}');
    expect(withoutRemoteCss('a{x:u\\;rl(y)}')).toBe('a{x:u\\;rl(y)}');
    expect(cssCanFetch(withoutRemoteCss('a{b:ur;c:url(z);d:l(y)}'))).toBe(false);
  });
});
