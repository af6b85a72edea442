import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { bearer, GEMEENTE_A, intakeBody } from './auth-support';
import { createTestDatabase, type TestDatabase } from './support';
import { ContractValidator, controleerContracten } from './support/contract';
import { createEngineApp, type EngineApp } from './support/engine-harness';

/**
 * The OpenAPI document is the contract (docs/api.md): the shared check in test/support/contract.ts fails
 * every API test whose response the served document does not describe. Here the document is broken on
 * purpose (a field's schema removed, a status taken away) and the check must notice both.
 */
describe('OpenAPI contract check on every API response', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let auth: string;

  beforeAll(async () => {
    db = await createTestDatabase('contract_check');
    t = await createEngineApp({
      databaseUrl: db.url,
      contractWijziging: (doc) => {
        // A documented field whose schema is gone, and a status the operation no longer declares.
        const detail = doc.components.schemas.KlachtDetailDto;
        delete detail.properties.onderwerp;
        detail.required = (detail.required ?? []).filter((p: string) => p !== 'onderwerp');
        delete doc.paths['/klachten/{id}'].get.responses['404'];
      },
    });
    auth = await bearer(t.app, GEMEENTE_A, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('a response with a field whose schema the document does not have fails the test it occurs in', async () => {
    await request(t.http).post('/api/v1/klachten').set('Authorization', auth).send(intakeBody(GEMEENTE_A)).expect(201);
    // POST /klachten answers KlachtDetailDto, which now lacks `onderwerp`.
    expect(() => controleerContracten()).toThrow(/POST \/klachten 201: \(body\) must NOT have additional properties 'onderwerp'/);
  });

  it('a status the operation does not declare fails the test it occurs in', async () => {
    await request(t.http).get('/api/v1/klachten/00000000-0000-4000-8000-000000000000').set('Authorization', auth).expect(404);
    expect(() => controleerContracten()).toThrow(/status 404 is niet gedeclareerd voor GET \/klachten\/\{id\}/);
  });

  it('a response the document describes passes; the same body as text/html does not', async () => {
    const typen = await request(t.http).get('/api/v1/gebeurtenis-typen').set('Authorization', auth).expect(200);
    expect(typen.body.length).toBeGreaterThan(0);
    expect(() => controleerContracten()).not.toThrow();
    const validator = new ContractValidator(t.contract.document!);
    const body = Buffer.from(typen.text);
    expect(validator.controleer('GET', '/api/v1/gebeurtenis-typen', 200, 'application/json; charset=utf-8', body)).toEqual([]);
    expect(validator.controleer('GET', '/api/v1/gebeurtenis-typen', 200, 'text/html', body)).toEqual([
      expect.stringMatching(/content-type text\/html is niet gedeclareerd/),
    ]);
  });

  it('IETF draft-ietf-httpapi-idempotency-key-header: a replay marks itself with Idempotent-Replayed, which the served document declares on every idempotent POST', async () => {
    const doc = (await request(t.http).get('/api/v1/openapi.json').expect(200)).body;
    // Served as declared: the route's replay gives the header the document names (the contract check sees no violation).
    expect(doc.paths['/klachten'].post.responses['201'].headers['Idempotent-Replayed'].schema).toEqual({ type: 'string', enum: ['true'] });
    expect(doc.paths['/klachten/{id}/gebeurtenissen'].post.responses['200'].headers).toHaveProperty('Idempotent-Replayed');
    const body = Buffer.from('{}');
    const validator = new ContractValidator(t.contract.document!);
    const zonder = structuredClone(t.contract.document!);
    delete zonder.paths['/klachten'].post.responses['201'].headers['Idempotent-Replayed'];
    const eisen = new ContractValidator(zonder);
    const replay = { 'idempotent-replayed': 'true' };
    // The check compares the header, not only the body: undeclared, the same reply breaks the contract.
    expect(eisen.controleer('POST', '/api/v1/klachten', 201, 'application/json', body, replay)).toEqual([
      'POST /klachten 201: header idempotent-replayed is niet gedeclareerd',
    ]);
    expect(validator.controleer('POST', '/api/v1/klachten', 201, 'application/json', body, replay)).not.toContainEqual(
      expect.stringMatching(/header/),
    );
  });

  it('the examples in the document are valid: each validates against its schema, the example event type exists', async () => {
    const doc = (await request(t.http).get('/api/v1/openapi.json').expect(200)).body;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const fout: string[] = [];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    for (const [naam, schema] of Object.entries<Record<string, any>>(doc.components.schemas)) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      for (const [veld, s] of Object.entries<Record<string, any>>(schema.properties ?? {})) {
        if (s.example === undefined || s.$ref || s.allOf) continue;
        const { example, ...rest } = s;
        if (!ajv.validate(rest, example)) fout.push(`${naam}.${veld}: ${JSON.stringify(example)} ${ajv.errorsText()}`);
      }
    }
    expect(fout).toEqual([]);
    const typen = (await request(t.http).get('/api/v1/gebeurtenis-typen').set('Authorization', auth).expect(200)).body as Array<{
      type: string;
    }>;
    expect(typen.map((g) => g.type)).toContain(doc.components.schemas.GebeurtenisDto.properties.type.example);
  });
});
