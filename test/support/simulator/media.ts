import { createDecipheriv, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { rootCertificates } from "node:tls";
import { getMediaKeys, type MediaType } from "@whiskeysockets/baileys";
import { generate } from "selfsigned";
import { Agent, setGlobalDispatcher } from "undici";

/** The fields of an image/video/audio/document message that locate and unlock its file. */
export type MediaReference = {
  directPath?: string | null;
  mediaKey?: Uint8Array | null;
  fileEncSha256?: Uint8Array | null;
};

// WhatsApp appends the first 10 bytes of an HMAC-SHA256 to every encrypted media file.
const MAC_BYTES = 10;
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * WhatsApp's media host: Baileys uploads encrypted files here (`POST /mms/<type>/<hash>`)
 * and gets their direct path back. HTTPS with a certificate made at start; a process only
 * reaches it after `trustInThisProcess()`, which tests call, never production code.
 */
export class MediaHost {
  private readonly files = new Map<string, Buffer>();
  private failures = 0;
  readonly uploads: { path: string; bytes: number }[] = [];

  private constructor(
    private readonly server: https.Server,
    private readonly certificate: string,
  ) {}

  static async start(host: string): Promise<MediaHost> {
    const tls = await generate([{ name: "commonName", value: host }], {
      keyType: "ec",
      algorithm: "sha256",
      extensions: [{ name: "subjectAltName", altNames: [{ type: 7, ip: host }] }],
    });
    let media: MediaHost | undefined;
    const server = https.createServer({ key: tls.private, cert: tls.cert }, (req, res) =>
      media?.handle(req, res),
    );
    media = new MediaHost(server, tls.cert);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, host, () => resolve());
    });
    return media;
  }

  /** `host:port`, as the media_conn answer names it. */
  get hostname(): string {
    const { address, port } = this.server.address() as AddressInfo;
    return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
  }

  /**
   * Makes this process trust the host: the default HTTPS agent (Baileys uploads with it) and
   * the global fetch dispatcher (Baileys downloads with it).
   */
  trustInThisProcess(): void {
    const current = https.globalAgent.options.ca;
    const list = current === undefined ? [...rootCertificates] : Array.isArray(current) ? current : [current];
    if (list.includes(this.certificate)) return;
    https.globalAgent.options.ca = [...list, this.certificate];
    setGlobalDispatcher(new Agent({ connect: { ca: [...list, this.certificate] } }));
  }

  /** Downloads are answered this much later, as a slow CDN would. */
  downloadDelayMs = 0;

  /** The next `count` uploads are answered without a direct path, as a failing host would. */
  failUploads(count = 1): void {
    this.failures = count;
  }

  /** The encrypted file Baileys uploaded, decrypted and checked like a receiving phone would. */
  async decrypt(reference: MediaReference, type: MediaType): Promise<Buffer> {
    const file = reference.directPath ? this.files.get(reference.directPath) : undefined;
    if (!file || !reference.mediaKey) throw new Error(`no uploaded file at ${reference.directPath}`);
    const { iv, cipherKey, macKey } = await getMediaKeys(reference.mediaKey, type);
    if (!macKey) throw new Error("no MAC key derived");
    const body = file.subarray(0, file.length - MAC_BYTES);
    const mac = createHmac("sha256", macKey).update(iv).update(body).digest().subarray(0, MAC_BYTES);
    if (!timingSafeEqual(mac, file.subarray(file.length - MAC_BYTES))) throw new Error("media MAC mismatch");
    const decipher = createDecipheriv("aes-256-cbc", cipherKey, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse): void {
    const url = new URL(req.url ?? "/", "https://media.invalid");
    if (req.method === "GET") {
      const file = this.files.get(url.pathname);
      setTimeout(() => {
        if (file) res.writeHead(200, { "content-type": "application/octet-stream" }).end(file);
        else res.writeHead(404).end();
      }, this.downloadDelayMs);
      return;
    }
    if (req.method !== "POST" || !url.pathname.startsWith("/mms/")) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on("end", () => {
      if (this.failures > 0) {
        this.failures--;
        res.writeHead(500, { "content-type": "application/json" }).end("{}");
        return;
      }
      const path = `/v/t62.7118-24/${randomBytes(12).toString("hex")}.enc`;
      const file = Buffer.concat(chunks);
      this.files.set(path, file);
      this.uploads.push({ path, bytes: file.length });
      const body = JSON.stringify({ url: `https://${this.hostname}${path}`, direct_path: path });
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    });
  }
}
