// A small page that links a phone to an instance: it asks for a token, then shows the live QR
// code and, once the phone has scanned it, the linked account. The HTML holds no data; everything
// it shows comes from the GraphQL API with the token typed into the page.
import { randomBytes } from "node:crypto";
import type { Services } from "../services.ts";
import type { ShimApp } from "./shims.ts";

const STYLE = `
:root { color-scheme: light dark; --accent: #128c7e; --muted: #667781; --bad: #c0392b; }
* { box-sizing: border-box; }
body { margin: 0; padding: 0 1rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  background: #f0f2f5; color: #111b21; }
main { max-width: 26rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px;
  box-shadow: 0 2px 12px rgb(0 0 0 / 8%); }
h1 { margin: 0; font-size: 1.4rem; }
h2 { margin: 0 0 .5rem; font-size: 1.1rem; color: var(--accent); }
.sub { margin: .25rem 0 1.5rem; color: var(--muted); overflow-wrap: anywhere; }
label { display: block; margin-bottom: .35rem; font-weight: 600; }
.row { display: flex; gap: .5rem; }
input { flex: 1; min-width: 0; padding: .55rem .7rem; font: inherit; border: 1px solid #d1d7db; border-radius: 8px; }
button { padding: .55rem 1rem; font: inherit; font-weight: 600; color: #fff; background: var(--accent);
  border: 0; border-radius: 8px; cursor: pointer; }
button:hover { filter: brightness(1.1); }
#status { margin: 1.25rem 0 0; color: var(--muted); }
#error { margin: .75rem 0 0; padding: .6rem .8rem; color: var(--bad); background: rgb(192 57 43 / 8%);
  border-radius: 8px; }
figure { margin: 1rem 0 0; text-align: center; }
figure img { display: block; width: 100%; max-width: 320px; height: auto; margin: 0 auto;
  image-rendering: pixelated; border: 1px solid #e9edef; border-radius: 8px; }
figcaption { margin-top: .75rem; font-size: .9rem; color: var(--muted); }
#account { margin-top: 1rem; padding: 1rem; background: #e7fce3; border-radius: 8px; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .25rem 1rem; margin: 0; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
#retry { margin-top: .75rem; }
[hidden], #status:empty { display: none !important; }
@media (prefers-color-scheme: dark) {
  :root { --bad: #f28b82; }
  body { background: #0b141a; color: #e9edef; }
  main { background: #111b21; }
  input { background: #202c33; color: inherit; border-color: #2a3942; }
  #account { background: #103529; }
  figure img { background: #fff; }
}`;

