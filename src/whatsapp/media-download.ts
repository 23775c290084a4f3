// Decrypted media of a message event, for sinks that inline it (a webhook's mediaBase64).
import { downloadContentFromMessage, type MediaType } from "@whiskeysockets/baileys";

const KINDS: [field: string, type: MediaType][] = [
  ["imageMessage", "image"],
  ["videoMessage", "video"],
  ["audioMessage", "audio"],
  ["documentMessage", "document"],
  ["stickerMessage", "sticker"],
];

/** The media part of a message's content (plain JSON, keys in base64), if it has one. */
function mediaPart(content: Record<string, unknown>) {
  for (const [field, type] of KINDS) {
    const media = content[field] as { mediaKey?: string; directPath?: string; url?: string } | undefined;
    if (media?.mediaKey && (media.directPath || media.url)) return { media, type };
  }
  return undefined;
}

export function hasMedia(content: Record<string, unknown>): boolean {
  return mediaPart(content) !== undefined;
}

/**
 * Downloads and decrypts the file of a message's content, reading at most `maxBytes`.
 * Undefined when the content has no media; throws when the download fails.
 */
export async function downloadMedia(
  content: Record<string, unknown>,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const part = mediaPart(content);
  if (!part) return undefined;
  const { mediaKey, directPath, url } = part.media;
  const key = Buffer.from(mediaKey ?? "", "base64");
  const stream = await downloadContentFromMessage({ mediaKey: key, directPath, url }, part.type);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new Error(`the media is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
