import * as Comlink from 'comlink';
import { engine, type Engine } from '../lib/engine';

// Thin adapter: the engine's functions, with the parsed Arrow bytes transferred back, not copied.
const api: Engine = {
  ...engine,
  async ingest(file, name, onProgress, options) {
    const out = await engine.ingest(file, name, onProgress, options);
    return out.ok ? Comlink.transfer(out, [out.value.ipc.buffer]) : out;
  },
};

Comlink.expose(api, self as unknown as Comlink.Endpoint);