// Speaks graphql-transport-ws directly; the query, subscription and mutation use the typed token.
const SCRIPT = `
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var parts = location.pathname.split('/');
  var name = decodeURIComponent(parts[parts.length - 2] || '');
  var INSTANCE = 'query Instance($name: String!) { instance(name: $name) { __typename' +
    ' ... on Instance { id name connection account { jid pushName } qrcode { dataUrl } }' +
    ' ... on Error { message } } }';
  var EVENTS = 'subscription Events($id: ID!) { instanceEvents(instanceId: $id,' +
    ' types: [qrcodeUpdate, connectionUpdate]) { type data } }';
  var CONNECT = 'mutation Connect($id: ID!) { connectInstance(id: $id) { __typename' +
    ' ... on Instance { connection qrcode { dataUrl } } ... on Error { message } } }';
  var REFUSED = 'The token was not accepted. Check it and try again.';
  var ws = null, token = '', instanceId = null, handlers = {}, nextId = 0, finished = false, qrSeen = false;

  $('name').textContent = name;
  function show(id, visible) { $(id).hidden = !visible; }
  function status(text) { $('status').textContent = text; }
  function fail(text) {
    $('error').textContent = text; show('error', true); show('qr', false);
    status('');
    if (!instanceId) {
      show('auth', true);
      if (ws) { var socket = ws; ws = null; socket.close(1000); }
    }
  }
  function showQr(dataUrl) {
    if (typeof dataUrl !== 'string' || dataUrl.indexOf('data:image/png;base64,') !== 0) return;
    $('qrimg').src = dataUrl; show('qr', true); show('retry', false);
  }
  // An operation's payload, or null after showing why there is none.
  function unwrap(result, field) {
    var value = result.data && result.data[field];
    if (result.errors && result.errors.length) fail(result.errors[0].message);
    else if (!value) fail('The gateway gave no answer.');
    else if (value.__typename === 'UnauthorizedError') fail(REFUSED);
    else if (value.__typename !== 'Instance') fail(value.message || value.__typename);
    else return value;
    return null;
  }
  function operation(query, variables, onResult) {
    var id = String(++nextId);
    handlers[id] = onResult;
    ws.send(JSON.stringify({ id: id, type: 'subscribe', payload: { query: query, variables: variables } }));
  }
  function lookup() {
    return new Promise(function (resolve) {
      operation(INSTANCE, { name: name }, function (result) { resolve(unwrap(result, 'instance')); });
    });
  }
  // The push name can reach the gateway a little after the link opens: ask again a few times.
  function linked(account, tries) {
    finished = true;
    show('qr', false); show('retry', false); show('auth', false);
    $('push').textContent = account.pushName || '(not known yet)';
    $('jid').textContent = account.jid || '(unknown)';
    show('account', true);
    status('WhatsApp is linked to this instance.');
    if (ws && !account.pushName && (tries || 0) < 20) {
      setTimeout(function () {
        if (ws) lookup().then(function (current) { if (current) linked(current.account || {}, (tries || 0) + 1); });
      }, 500);
    } else if (ws) { var socket = ws; ws = null; socket.close(1000); }
  }
  function onEvent(result) {
    if (result.errors) return fail(result.errors[0].message);
    var event = result.data.instanceEvents, data = event.data || {};
    if (event.type === 'qrcodeUpdate') {
      qrSeen = true; showQr(data.base64);
      status('Scan the code with WhatsApp on the phone' + (data.count > 1 ? ' (code ' + data.count + ').' : '.'));
    } else if (data.state === 'open') {
      show('qr', false); status('Linked. Loading the account…');
      lookup().then(function (instance) { if (instance) linked(instance.account || {}); });
    } else if (data.state === 'connecting') {
      show('qr', false); status('Connecting to WhatsApp…');
    } else if (data.state === 'close' || data.state === 'refused') {
      show('qr', false); show('retry', true);
      status(data.state === 'refused' ? 'No phone scanned the code in time.'
        : 'The session closed' + (data.reason ? ': ' + data.reason : '.'));
    }
  }
  function connect() {
    show('retry', false); show('error', false); qrSeen = false;
    status('Starting the WhatsApp session…');
    fetch(location.origin + '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: JSON.stringify({ query: CONNECT, variables: { id: instanceId } }),
    }).then(function (response) {
      // 401: the token is no longer valid (revoked since the page connected).
      return response.status === 401 ? null : response.json();
    }).then(function (result) {
      if (!result) { instanceId = null; return fail(REFUSED); }
      var instance = unwrap(result, 'connectInstance');
      if (!instance || finished || qrSeen) return;
      if (instance.qrcode) showQr(instance.qrcode.dataUrl);
      else status('Waiting for a QR code…');
      // A code made before the subscription was live is only visible by asking again.
      setTimeout(function () {
        if (finished || qrSeen || !ws) return;
        lookup().then(function (current) {
          if (!current || finished || qrSeen) return;
          if (current.connection === 'open' && current.account) linked(current.account);
          else if (current.qrcode) { showQr(current.qrcode.dataUrl); status('Scan the code with WhatsApp on the phone.'); }
        });
      }, 2000);
    }).catch(function () { fail('Could not reach the gateway.'); });
  }
  function begin() {
    lookup().then(function (instance) {
      if (!instance) return;
      instanceId = instance.id;
      show('auth', false);
      if (instance.connection === 'open' && instance.account) return linked(instance.account);
      if (instance.qrcode) showQr(instance.qrcode.dataUrl);
      operation(EVENTS, { id: instance.id }, onEvent);
      connect();
    });
  }
  function start(value) {
    token = value; instanceId = null; finished = false; handlers = {};
    if (ws) ws.close(1000);
    show('error', false); show('qr', false); show('account', false); show('retry', false);
    status('Contacting the gateway…');
    var socket = new WebSocket(location.origin.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws');
    ws = socket;
    socket.onopen = function () {
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer ' + token } }));
    };
    socket.onmessage = function (message) {
      if (socket !== ws) return;
      var msg = JSON.parse(message.data);
      if (msg.type === 'connection_ack') begin();
      else if (msg.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
      else if (msg.type === 'next' && handlers[msg.id]) handlers[msg.id](msg.payload);
      else if (msg.type === 'error' && handlers[msg.id]) handlers[msg.id]({ errors: msg.payload });
      if (msg.type === 'complete' || msg.type === 'error') delete handlers[msg.id];
    };
    socket.onclose = function (event) {
      if (socket !== ws) return;
      ws = null; instanceId = null; show('retry', false);
      // 4403: the gateway refused the token when the connection opened, or it was revoked since.
      if (event.code === 4403) fail(REFUSED);
      else if (!finished) fail('The connection to the gateway closed' + (event.reason ? ': ' + event.reason : '.'));
    };
  }

  $('auth').addEventListener('submit', function (event) {
    event.preventDefault();
    var value = $('token').value.trim();
    if (value) start(value);
  });
  $('retry').addEventListener('click', connect);
  var params = new URLSearchParams(location.search);
  var fromUrl = params.get('token');
  if (fromUrl !== null) {
    params.delete('token');
    var rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
    if (fromUrl) { $('token').value = fromUrl; start(fromUrl); }
  }
})();`;

function page(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Link WhatsApp · wagraph</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<main>
  <h1>Link WhatsApp</h1>
  <p class="sub">Instance <strong id="name"></strong></p>
  <form id="auth" autocomplete="off">
    <label for="token">Instance or account token</label>
    <div class="row"><input id="token" name="token" type="password" required spellcheck="false">
      <button type="submit">Connect</button></div>
  </form>
  <p id="error" role="alert" hidden></p>
  <p id="status" role="status" aria-live="polite"></p>
  <figure id="qr" hidden>
    <img id="qrimg" alt="QR code to scan with WhatsApp" width="320" height="320">
    <figcaption>On the phone, open WhatsApp › Settings › Linked devices › Link a device, and point the camera at this code.</figcaption>
  </figure>
  <button id="retry" type="button" hidden>Show a new code</button>
  <section id="account" hidden>
    <h2>Connected</h2>
    <dl><dt>Name</dt><dd id="push"></dd><dt>JID</dt><dd id="jid"></dd></dl>
  </section>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

/** `GET /instances/:name/connect`: the linking page. It needs no token to load, only to show anything. */
export function registerConnectPage(app: ShimApp, _services: Services): void {
  app.get("/instances/:name/connect", { schema: { hide: true } }, async (_request, reply) => {
    const nonce = randomBytes(16).toString("base64");
    const policy =
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; ` +
      "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    return reply
      .header("content-security-policy", policy)
      .header("referrer-policy", "no-referrer")
      .header("x-content-type-options", "nosniff")
      .header("x-frame-options", "DENY")
      .header("cache-control", "no-store")
      .type("text/html; charset=utf-8")
      .send(page(nonce));
  });
}
