// Workers only (BullMQ processors, termijn sweeps), no HTTP: scale them apart from the API.
import { run } from './bootstrap';

void run('worker');
