/**
 * Hostile e-mails, each trying to run something, follow a link or fetch something from `base` (a
 * tracker the test runs). Shared by the sanitiser's unit tests (jsdom) and the end-to-end test
 * (Chromium), so every case is proved both ways. `remote` lists, by path, the images that may load
 * once the agent allows remote images: exactly these, nothing else, ever.
 */
export interface HostileEmail {
  subject: string;
  html: string;
  /** Paths on `base` that load after consent (and only then). */
  remote: string[];
}

const GIF = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

export function hostileCorpus(base: string): HostileEmail[] {
  const host = base.replace(/^https?:\/\//, '');
  return [
    { subject: 'Script tags', remote: [], html: `<p>hostilecorpus script</p><script>parent.__pwned = 'script'</script><script src="${base}/evil.js"></script><svg><script href="${base}/svg.js">parent.__pwned='svg-script'</script></svg>` },
    {
      subject: 'Event handlers',
      remote: [],
      html: `<p>hostilecorpus handlers</p><img src="x" onerror="parent.__pwned='onerror'"><svg onload="parent.__pwned='svg'"></svg><p onmouseover="parent.__pwned='hover'">hover me</p><a href="javascript:parent.__pwned='link'">click me</a>`,
    },
    {
      subject: 'CSS tricks',
      remote: [],
      html: `<style>@import url("${base}/import.css"); body { background: url("${base}/body.png") }</style><link rel="stylesheet" href="${base}/linked.css"><div style="position:fixed;inset:0;background:url(${base}/overlay.png)">hostilecorpus css</div>`,
    },
    { subject: 'Tracking pixel', remote: ['/pixel.gif?customer=42'], html: `<p>hostilecorpus pixel — thanks for your order!</p><img src="${base}/pixel.gif?customer=42" width="1" height="1">` },
    {
      subject: 'Frames and forms',
      remote: [],
      html: `<p>hostilecorpus frames</p><iframe src="${base}/frame"></iframe><form action="${base}/steal"><input name="card"><button formaction="${base}/steal2">Pay</button></form><meta http-equiv="refresh" content="0;url=${base}/refresh"><object data="${base}/obj"></object><embed src="${base}/embed">`,
    },
    { subject: 'Broken charset', remote: [], html: `<meta charset="koi8-r"><p>hostilecorpus charset: Ã©tÃ© â€™ \uFFFD\uFFFD Привет</p>` },
    { subject: 'Five megabytes', remote: [], html: `<p>hostilecorpus huge</p><p>${'All work and no play makes a very long e-mail. '.repeat(110_000)}</p>` },
    {
      subject: 'SVG and image-map links',
      remote: [],
      html:
        `<p>hostilecorpus links</p><svg width="200" height="40"><a href="${base}/svg-a"><text x="0" y="15">svg link</text></a><a xlink:href="${base}/svg-xlink"><text x="0" y="35">xlink</text></a></svg>` +
        `<img src="${GIF}" usemap="#m" width="20" height="20"><map name="m"><area shape="rect" coords="0,0,20,20" href="${base}/area" ping="${base}/ping"></map><a href="${base}/plain" ping="${base}/ping2" target="_blank">plain link</a>`,
    },
    {
      subject: 'SVG images and references',
      remote: [],
      html:
        `<p>hostilecorpus svg</p><svg width="100" height="100"><image href="${base}/svg-image.png" width="10" height="10"/><image xlink:href="${base}/svg-xlink-image.png"/>` +
        `<filter id="f"><feImage href="${base}/feimage.png"/></filter><rect width="10" height="10" filter="url(${base}/filter.svg#f)" fill="url(${base}/paint.svg#g)" style="mask:url(${base}/mask.svg#m)"/>` +
        `<rect width="5" height="5" fill="url(#local)"/><use href="${base}/use.svg#x"/><set attributeName="href" to="${base}/set"/><animate attributeName="href" values="${base}/animate"/></svg>`,
    },
    {
      subject: 'Style sheet fetches',
      remote: [],
      html:
        `<p>hostilecorpus stylesheet</p><style>@import "${base}/import2.css"; @font-face { font-family: Tracker; src: url(${base}/font.woff) } p::before { content: url(${base}/content.png) }` +
        ` .a { background: u\\72l(${base}/escaped.png) } .b { background-image: image-set("${base}/set.png" 1x) } .c { background: -webkit-image-set(url(${base}/webkit-set.png) 1x) }` +
        ` .d { background: \\75\\72\\6c (${base}/hex-escaped.png) } .e { list-style-image: url(${base}/list.png); cursor: url(${base}/cursor.png), auto; border-image: url(${base}/border.png) 30 }` +
        ` .f { background: URL(${base}/upper.png) } .g { color: red }</style><ul><li class="a b c d e f g">styled</li></ul><p class="g">kept red</p>`,
    },
    {
      subject: 'Inline style fetches',
      remote: [],
      html:
        `<p>hostilecorpus inline</p><div style="background:u\\72l(${base}/inline-escaped.png);color:blue">a</div><div style="background-image:image-set('${base}/inline-set.png' 1x)">b</div>` +
        `<div style="background:url(&quot;${base}/inline-entity.png&quot;)">c</div><div style="content:url(${base}/inline-content.png)">d</div><table background="${base}/table-bg.png"><tr><td background="${base}/td-bg.png">e</td></tr></table>`,
    },
    {
      subject: 'Many remote images',
      remote: ['/img1.png', '/img2.png', '/img3.png', '/img4.png', '/lazy.png', '/picture-img.png'],
      html:
        `<p>hostilecorpus images</p><img src="${base}/img1.png"><img src="${base}/img1.png"><img src="http:${host}/img2.png"><img src="HTTP://${host}/img3.png"><img src="  ${base}/img4.png  ">` +
        `<img src="${base}/lazy.png" loading="lazy"><img srcset="${base}/srcset.png 1x, ${base}/srcset2.png 2x"><video poster="${base}/poster.png" src="${base}/video.mp4"></video><audio src="${base}/audio.mp3"></audio>` +
        `<picture><source srcset="${base}/source.png"><img src="${base}/picture-img.png"></picture><img src="relative.png"><img src="cid:part1@mail"><img src="${GIF}"><input type="image" src="${base}/input.png">`,
    },
  ];
}
