// Integration tests run against real PostgreSQL and Redis (DEVELOPERS.md). Defaults match the
// services .ci/run starts; override with TEST_DATABASE_URL / TEST_REDIS_URL.
const { Client } = require('pg');
const net = require('net');
const { URL } = require('url');

module.exports = async function globalSetup() {
  // The /beheer editor is a bundle (CodeMirror) built from its source; tests run without `npm run build`.
  await require('../../scripts/bundel-editor.js').bundel();
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379';
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (e) {
    throw new Error(`Tests need PostgreSQL at ${process.env.TEST_DATABASE_URL} (start it, or run bash .ci/run): ${e.message}`, {
      cause: e,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(process.env.TEST_REDIS_URL);
  await new Promise((resolve, reject) => {
    const s = net.connect(Number(url.port || 6379), url.hostname, () => {
      s.end();
      resolve();
    });
    s.on('error', (e) =>
      reject(new Error(`Tests need Redis at ${process.env.TEST_REDIS_URL} (start it, or run bash .ci/run): ${e.message}`)),
    );
  });
};
