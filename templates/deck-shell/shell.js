/* deckhand deck shell: keyboard navigation, URL hash, fullscreen and presenter view.
 * Plain ES2020, no dependencies, no network. Expects Marp's markup
 *   #deckhand-deck > div.marpit > svg[data-marpit-svg] > foreignObject > section  (one svg per slide)
 * and (optionally) speaker notes as a JSON array of strings in #deckhand-notes, and the
 * interface words (from the catalogue, templates/i18n/<lang>.yaml) as JSON in #deckhand-ui. */
(() => {
  'use strict';

  const root = document.documentElement;
  const $ = (id) => document.getElementById(id);
  const setText = (id, text) => { const el = $(id); if (el) el.textContent = text; };

  const deck = $('deckhand-deck') || document.body;
  const slides = Array.from(deck.querySelectorAll('div.marpit > svg[data-marpit-svg]'));
  const total = slides.length;
  // The audience copy (deck.public.html) has no presenter panel, hence no presenter view.
  const hasPresenter = Boolean($('deckhand-presenter'));
  const isPresenter = hasPresenter && new URLSearchParams(location.search).get('view') === 'presenter';
  let current = 0; // 1-based number of the slide on screen (0 until the first render)

  // Speaker notes: one string per slide. Missing or malformed JSON means "no notes".
  const notes = (() => {
    try {
      const data = JSON.parse(($('deckhand-notes') || {}).textContent || '[]');
      return Array.isArray(data) ? data.map((n) => (typeof n === 'string' ? n : '')) : [];
    } catch (_) {
      return [];
    }
  })();

  // Interface words, with {current}/{total}/{title} placeholders; the English fallbacks only
  // matter for a custom shell template that leaves #deckhand-ui out.
  const ui = (() => {
    try {
      const data = JSON.parse(($('deckhand-ui') || {}).textContent || '{}');
      return data && typeof data === 'object' ? data : {};
    } catch (_) {
      return {};
    }
  })();
  const say = (key, params) => String(ui[key] || '').replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : ''));

  // Slide aspect ratio (from the viewBox) lets CSS size the presenter panes exactly.
  const box = slides[0] && slides[0].viewBox && slides[0].viewBox.baseVal;
  if (box && box.width && box.height) root.style.setProperty('--deckhand-aspect', String(box.width / box.height));

  /* ---- Navigation --------------------------------------------------------- */

  // Show slide n (clamped to 1..total). Options: history (update the hash, default true),
  // replace (replace the history entry instead of pushing), broadcast (tell the other window).
  function go(n, opts = {}) {
    n = Math.trunc(Number(n));
    if (!total || !Number.isFinite(n)) return current;
    n = Math.min(Math.max(n, 1), total);
    if (n === current) return current;
    current = n;
    render();
    if (opts.history !== false) writeHash(n, opts.replace);
    if (opts.broadcast !== false) send(n);
    return current;
  }
  const next = () => go(current + 1);
  const prev = () => go(current - 1);

  function render() {
    slides.forEach((svg, i) => {
      if (i + 1 === current) svg.setAttribute('aria-current', 'true');
      else svg.removeAttribute('aria-current');
    });
    root.dataset.slide = String(current);
    setText('deckhand-live', say('slideOf', { current, total }));
    if (isPresenter) renderPresenter();
  }

  /* ---- URL hash: #3 = slide 3 ------------------------------------------- */

  // "#n" with 1 <= n <= total, or the id of an element inside a slide (e.g. a heading
  // anchor); anything else is invalid and means slide 1.
  function slideFromHash() {
    let raw = '';
    try { raw = decodeURIComponent(location.hash.slice(1)); } catch (_) { return 1; }
    if (/^\d+$/.test(raw)) return Number(raw) >= 1 && Number(raw) <= total ? Number(raw) : 1;
    const el = raw ? document.getElementById(raw) : null;
    const index = el ? slides.indexOf(el.closest('svg[data-marpit-svg]')) : -1;
    return index >= 0 ? index + 1 : 1;
  }

  // pushState/replaceState do not fire hashchange and do not scroll to id="n".
  function writeHash(n, replace) {
    const hash = '#' + n;
    if (location.hash === hash) return;
    try {
      history[replace ? 'replaceState' : 'pushState'](null, '', hash);
    } catch (_) { // some file:// contexts refuse the History API
      if (replace) location.replace(hash); else location.hash = hash;
    }
  }

  window.addEventListener('hashchange', () => {
    go(slideFromHash(), { history: false });
    if (total) writeHash(current, true); // normalise an invalid hash to "#<current>"
  });

  /* ---- Sync between the audience and presenter windows ------------------ */

  // Messages: { deckhand: 1, deck, from, seq, slide }. BroadcastChannel reaches every window
  // of this file; postMessage to opener / presenter window is the fallback (file:// may
  // forbid BroadcastChannel). Both may deliver the same message: seq de-duplicates.
  const me = Math.random().toString(36).slice(2);
  const deckKey = location.pathname;
  const seen = Object.create(null);
  let seq = 0;
  let channel = null;
  let presenterWin = null;
  try {
    channel = new BroadcastChannel('deckhand');
    channel.onmessage = (e) => receive(e.data);
  } catch (_) {
    channel = null;
  }

  function send(n) {
    const msg = { deckhand: 1, deck: deckKey, from: me, seq: ++seq, slide: n };
    if (channel) { try { channel.postMessage(msg); } catch (_) { /* closed */ } }
    const peer = isPresenter ? window.opener : presenterWin;
    if (peer && !peer.closed) { try { peer.postMessage(msg, '*'); } catch (_) { /* gone */ } }
  }

  function receive(msg) {
    if (!msg || msg.deckhand !== 1 || msg.deck !== deckKey || msg.from === me) return;
    if (typeof msg.from !== 'string' || !(msg.seq > (seen[msg.from] || 0))) return; // duplicate or stale
    seen[msg.from] = msg.seq;
    go(msg.slide, { broadcast: false });
  }

  window.addEventListener('message', (e) => {
    if (e.source && (e.source === window.opener || e.source === presenterWin)) receive(e.data);
  });

  /* ---- Keyboard, mouse, touch -------------------------------------------- */

  const NEXT_KEYS = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter'];
  const PREV_KEYS = ['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace'];

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    const t = e.target instanceof Element ? e.target : null;
    if (t && (t.isContentEditable || t.closest('input, textarea, select'))) return;
    const k = e.key;
    if ((k === ' ' || k === 'Enter') && t && t.closest('button, a[href], summary')) return; // let controls activate
    if (k === ' ' && e.shiftKey) prev();
    else if (NEXT_KEYS.includes(k)) next();
    else if (PREV_KEYS.includes(k)) prev();
    else if (k === 'Home') go(1);
    else if (k === 'End') go(total);
    else if (k === 'f' || k === 'F') toggleFullscreen();
    else if ((k === 'p' || k === 'P') && hasPresenter && !isPresenter) openPresenter();
    else return;
    e.preventDefault();
  });

  // Click on the right half of the slide area: next; left half: previous.
  deck.addEventListener('click', (e) => {
    if (e.button !== 0 || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.target instanceof Element &&
        e.target.closest('a, button, input, select, textarea, label, summary, video, audio, iframe')) return;
    const selection = window.getSelection ? window.getSelection() : null;
    if (selection && !selection.isCollapsed && String(selection).trim()) return; // user is selecting text
    const r = deck.getBoundingClientRect();
    if (e.clientX - r.left >= r.width / 2) next(); else prev();
  });

  // Horizontal swipe on touch screens.
  let touchStart = null;
  deck.addEventListener('touchstart', (e) => {
    touchStart = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY } : null;
  }, { passive: true });
  deck.addEventListener('touchend', (e) => {
    const t = e.changedTouches[0];
    if (!touchStart || !t) return;
    const dx = t.clientX - touchStart.x;
    const dy = t.clientY - touchStart.y;
    touchStart = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) { if (dx < 0) next(); else prev(); }
  }, { passive: true });

  function toggleFullscreen() {
    const d = document;
    try {
      if (d.fullscreenElement || d.webkitFullscreenElement) {
        if (d.exitFullscreen) d.exitFullscreen().catch(() => {});
        else if (d.webkitExitFullscreen) d.webkitExitFullscreen();
      } else if (root.requestFullscreen) {
        root.requestFullscreen().catch(() => {});
      } else if (root.webkitRequestFullscreen) {
        root.webkitRequestFullscreen();
      }
    } catch (_) { /* fullscreen not allowed here */ }
  }

  /* ---- Presenter view ------------------------------------------------------ */

  function openPresenter() {
    if (presenterWin && !presenterWin.closed) { presenterWin.focus(); return; }
    const url = new URL(location.href);
    url.search = '?view=presenter';
    url.hash = '#' + (current || 1);
    presenterWin = window.open(url.href, 'deckhand-presenter', 'popup,width=1280,height=800');
  }

  let timerStart = Date.now();
  const pad = (n) => String(n).padStart(2, '0');
  function tick() {
    const s = Math.max(0, Math.floor((Date.now() - timerStart) / 1000));
    setText('deckhand-timer', `${pad(Math.floor(s / 60))}:${pad(s % 60)}`);
  }

  function setupPresenter() {
    root.classList.add('deckhand-presenter-mode');
    const panel = $('deckhand-presenter');
    if (panel) panel.hidden = false;
    document.title = say('windowTitle', { title: document.title });
    const reset = $('deckhand-timer-reset');
    if (reset) reset.addEventListener('click', () => { timerStart = Date.now(); tick(); });
    const nextBox = $('deckhand-presenter-next');
    if (nextBox) nextBox.addEventListener('click', () => next());
    tick();
    setInterval(tick, 250);
  }

  // Notes via textContent only; the next slide is a deep clone of its svg, wrapped in
  // div.marpit so that Marp's scoped theme CSS applies to it.
  function renderPresenter() {
    setText('deckhand-presenter-page', say('slideCounter', { current, total }));
    setText('deckhand-presenter-notes', notes[current - 1] || '');
    const nextBox = $('deckhand-presenter-next');
    if (!nextBox) return;
    const upcoming = slides[current]; // 0-based index `current` is slide current+1
    if (upcoming) {
      const wrap = document.createElement('div');
      wrap.className = 'marpit';
      const copy = upcoming.cloneNode(true);
      copy.removeAttribute('aria-current');
      copy.setAttribute('aria-hidden', 'true');
      copy.setAttribute('inert', '');
      wrap.appendChild(copy);
      nextBox.replaceChildren(wrap);
    } else {
      const end = document.createElement('p');
      end.className = 'deckhand-presenter-end';
      end.textContent = say('endOfDeck', {});
      nextBox.replaceChildren(end);
    }
  }

  /* ---- Start ----------------------------------------------------------------- */

  if (isPresenter) setupPresenter();
  root.dataset.slide = '0';
  go(slideFromHash(), { history: false, broadcast: false });
  if (total) writeHash(current, true);

  window.deckhand = Object.freeze({
    go: (n) => go(n),
    next,
    prev,
    current: () => current,
    total: () => total,
  });
})();
