import { ValidationError } from "../../errors.ts";

/** Fetches media from a URL, refusing more than `maxBytes` (checked while reading, not after). */
export async function downloadMedia(url: string, maxBytes: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: "follow" });
  } catch (error) {
    throw new ValidationError([
      { path: "url", message: `could not fetch the media: ${(error as Error).message}` },
    ]);
  }
  if (!response.ok || !response.body) {
    throw new ValidationError([{ path: "url", message: `the media URL answered ${response.status}` }]);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new ValidationError([{ path: "url", message: `the media is larger than ${maxBytes} bytes` }]);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
