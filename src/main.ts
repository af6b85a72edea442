// The service: API and workers in one process by default (ROLE=all); ROLE=api for HTTP only.
import { run } from './bootstrap';

void run();
