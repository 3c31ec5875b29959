import { createEngineClient, type EngineClient } from './engine-client';

let sharedClient: EngineClient | undefined;

/** One engine (worker pool) per page, created on first use in the browser and kept for the page's life. */
export function getClient(): EngineClient {
  sharedClient ??= createEngineClient();
  return sharedClient;
}

/** What the top bar says about where analyses run. */
export function engineModeLabel(client: EngineClient): string {
  return client.mode === 'worker' ? `${client.size} Web Worker${client.size > 1 ? 's' : ''}` : 'main thread';
}
