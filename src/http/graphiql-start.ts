// The script that starts GraphiQL in the browser, served as a file next to GraphiQL's bundle
// (the page runs under a CSP without inline scripts).
//
// Its fetcher sends the headers of GraphiQL's Headers tab with every operation: over HTTP for
// queries and mutations, and as graphql-ws connection params for subscriptions (the gateway
// checks the token when the socket opens). While no schema has loaded, an edit of the headers
// fetches it again, so pasting {"Authorization": "Bearer <token>"} is all a user has to do.
export const GRAPHIQL_START_SCRIPT = `
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var options = config.options;
  var endpoint = new URL(location.pathname, location.href).href;
  var socketUrl = endpoint.replace(/^http/, 'ws');

  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return new URL(config.workers[label] || config.workers.editorWorkerService, location.href).href;
    },
  };

  var schemaLoaded = false;
  var sockets = {};
  // One lazy graphql-ws client per set of headers: its socket opens with them and closes
  // when its last subscription ends.
  function socketFor(headers) {
    var key = JSON.stringify(headers);
    if (!sockets[key]) {
      sockets[key] = graphqlWs.createClient({ url: socketUrl, connectionParams: headers, lazy: true, retryAttempts: 0 });
    }
    return sockets[key];
  }
  // The type of the operation to run (the named one, or the first), read from the query text:
  // GraphiQL's parsed document can lag behind an edit made just before running it.
  var TOKENS = /#[^\\n\\r]*|"""(?:\\\\"""|[\\s\\S])*?"""|"(?:\\\\.|[^"\\\\\\n\\r])*"|[{}()]|[_A-Za-z][_0-9A-Za-z]*/g;
  function operationType(query, operationName) {
    var depth = 0, parens = 0, pending = null, operations = [], match;
    TOKENS.lastIndex = 0;
    while ((match = TOKENS.exec(query))) {
      var token = match[0];
      if (token === '(') parens++;
      else if (token === ')') parens--;
      else if (parens > 0) continue; // arguments and variable definitions, with their values
      else if (token === '}') depth--;
      else if (token === '{') {
        if (depth === 0) operations.push(pending || { type: 'query', name: null });
        if (depth === 0) pending = null;
        depth++;
      } else if (depth === 0 && /^[_A-Za-z]/.test(token)) {
        if (!pending) pending = { type: token, name: null };
        else if (pending.name === null) pending.name = token;
      }
    }
    var chosen = operations.filter(function (operation) {
      return operation.type !== 'fragment' && (!operationName || operation.name === operationName);
    })[0];
    return chosen ? chosen.type : null;
  }
  function socketProblem(error) {
    if (error && error.code === 4403) {
      return 'The gateway refused the token. Put {"Authorization": "Bearer <token>"} in the Headers tab.';
    }
    if (error && typeof error.code === 'number') {
      return 'The connection to the gateway closed (' + error.code + (error.reason ? ' ' + error.reason : '') + ').';
    }
    return (error && error.message) || String(error);
  }
  async function* subscribe(headers, params) {
    try {
      for await (var result of socketFor(headers).iterate(params)) yield result;
    } catch (error) {
      yield { errors: [{ message: socketProblem(error) }] };
    }
  }
  function fetcher(params, fetchOptions) {
    var headers = (fetchOptions && fetchOptions.headers) || {};
    if (operationType(params.query, params.operationName) === 'subscription') return subscribe(headers, params);
    return fetch(endpoint, {
      method: 'POST',
      credentials: 'omit',
      headers: Object.assign(
        { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        headers
      ),
      body: JSON.stringify(params),
    }).then(function (response) { return response.json(); }).then(function (result) {
      if (result && result.data && result.data.__schema) schemaLoaded = true;
      return result;
    });
  }

  var refetchTimer = null;
  var triedHeaders = null;
  function refetchSchema(text) {
    if (schemaLoaded || text === triedHeaders) return;
    try { JSON.parse(text); } catch (error) { return; }
    var refetch = document.querySelector('button[aria-label^="Re-fetch GraphQL schema"]');
    if (!refetch) return;
    // Disabled while a schema request runs: try again once it is over.
    if (refetch.disabled) {
      refetchTimer = setTimeout(function () { refetchSchema(text); }, 400);
      return;
    }
    triedHeaders = text;
    refetch.click();
  }
  options.onEditHeaders = function (text) {
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(function () { refetchSchema(text); }, 400);
  };
  options.fetcher = fetcher;
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;
