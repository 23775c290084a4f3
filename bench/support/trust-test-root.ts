/**
 * Preload for benchmark child processes (`node --import ./bench/support/trust-test-root.ts`):
 * Baileys in that process accepts the WhatsApp simulator's test certificate root.
 */
import { trustTestRootKey } from "../../test/support/simulator/certificates.ts";

trustTestRootKey();
