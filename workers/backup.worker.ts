import * as Comlink from 'comlink';
import { backupWorkerApi } from '../lib/store/backup-worker-api';

// Thin adapter: a workspace import runs here, in its own worker, ended once the import is done
// (a bomb-shaped file that exhausts memory takes this worker down, not the page or the analysis pool).
Comlink.expose(backupWorkerApi, self as unknown as Comlink.Endpoint);
