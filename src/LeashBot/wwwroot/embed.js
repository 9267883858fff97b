/*
 * LeashBot chat widget. One line on any site:
 *   <script src="https://bot.example/embed.js" async></script>
 * Optional attributes on that script tag:
 *   data-open="true"        open the chat panel when the page loads
 *   data-title="..."        header title (default: the host's WebChat:Title or organization name)
 *   data-accent="#RRGGBB"   accent colour (default: WebChat:AccentColor)
 *   data-position="left"    put the launcher bottom-left instead of bottom-right
 *   data-websocket="false"  poll instead of using a WebSocket
 *   data-theme="dark"       dark or light; by default the site's own color-scheme, else the visitor's system setting
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

  // Dark when the page says so (data-theme, or a site that declares only a dark color-scheme), else as the system is.
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  function isDark() {
    if (data.theme === 'dark' || data.theme === 'light') { return data.theme === 'dark'; }
    var declared = (getComputedStyle(document.documentElement).colorScheme || '').trim();
    if (declared === 'dark' || declared === 'only dark') { return true; }
    if (declared === 'light' || declared === 'only light') { return false; }
    return !!(systemDark && systemDark.matches);
  }

  // Web Chat's colours for each theme; the accent stays the site's.
  function webChatStyle(accent, settings, dark) {
    var style = {
      accent: accent,
      botAvatarInitials: settings.botAvatarInitials || 'LB',
      userAvatarInitials: 'You',
      hideUploadButton: true,
      // Buttons wrap onto as many rows as they need, so a phone shows them all.
      suggestedActionLayout: 'flow',
      suggestedActionHeight: 40,
      // Past three rows the buttons scroll, so the transcript keeps room for the bot's words.
      suggestedActionsFlowMaxHeight: 150,
      // When more than a screenful arrives at once, stop at its start instead of scrolling to its end.
      autoScrollSnapOnPage: true,
      autoScrollSnapOnPageOffset: 8,
      bubbleBorderRadius: 10,
      bubbleFromUserBorderRadius: 10,
      bubbleFromUserBackground: '#eef5ee',
      sendBoxButtonColor: '#555',
      typingAnimationDuration: 10000
    };
    if (dark) {
      style.backgroundColor = '#1b1d1f';
      style.bubbleBackground = '#2c2f33';
      style.bubbleTextColor = '#f1f3f4';
      style.bubbleBorderColor = '#3c4043';
      style.bubbleFromUserBackground = '#23432a';
      style.bubbleFromUserTextColor = '#f1f3f4';
      style.bubbleFromUserBorderColor = '#2f5a38';
      style.sendBoxBackground = '#1b1d1f';
      style.sendBoxTextColor = '#f1f3f4';
      style.sendBoxPlaceholderColor = '#b8bcc0';
      style.sendBoxButtonColor = '#d0d4d8';
      style.sendBoxBorderTop = 'solid 1px #3c4043';
      style.suggestedActionBackgroundColor = '#1b1d1f';
      style.suggestedActionTextColor = '#9fd8a6';
      style.suggestedActionBorderColor = '#9fd8a6';
      style.subtle = '#b8bcc0';
      style.timestampColor = '#b8bcc0';
      // "Connecting…" and other connection notes: Web Chat's default grey is unreadable on the dark background.
      style.notificationText = '#b8bcc0';
      style.avatarBackgroundColor = '#3c4043';
      style.avatarColor = '#f1f3f4';
      style.transcriptOverlayButtonBackground = '#3c4043';
      style.transcriptOverlayButtonColor = '#f1f3f4';
      style.paddingRegular = 10;
    }
    return style;
  }

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
      '.leashbot-badge{position:absolute;top:-6px;' + (left ? 'left' : 'right') + ':-6px;min-width:24px;height:24px;padding:0 6px;border-radius:12px;' +
      'background:#b3261e;color:#fff;border:2px solid #fff;font:700 13px/20px system-ui,sans-serif;box-sizing:border-box;text-align:center}' +
      '.leashbot-badge[hidden]{display:none}' +
      // Open, the panel takes the launcher's corner: its header's close button is the only one.
      '.leashbot-panel{position:fixed;bottom:20px;' + side + ':20px;z-index:2147483000;width:min(380px,calc(100vw - 40px));' +
      'height:min(600px,calc(100vh - 40px));height:min(600px,calc(100dvh - 40px));' +
      'display:none;flex-direction:column;background:#fff;color:#1f1f1f;border-radius:14px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3);font-family:system-ui,sans-serif}' +
      '.leashbot-panel[data-open="true"]{display:flex}' +
      '.leashbot-panel[data-open="true"]~.leashbot-launcher{display:none}' +
      '.leashbot-panel[data-theme="dark"]{background:#1b1d1f;color:#f1f3f4;box-shadow:0 8px 30px rgba(0,0,0,.6)}' +
      '.leashbot-header{background:' + accent + ';color:#fff;padding:8px 6px 8px 14px;display:flex;align-items:center;justify-content:space-between;gap:8px;font-weight:600;flex:none}' +
      '.leashbot-header h2{margin:0;font-size:16px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}' +
      '.leashbot-close{background:transparent;border:0;color:#fff;font-size:26px;cursor:pointer;line-height:1;min-width:44px;min-height:44px;flex:none;border-radius:8px}' +
      '.leashbot-close:focus-visible{outline:2px solid #fff;outline-offset:-4px}' +
      '.leashbot-body{flex:1;min-height:0;position:relative}' +
      '.leashbot-root{position:absolute;top:0;right:0;bottom:0;left:0}' +
      '.leashbot-status{padding:16px;font-size:14px}' +
      // Phones: the open panel takes the whole screen, as a modal dialog; closed, only the launcher shows.
      '@media (max-width:480px),(max-height:520px){' +
      '.leashbot-panel{top:0;bottom:0;left:0;right:0;width:100%;height:100%;border-radius:0}' +
      '.leashbot-launcher{bottom:16px;' + side + ':16px}}';
    document.head.appendChild(style);

    var launcher = el('button', { type: 'button', 'class': 'leashbot-launcher', id: 'leashbot-launcher', 'aria-label': 'Open chat: ' + title, 'aria-expanded': 'false', 'aria-controls': 'leashbot-panel' });
    launcher.innerHTML = catIcon(accent);
    var badge = el('span', { 'class': 'leashbot-badge', 'aria-hidden': 'true', hidden: '' });
    launcher.appendChild(badge);
    var panel = el('section', { 'class': 'leashbot-panel', id: 'leashbot-panel', role: 'dialog', 'aria-labelledby': 'leashbot-title', 'aria-modal': 'false', 'data-open': 'false', 'data-state': 'idle' });
    var header = el('div', { 'class': 'leashbot-header' });
    header.appendChild(el('h2', { id: 'leashbot-title' }, title));
    var close = el('button', { type: 'button', 'class': 'leashbot-close', 'aria-label': 'Close chat' }, '×');
    header.appendChild(close);
    var body = el('div', { 'class': 'leashbot-body', id: 'leashbot-webchat' });
    var status = el('div', { 'class': 'leashbot-status', role: 'status' }, 'Connecting…');
    body.appendChild(status);
    panel.appendChild(header);
    panel.appendChild(body);
    document.body.appendChild(panel);
    document.body.appendChild(launcher);

    // Full screen on a phone the chat is a modal dialog: aria-modal, and Tab stays inside it.
    var phone = window.matchMedia ? window.matchMedia('(max-width:480px),(max-height:520px)') : null;
    function isOpen() { return panel.getAttribute('data-open') === 'true'; }
    function fitModal() { panel.setAttribute('aria-modal', isOpen() && phone && phone.matches ? 'true' : 'false'); }
    if (phone && phone.addEventListener) { phone.addEventListener('change', fitModal); }

    function focusables() {
      return Array.prototype.filter.call(
        panel.querySelectorAll('button, [href], input, textarea, select, [tabindex]:not([tabindex="-1"])'),
        function (node) { return !node.disabled && node.getClientRects().length > 0; });
    }

    // Unread bot messages while the panel is closed, on the launcher.
    var unread = 0;
    function showUnread() {
      badge.textContent = unread > 9 ? '9+' : String(unread);
      if (unread > 0) { badge.removeAttribute('hidden'); } else { badge.setAttribute('hidden', ''); }
      launcher.setAttribute('aria-label', 'Open chat: ' + title + (unread > 0 ? ' (' + unread + ' new ' + (unread === 1 ? 'message' : 'messages') + ')' : ''));
    }

    // Dark or light, now and whenever the system setting changes.
    var dark = isDark();
    panel.setAttribute('data-theme', dark ? 'dark' : 'light');
    var rendered = null;
    if (systemDark && systemDark.addEventListener) {
      systemDark.addEventListener('change', function () {
        dark = isDark();
        panel.setAttribute('data-theme', dark ? 'dark' : 'light');
        if (rendered) { rendered.props.styleOptions = webChatStyle(accent, settings, dark); window.WebChat.renderWebChat(rendered.props, rendered.root); }
      });
    }

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
    var replayUntil = 0;     // a rejoined conversation replays its transcript: that is not unread
    var typingCount = 0;

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
                replayUntil = Date.now() + 1500;
                panel.setAttribute('data-state', 'ready');
                if (resend) {
                  var text = resend;
                  resend = null;
                  setTimeout(function () { store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } }); }, 0);
                }
              } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && activity && activity.type === 'message') {
                if (activity.text) { unsent = activity.text; }
                // The bot answers within the request; until then Web Chat shows it typing.
                var typing = { type: 'typing', id: 'leashbot-typing-' + (++typingCount), from: { id: 'leashbot', name: 'LeashBot', role: 'bot' }, timestamp: new Date().toISOString(), channelData: {} };
                setTimeout(function () { store.dispatch({ type: 'DIRECT_LINE/INCOMING_ACTIVITY', payload: { activity: typing } }); }, 0);
              } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED') {
                unsent = null;
              } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_REJECTED') {
                recover();
              } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && activity) {
                if (activity.type === 'event' && activity.name === 'leashbot.forgotten') {
                  writeSaved({});
                } else if (activity.type === 'message' && activity.from && activity.from.role === 'bot' && !isOpen() && Date.now() > replayUntil) {
                  unread++;
                  showUnread();
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
      var props = { directLine: directLine, store: store, userID: session.userId, styleOptions: webChatStyle(accent, settings, dark) };
      rendered = { props: props, root: root };
      WebChat.renderWebChat(props, root);
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
      fitModal();
      if (open) {
        unread = 0;
        showUnread();
        start();
        close.focus();
      } else {
        launcher.focus();
      }
    }

    launcher.addEventListener('click', function () { setOpen(true); });
    close.addEventListener('click', function () { setOpen(false); });
    panel.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        setOpen(false);
      } else if (event.key === 'Tab' && panel.getAttribute('aria-modal') === 'true') {
        var nodes = focusables();
        if (nodes.length === 0) { return; }
        var first = nodes[0];
        var last = nodes[nodes.length - 1];
        if (event.shiftKey && document.activeElement === first) {
          last.focus();
          event.preventDefault();
        } else if (!event.shiftKey && document.activeElement === last) {
          first.focus();
          event.preventDefault();
        }
      }
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
