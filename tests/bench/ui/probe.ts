/**
 * What the benchmark installs in the page before the console's own code runs (as plain JavaScript:
 * functions handed to the page must not carry the TypeScript loader's helpers). It keeps, on
 * `window.__kb`:
 *  - every api call the console sends over the WebSocket (method, input, when) and when its
 *    result frame arrives and how big it is, before the console's own listener sees it;
 *  - how long each large JSON.parse takes (the result frames);
 *  - long tasks and long animation frames (PerformanceObserver);
 *  - the timestamps of one armed measurement: a click on a conversation (→ its first message in
 *    the Messages log with its subject in the header, → the next frame painted) or a search (last
 *    input event → request → result frame → results in the DOM → painted);
 *  - a requestAnimationFrame counter for the scroll test.
 * "Painted" is taken as a task posted from the requestAnimationFrame callback that follows the DOM
 * change: it runs after that frame's style, layout and paint.
 */
export const PROBE_SOURCE = String.raw`
(() => {
  if (window.__kb) return;
  const now = () => performance.now();
  const nativeParse = JSON.parse;
  const kb = {
    calls: {},
    parses: [],
    longTasks: [],
    loafs: [],
    progress: null,
    open: null,
    search: null,
    frames: null,
    /** set while profiling: mark the first paint in the CPU profile */
    markPaint: false,
  };
  window.__kb = kb;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) kb.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {}
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        kb.loafs.push({
          start: entry.startTime,
          duration: entry.duration,
          blocking: entry.blockingDuration,
          renderStart: entry.renderStart,
          styleAndLayoutStart: entry.styleAndLayoutStart,
          scripts: (entry.scripts || []).map((script) => ({
            invoker: script.invoker,
            duration: script.duration,
            forcedStyleAndLayout: script.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (error) {}

  JSON.parse = function (text, reviver) {
    if (typeof text === 'string' && text.length > 20000) {
      const started = now();
      const result = nativeParse.call(JSON, text, reviver);
      kb.parses.push({ at: started, ms: now() - started, bytes: text.length });
      return result;
    }
    return nativeParse.call(JSON, text, reviver);
  };

  const NativeSocket = window.WebSocket;
  const nativeSend = NativeSocket.prototype.send;
  NativeSocket.prototype.send = function (data) {
    if (typeof data === 'string' && data.length < 20000) {
      try {
        const frame = nativeParse.call(JSON, data);
        if (frame && frame.type === 'call') {
          const call = { id: frame.id, method: frame.method, input: frame.input, sentAt: now(), recvAt: null, bytes: 0 };
          kb.calls[frame.id] = call;
          const search = kb.search;
          if (search && frame.method === 'messages.search' && frame.input && frame.input.query === search.query.trim() && search.callId === null) {
            search.callId = frame.id;
            search.sentAt = call.sentAt;
          }
        }
      } catch (error) {}
    }
    return nativeSend.call(this, data);
  };
  const onFrame = (message) => {
    const at = now();
    const data = typeof message.data === 'string' ? message.data : '';
    const head = /^\{"type":"(result|event)"(?:,"id":(-?\d+))?/.exec(data.slice(0, 64));
    if (!head) return;
    if (head[1] === 'result') {
      const call = kb.calls[Number(head[2])];
      if (call && call.recvAt === null) {
        call.recvAt = at;
        call.bytes = data.length;
      }
      const search = kb.search;
      if (search && search.callId === Number(head[2]) && search.recvAt === null) {
        search.recvAt = at;
        const region = document.querySelector('[role="region"][aria-label="Search results"]');
        search.headerAtRecv = region && region.previousElementSibling ? region.previousElementSibling.textContent : null;
      }
    } else if (data.length < 4000 && data.indexOf('"analysis.backlog"') !== -1) {
      try {
        const payload = nativeParse.call(JSON, data).event.payload;
        kb.progress = { done: payload.done, total: payload.total, at };
      } catch (error) {}
    }
  };
  window.WebSocket = new Proxy(NativeSocket, {
    construct(target, args) {
      const socket = Reflect.construct(target, args);
      socket.addEventListener('message', onFrame);
      return socket;
    },
  });

  // a named function that runs for 2 ms, so a CPU profile can be split at the moment it ran
  function kbPaintedMarker() {
    kb.markerRanAt = now();
    const end = kb.markerRanAt + 3;
    while (now() < end) {}
  }

  // after a DOM change: the frame it is painted in, then a task after that frame
  const afterPaint = (record, done) => {
    requestAnimationFrame(() => {
      record.rafAt = now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        record.paintAt = now();
        performance.mark('kb-painted');
        if (kb.markPaint) kbPaintedMarker();
        done();
      };
      channel.port2.postMessage(0);
    });
  };

  const conversationShown = (subject) => {
    for (const article of document.querySelectorAll('section[aria-label="Conversation"] article')) {
      const title = article.querySelector('h2');
      if (!title || title.textContent.trim() !== subject) continue;
      const log = article.querySelector('[role="log"][aria-label="Messages"]');
      const first = log && log.querySelector('[data-testid="message"]');
      if (first) return log;
    }
    return null;
  };

  document.addEventListener('click', (event) => {
    const open = kb.open;
    if (open && open.clickAt === null) {
      open.clickAt = event.timeStamp;
      open.clickHandledAt = now();
      performance.mark('kb-click');
    }
  }, true);
  document.addEventListener('input', (event) => {
    const search = kb.search;
    const target = event.target;
    if (search && target && target.getAttribute && target.getAttribute('aria-label') === 'Search all messages' && target.value === search.query) {
      search.inputAt = event.timeStamp;
      search.inputHandledAt = now();
    }
  }, true);

  // after the first paint: the frame in which the thread shows its end (the newest message; within
  // the list's end padding), as a reader sees it once it has scrolled there; gives up after 5 s
  const watchBottom = (open, done) => {
    const started = now();
    const check = () => {
      requestAnimationFrame(() => {
        const log = conversationShown(open.subject);
        if (log && log.querySelector('[data-testid="message"]') && log.scrollHeight - log.scrollTop - log.clientHeight < 64) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            open.bottomAt = now();
            done();
          };
          channel.port2.postMessage(0);
        } else if (now() - started < 5000) check();
        else done();
      });
    };
    check();
  };

  kb.armOpen = (subject) => {
    let resolve;
    const open = {
      subject, clickAt: null, clickHandledAt: null, domAt: null, rafAt: null, paintAt: null, bottomAt: null,
      messagesInDom: 0, domNodes: 0, done: null,
    };
    open.done = new Promise((r) => { resolve = r; });
    const observer = new MutationObserver(() => {
      if (open.clickAt === null || open.domAt !== null) return;
      const log = conversationShown(subject);
      if (!log) return;
      open.domAt = now();
      observer.disconnect();
      open.messagesInDom = log.querySelectorAll('[data-testid="message"]').length;
      open.domNodes = document.getElementsByTagName('*').length;
      afterPaint(open, () => watchBottom(open, () => resolve(true)));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: false });
    kb.open = open;
    return true;
  };

  kb.armSearch = (query) => {
    let resolve;
    const search = {
      query, inputAt: null, inputHandledAt: null, callId: null, sentAt: null, recvAt: null, headerAtRecv: null,
      domAt: null, rafAt: null, paintAt: null, header: null, hits: 0, done: null,
    };
    search.done = new Promise((r) => { resolve = r; });
    const observer = new MutationObserver(() => {
      if (search.recvAt === null || search.domAt !== null) return;
      const region = document.querySelector('[role="region"][aria-label="Search results"]');
      const header = region && region.previousElementSibling ? region.previousElementSibling.textContent : null;
      if (!region || !header || !/ ms$/.test(header.trim()) || header === search.headerAtRecv) return;
      search.domAt = now();
      observer.disconnect();
      search.header = header.trim();
      search.hits = region.querySelectorAll('[data-testid="search-hit"]').length;
      afterPaint(search, () => resolve(true));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    kb.search = search;
    return true;
  };

  kb.startFrames = () => {
    const frames = { start: now(), end: null, count: 0, last: null, deltas: [], running: true };
    kb.frames = frames;
    const tick = (at) => {
      if (!frames.running) return;
      if (frames.last !== null) frames.deltas.push(at - frames.last);
      frames.last = at;
      frames.count += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return frames.start;
  };
  kb.stopFrames = () => {
    const frames = kb.frames;
    frames.running = false;
    frames.end = now();
    return { start: frames.start, end: frames.end, count: frames.count, deltas: frames.deltas };
  };

  /** Everything recorded between two moments, for one measurement. */
  kb.window = (from, to) => ({
    calls: Object.values(kb.calls).filter((call) => call.sentAt >= from - 1 && call.sentAt <= to),
    parses: kb.parses.filter((parse) => parse.at >= from && parse.at <= to),
    longTasks: kb.longTasks.filter((task) => task.start + task.duration >= from && task.start <= to),
    loafs: kb.loafs.filter((frame) => frame.start + frame.duration >= from && frame.start <= to),
  });
  kb.strip = (record) => {
    const copy = Object.assign({}, record);
    delete copy.done;
    return copy;
  };
})();
`;
