import { ValidationError } from "../../errors.ts";
import { type OutboundClient, OutboundError } from "../../outbound/client.ts";

/**
 * Fetches media through the outbound client, refusing more than `maxBytes` (checked while
 * reading). A URL refused as written gets its reason; past that, a refused destination, a
 * failed connection and a timeout all read "could not fetch the media", so the answers do not
 * map the internal network. An answered status is told: only allowed hosts get to answer.
 */
export async function downloadMedia(
  outbound: OutboundClient,
  url: string,
  maxBytes: number,
): Promise<Buffer> {
  const refusal = outbound.policy.urlRefusal(url);
  if (refusal) throw new ValidationError([{ path: "url", message: refusal }]);
  try {
    return (await outbound.download(url, { maxBytes })).body;
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    throw new ValidationError([{ path: "url", message: mediaFailure(error, maxBytes) }]);
  }
}

function mediaFailure(error: OutboundError, maxBytes: number): string {
  if (error.reason === "status") return `the media URL answered ${error.status}`;
  if (error.reason === "too-large") return `the media is larger than ${maxBytes} bytes`;
  return "could not fetch the media";
}
