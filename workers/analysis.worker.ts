import * as Comlink from 'comlink';
import { engine, type Engine } from '../lib/engine';
import { parcelBuffers } from '../lib/engine/held';

// Thin adapter: the engine's functions, with the parsed Arrow bytes (and a held dataset's parcel) transferred back, not copied.
const api: Engine = {
  ...engine,
  async ingest(file, name, onProgress, options) {
    const out = await engine.ingest(file, name, onProgress, options);
    return out.ok ? Comlink.transfer(out, [out.value.ipc.buffer]) : out;
  },
  async exportHeld(id) {
    const out = await engine.exportHeld(id);
    return out.ok && out.value ? Comlink.transfer(out, parcelBuffers(out.value)) : out;
  },
};

Comlink.expose(api, self as unknown as Comlink.Endpoint);
