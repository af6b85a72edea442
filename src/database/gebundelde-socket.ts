import { Socket } from 'node:net';

/**
 * A socket for node-postgres (its documented `stream` option) that sends what one tick writes as one
 * TCP segment. node-postgres writes each protocol message of an extended-protocol query (Parse, Bind,
 * Describe, Execute, Sync) with its own `write` and sets TCP_NODELAY: without coalescing, every message
 * is a system call here and a wake-up of the server process there. Measured with `npm run bench`
 * (docs/architecture.md §9).
 */
export function gebundeldeSocket(): Socket {
  const socket = new Socket();
  const schrijf = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let gekurkt = false;
  socket.write = ((...args: unknown[]): boolean => {
    if (!gekurkt) {
      gekurkt = true;
      socket.cork();
      // Uncorked as soon as the current synchronous work (one query's messages) is done: no added wait.
      process.nextTick(() => {
        gekurkt = false;
        socket.uncork();
      });
    }
    return schrijf(...args);
  }) as Socket['write'];
  return socket;
}
