// GraphiQL at GET /graphql, served entirely by the gateway: the bundle of
// @graphql-yoga/render-graphiql (script, styles with their fonts, editor workers), the
// graphql-ws browser client and the start script are files under /graphiql/ with hashed
// names, cached for good by the browser; the HTML page only links them, under a CSP that
// lets nothing load from another host.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { GraphiQLOptions, Plugin } from "graphql-yoga";
import { GRAPHIQL_START_SCRIPT } from "./graphiql-start.ts";
import type { ShimApp } from "./shims.ts";

const ASSET_DIRECTORY = "graphiql";

/** Inline styles are allowed because the editor (Monaco) and GraphiQL set styles at run time. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** GraphiQL's options: the Headers tab open with a template, and headers kept out of storage. */
const OPTIONS: GraphiQLOptions & { showPersistHeadersSettings: boolean } = {
  title: "wagraph",
  subscriptionsProtocol: "WS",
  defaultEditorToolsVisibility: "headers",
  headers: JSON.stringify({ Authorization: "Bearer <token>" }, null, 2),
  defaultQuery: `# Put your token in the Headers tab below: {"Authorization": "Bearer <token>"}.
# The schema then loads (Docs, top left) and operations run with that token.
{
  instances(first: 10) {
    totalCount
    edges { node { id name connection } }
  }
}
`,
  shouldPersistHeaders: false,
  // A GraphiQL prop Yoga passes through: the settings dialog offers to keep the headers.
  showPersistHeadersSettings: true,
};

interface Asset {
  body: string | Buffer;
  contentType: string;
}

interface LoadedPage {
  html(options: GraphiQLOptions): string;
  assets: Map<string, Asset>;
}

export interface GraphiQLPage {
  options: GraphiQLOptions;
  /** Yoga's `renderGraphiQL`: the HTML page for the given options. */
  render(options: GraphiQLOptions): Promise<string>;
  /** One of the files the page loads, by its file name under /graphiql/. */
  asset(fileName: string): Promise<Asset | undefined>;
}

const JS = "text/javascript; charset=utf-8";

/** Reads the bundle (about 9 MB of text): done at the first request for the page or a file. */
async function load(): Promise<LoadedPage> {
  const bundle = await import("@graphql-yoga/render-graphiql/graphiql");
  const require = createRequire(import.meta.url);
  const graphqlWsClient = await readFile(
    join(dirname(require.resolve("graphql-ws/package.json")), "umd", "graphql-ws.min.js"),
    "utf8",
  );
  const assets = new Map<string, Asset>();
  const add = (name: string, extension: string, body: string | Buffer, contentType: string) => {
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    const fileName = `${name}.${hash}.${extension}`;
    assets.set(fileName, { body, contentType });
    return `${ASSET_DIRECTORY}/${fileName}`;
  };
  const favicon = /^data:([^;,]+);base64,(.*)$/s.exec(bundle.favicon);
  const urls = {
    favicon: favicon ? add("favicon", "ico", Buffer.from(favicon[2], "base64"), favicon[1]) : undefined,
    css: add("graphiql", "css", bundle.css, "text/css; charset=utf-8"),
    graphiql: add("graphiql", "js", bundle.js, JS),
    graphqlWs: add("graphql-ws", "js", graphqlWsClient, JS),
    start: add("start", "js", GRAPHIQL_START_SCRIPT, JS),
  };
  const workers = {
    editorWorkerService: add("editor.worker", "js", bundle.editorWorkerService, JS),
    json: add("json.worker", "js", bundle.jsonWorker, JS),
    graphql: add("graphql.worker", "js", bundle.graphqlWorker, JS),
  };

  const html = (options: GraphiQLOptions) => {
    // Relative URLs, so the page also works behind a proxy that mounts the gateway on a path.
    const config = JSON.stringify({ options, workers }).replace(/</g, "\\u003c");
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title ?? "GraphiQL")}</title>
${urls.favicon ? `<link rel="icon" href="${urls.favicon}">` : ""}
<link rel="stylesheet" href="${urls.css}">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root"></div>
<script type="application/json" id="graphiql-config">${config}</script>
<script src="${urls.graphqlWs}"></script>
<script src="${urls.graphiql}"></script>
<script src="${urls.start}"></script>
</body>
</html>
`;
  };
  return { html, assets };
}

export function createGraphiQLPage(): GraphiQLPage {
  let loading: Promise<LoadedPage> | undefined;
  const loaded = () => {
    loading ??= load();
    return loading;
  };
  return {
    options: OPTIONS,
    render: async (options) => (await loaded()).html(options),
    asset: async (fileName) => (await loaded()).assets.get(fileName),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Security headers on the page Yoga renders (the only HTML it answers). */
export function useGraphiQLPageHeaders(): Plugin {
  return {
    onResponse({ response }) {
      if (!response.headers.get("content-type")?.startsWith("text/html")) return;
      response.headers.set("content-security-policy", CONTENT_SECURITY_POLICY);
      response.headers.set("referrer-policy", "no-referrer");
      response.headers.set("x-content-type-options", "nosniff");
      response.headers.set("x-frame-options", "DENY");
      response.headers.set("cache-control", "no-store");
    },
  };
}

/** `GET /graphiql/<name>.<hash>.<ext>`: the page's files; a new version has new names. */
export function registerGraphiQLAssets(app: ShimApp, page: GraphiQLPage): void {
  app.get<{ Params: { file: string } }>(
    `/${ASSET_DIRECTORY}/:file`,
    { schema: { hide: true } },
    async (request, reply) => {
      const asset = await page.asset(request.params.file);
      if (!asset) return reply.status(404).send({ message: "Not found", statusCode: 404 });
      return reply
        .header("content-type", asset.contentType)
        .header("cache-control", "public, max-age=31536000, immutable")
        .header("x-content-type-options", "nosniff")
        .send(asset.body);
    },
  );
}
