import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a webhook subscriber received: the body as sent, its signature header, the parsed CloudEvent. */
export interface Ontvangen<E> {
  raw: string;
  signature: string;
  event: E;
}

/** A webhook subscriber on 127.0.0.1 that accepts (200) and records every CloudEvent it is sent. */
export async function startOntvanger<E = Record<string, unknown>>() {
  const ontvangen: Array<Ontvangen<E>> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      ontvangen.push({ raw, signature: String(req.headers['klachtregie-signature']), event: JSON.parse(raw) as E });
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    ontvangen,
    /** The CloudEvents received, in order of arrival. */
    events: (): E[] => ontvangen.map((o) => o.event),
    close: () => new Promise((r) => server.close(r)),
  };
}
