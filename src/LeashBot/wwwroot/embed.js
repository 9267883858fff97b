/*
 * LeashBot chat widget. One line on any site:
 *   <script src="https://bot.example/embed.js" async></script>
 * Optional attributes on that script tag:
 *   data-open="true"        open the chat panel when the page loads
 *   data-title="..."        header title (default: the host's WebChat:Title or organization name)
 *   data-accent="#RRGGBB"   accent colour (default: WebChat:AccentColor)
 *   data-position="left"    put the launcher bottom-left instead of bottom-right
 *   data-websocket="false"  poll instead of using a WebSocket
 * The site's origin must be listed in the host's WebChat:AllowedOrigins; elsewhere no launcher appears (the browser
 * console says why).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__leashBotWidget) { return; }
  window.__leashBotWidget = true;

  var host = new URL(script.src, location.href).origin;
  var data = script.dataset || {};
  var started = false;

  // What this site's browser keeps (localStorage of the site's own origin, one entry per chat host): the visitor key
  // the chat host made (the host derives the visitor's user id from it and this site's origin) and the conversation
  // last joined. It stays until "forget me" in the chat or until the visitor clears the site's data.
  var storageKey = 'leashbot:' + host;
  var saved = readSaved();

  function readSaved() {
    try {
      var value = JSON.parse(window.localStorage.getItem(storageKey) || '{}');
      return value && typeof value === 'object' ? value : {};
    } catch (e) {
      return {};
    }
  }

  function writeSaved(value) {
    saved = value;
    try {
      if (value.visitor) {
        window.localStorage.setItem(storageKey, JSON.stringify(value));
      } else {
        window.localStorage.removeItem(storageKey);
      }
    } catch (e) {
      // Storage blocked (private mode, policy): the chat still works, it just forgets on reload.
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function validColour(value) { return /^#[0-9a-fA-F]{6}$/.test(value || '') ? value : null; }

  // A cat's head in white, its eyes and nose in the accent colour (the colour is checked by validColour).
  function catIcon(accent) {
    return '<svg viewBox="0 0 100 100" aria-hidden="true" focusable="false">' +
      '<g fill="#fff"><polygon points="8,50 12,4 46,28"/><polygon points="92,50 88,4 54,28"/><ellipse cx="50" cy="60" rx="44" ry="36"/></g>' +
      '<g fill="' + accent + '"><ellipse cx="33" cy="56" rx="6.5" ry="10"/><ellipse cx="67" cy="56" rx="6.5" ry="10"/><polygon points="43,71 57,71 50,79"/></g></svg>';
  }

  var closeIcon = '<svg viewBox="0 0 100 100" aria-hidden="true" focusable="false"><path d="M28 28L72 72M72 28L28 72" stroke="#fff" stroke-width="10" stroke-linecap="round"/></svg>';

  function loadWebChat() {
    if (window.WebChat) { return Promise.resolve(window.WebChat); }
    return new Promise(function (resolve, reject) {
      var tag = el('script', { src: host + '/lib/webchat/webchat.js', async: '' });
      tag.onload = function () { window.WebChat ? resolve(window.WebChat) : reject(new Error('Web Chat did not load')); };
      tag.onerror = function () { reject(new Error('Web Chat did not load')); };
      document.head.appendChild(tag);
    });
  }

  function postJson(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    });
  }

  function build(settings) {
    var accent = validColour(data.accent) || validColour(settings.accentColor) || '#2E7D32';
    var title = data.title || settings.title || 'Chat';
    var left = data.position === 'left';
    var side = left ? 'left' : 'right';

    var style = el('style');
    style.textContent =
      '.leashbot-launcher{position:fixed;bottom:20px;' + side + ':20px;z-index:2147483000;width:60px;height:60px;border-radius:50%;' +
      'border:2px solid #fff;background:' + accent + ';color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.35);' +
      'display:flex;align-items:center;justify-content:center;padding:0}' +
      '.leashbot-launcher svg{width:34px;height:34px;display:block}' +
      '.leashbot-launcher:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}' +
      '.leashbot-panel{position:fixed;bottom:92px;' + side + ':20px;z-index:2147483000;width:min(380px,calc(100vw - 40px));' +
      'height:min(560px,calc(100vh - 120px));height:min(560px,calc(100dvh - 120px));' +
      'display:none;flex-direction:column;background:#fff;border-radius:14px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3);font-family:system-ui,sans-serif}' +
      '.leashbot-panel[data-open="true"]{display:flex}' +
      '.leashbot-header{background:' + accent + ';color:#fff;padding:10px 8px 10px 14px;display:flex;align-items:center;justify-content:space-between;gap:8px;font-weight:600;flex:none}' +
      '.leashbot-header span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}' +
      '.leashbot-close{background:transparent;border:0;color:#fff;font-size:26px;cursor:pointer;line-height:1;min-width:44px;min-height:44px;flex:none}' +
      '.leashbot-close:focus-visible{outline:2px solid #fff;outline-offset:-4px}' +
      '.leashbot-body{flex:1;min-height:0;position:relative}' +
      '.leashbot-root{position:absolute;top:0;right:0;bottom:0;left:0}' +
      '.leashbot-status{padding:16px;color:#555;font-size:14px}' +
      // Phones: the open panel takes the whole screen (its close button in reach); closed, only the launcher shows.
      '@media (max-width:480px),(max-height:520px){' +
      '.leashbot-panel{top:0;bottom:0;left:0;right:0;width:100%;height:100%;border-radius:0}' +
      '.leashbot-panel[data-open="true"]~.leashbot-launcher{display:none}' +
      '.leashbot-launcher{bottom:16px;' + side + ':16px}}';
    document.head.appendChild(style);

    var launcher = el('button', { type: 'button', 'class': 'leashbot-launcher', id: 'leashbot-launcher', 'aria-label': 'Open chat: ' + title, 'aria-expanded': 'false', 'aria-controls': 'leashbot-panel' });
    launcher.innerHTML = catIcon(accent);
    var panel = el('section', { 'class': 'leashbot-panel', id: 'leashbot-panel', role: 'dialog', 'aria-label': title, 'data-open': 'false', 'data-state': 'idle' });
    var header = el('div', { 'class': 'leashbot-header' });
    header.appendChild(el('span', {}, title));
    var close = el('button', { type: 'button', 'class': 'leashbot-close', 'aria-label': 'Close chat' }, '×');
    header.appendChild(close);
    var body = el('div', { 'class': 'leashbot-body', id: 'leashbot-webchat' });
    var status = el('div', { 'class': 'leashbot-status', role: 'status' }, 'Connecting…');
    body.appendChild(status);
    panel.appendChild(header);
    panel.appendChild(body);
    document.body.appendChild(panel);
    document.body.appendChild(launcher);

    // One connection at a time. When it fails for good (token expired after a sleep, conversation forgotten when idle,
    // host restarted), the widget asks for a new page token (the host rejoins the conversation while it is alive, or
    // starts a new one for the same visitor), renders the chat again and sends what the visitor typed meanwhile.
    var generation = 0;
    var directLine = null;
    var store = null;
    var unsent = null;       // the text of a message not yet echoed back by the host
    var resend = null;       // what to send once the new connection is up
    var recovering = false;
    var failures = 0;
    var chatRoot = null;

    function requestSession() {
      return postJson(host + '/api/directline/token', { visitor: saved.visitor || null, conversationId: saved.conversationId || null });
    }

    function watch(gen) {
      return function () {
        return function (next) {
          return function (action) {
            if (gen === generation) {
              var activity = action.payload && action.payload.activity;
              if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
                failures = 0;
                panel.setAttribute('data-state', 'ready');
                if (resend) {
                  var text = resend;
                  resend = null;
                  setTimeout(function () { store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } }); }, 0);
                }
              } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && activity && activity.type === 'message' && activity.text) {
                unsent = activity.text;
              } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED') {
                unsent = null;
              } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED') {
                recover();
              } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity) {
                if (activity.type === 'event' && activity.name === 'leashbot.forgotten') {
                  writeSaved({});
                }
              }
            }
            return next(action);
          };
        };
      };
    }

    function connect(WebChat, session) {
      var gen = ++generation;
      writeSaved({ visitor: session.visitor, conversationId: session.conversationId });
      var options = { token: session.token, domain: host + '/v3/directline', webSocket: data.websocket !== 'false' };
      if (session.resumed) {
        // Rejoin: GET conversations/{id} with an empty watermark, so the whole transcript comes back.
        options.conversationId = session.conversationId;
        options.watermark = '';
      }
      directLine = WebChat.createDirectLine(options);
      directLine.connectionStatus$.subscribe(function (status) {
        // 3 expired token, 4 failed to connect, 5 ended (directlinejs ConnectionStatus).
        if (gen === generation && (status === 3 || status === 4 || status === 5)) { recover(); }
      });
      store = WebChat.createStore({}, watch(gen));
      var root = el('div', { 'class': 'leashbot-root' });
      if (chatRoot) { body.removeChild(chatRoot); }
      chatRoot = root;
      body.appendChild(root);
      WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        userID: session.userId,
        styleOptions: {
          accent: accent,
          botAvatarInitials: settings.botAvatarInitials || 'LB',
          userAvatarInitials: 'You',
          hideUploadButton: true,
          // Buttons in one swipeable row leave the transcript room to show the greeting whole.
          suggestedActionLayout: 'carousel',
          // When more than a screenful arrives at once, stop at its start instead of scrolling to its end.
          autoScrollSnapOnPage: true,
          autoScrollSnapOnPageOffset: 8,
          bubbleBorderRadius: 10,
          bubbleFromUserBorderRadius: 10,
          bubbleFromUserBackground: '#eef5ee'
        }
      }, root);
    }

    function recover() {
      if (recovering) { return; }
      recovering = true;
      generation++;
      if (unsent) { resend = unsent; unsent = null; }
      panel.setAttribute('data-state', 'reconnecting');
      if (directLine) { try { directLine.end(); } catch (e) { /* already ended */ } }
      var delay = failures === 0 ? 0 : Math.min(30000, 1000 * Math.pow(2, failures));
      failures++;
      setTimeout(function () {
        Promise.all([loadWebChat(), requestSession()]).then(function (results) {
          recovering = false;
          connect(results[0], results[1]);
        }).catch(function (error) {
          recovering = false;
          console.warn('LeashBot chat: reconnecting failed (' + error.message + '); trying again.');
          recover();
        });
      }, delay);
    }

    function start() {
      if (started) { return; }
      started = true;
      panel.setAttribute('data-state', 'connecting');
      Promise.all([loadWebChat(), requestSession()]).then(function (results) {
        body.removeChild(status);
        connect(results[0], results[1]);
      }).catch(function () {
        started = false;
        status.textContent = 'Sorry, the chat is unavailable right now. Please try again later.';
        panel.setAttribute('data-state', 'error');
      });
    }

    function setOpen(open) {
      panel.setAttribute('data-open', open ? 'true' : 'false');
      launcher.setAttribute('aria-expanded', open ? 'true' : 'false');
      launcher.innerHTML = open ? closeIcon : catIcon(accent);
      launcher.setAttribute('aria-label', (open ? 'Close chat: ' : 'Open chat: ') + title);
      if (open) {
        start();
        close.focus();
      }
    }

    launcher.addEventListener('click', function () { setOpen(panel.getAttribute('data-open') !== 'true'); });
    close.addEventListener('click', function () { setOpen(false); launcher.focus(); });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { setOpen(false); launcher.focus(); }
    });
    if (data.open === 'true') { setOpen(true); }
  }

  // The host answers the settings only to sites allowed to embed the chat; elsewhere no launcher appears, and the
  // console says why.
  function init() {
    fetch(host + '/api/webchat/settings').then(function (r) {
      if (r.ok) { return r.json().then(build); }
      return r.json().catch(function () { return {}; }).then(function (answer) {
        var reason = answer && answer.error ? answer.error.code + ': ' + answer.error.message : 'HTTP ' + r.status;
        console.warn('LeashBot chat is not shown on ' + location.origin + ': ' + reason);
      });
    }, function (error) {
      console.warn('LeashBot chat is not shown: ' + host + ' could not be reached (' + error.message + ').');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
