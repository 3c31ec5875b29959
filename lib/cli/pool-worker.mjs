// Entry of a CLI worker thread: the same tsx loader as the command, then the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./pool-worker.ts');
