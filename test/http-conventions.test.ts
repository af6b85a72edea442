import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { probleemSchema } from '../src/common/openapi';
import { Body, Controller, Get, Module, Param, ParseIntPipe, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MinLength, ValidateNested } from 'class-validator';
import request from 'supertest';
import { ProblemException } from '../src/common/problem';
import { Publiek } from '../src/modules/auth/rollen.decorator';
import { createTestApp, createTestDatabase, TestApp, TestDatabase } from './support';

class AanbiederDto {
  @IsString()
  @MinLength(2)
  naam: string;
}

class VoorbeeldDto {
  @IsString()
  @MinLength(5)
  omschrijving: string;

  @IsInt()
  @Max(10)
  aantal: number;

  @ValidateNested()
  @Type(() => AanbiederDto)
  aanbieder: AanbiederDto;
}

/** A controller only this test mounts, to exercise the global conventions from the outside. */
@Publiek() // conventions, not auth, are under test here (test/auth.test.ts covers 401/403)
@Controller('voorbeelden')
class VoorbeeldController {
  @Post()
  @ApiCreatedResponse({
    schema: { type: 'object', required: ['ontvangen', 'isDto'], properties: { ontvangen: { type: 'string' }, isDto: { type: 'boolean' } } },
  })
  create(@Body() body: VoorbeeldDto) {
    return { ontvangen: body.omschrijving, isDto: body instanceof VoorbeeldDto };
  }

  @Get(':id')
  @ApiOkResponse({ schema: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } } })
  @ApiConflictResponse({ schema: probleemSchema('GebeurtenisNietToegestaanProblem') })
  one(@Param('id', ParseIntPipe) id: number) {
    if (id === 409) {
      throw new ProblemException({
        status: 409,
        code: 'gebeurtenis-niet-toegestaan',
        title: 'Gebeurtenis niet toegestaan',
        detail: 'AFDOEN kan niet in toestand ontvangen.',
        extensions: { toegestaneGebeurtenissen: ['IN_BEHANDELING_NEMEN'] },
      });
    }
    if (id === 500) throw new Error('geheime interne details');
    return { id };
  }
}

@Module({ controllers: [VoorbeeldController] })
class VoorbeeldModule {}

describe('HTTP conventions', () => {
  let db: TestDatabase;
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase('http_conventions');
    t = await createTestApp({ databaseUrl: db.url, imports: [VoorbeeldModule] });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('every response carries API-Version (success, validation error, problem, unknown route, 500, OpenAPI document)', async () => {
    const responses = await Promise.all([
      request(t.http).get('/api/v1/health'),
      request(t.http).post('/api/v1/voorbeelden').send({}),
      request(t.http).get('/api/v1/voorbeelden/409'),
      request(t.http).get('/api/v1/bestaat-niet'),
      request(t.http).get('/zonder-prefix'),
      request(t.http).get('/api/v1/voorbeelden/500'),
      request(t.http).get('/api/v1/openapi.json'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 400, 409, 404, 404, 500, 200]);
    for (const r of responses) expect(r.headers['api-version']).toBe('1.0.0');
  });

  it('errors are application/problem+json with invalidParams for validation', async () => {
    const res = await request(t.http)
      .post('/api/v1/voorbeelden')
      .send({ omschrijving: 'kort', aantal: 11, aanbieder: { naam: 'x' }, onbekend: true });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://klachtregie.nl/problemen/validatie-fout',
      title: 'Validatiefout',
      status: 400,
      code: 'validatie-fout',
      instance: '/api/v1/voorbeelden',
    });
    expect(typeof res.body.detail).toBe('string');
    const names = (res.body.invalidParams as { name: string; reason: string }[]).map((p) => p.name).sort();
    expect(names).toEqual(['aanbieder.naam', 'aantal', 'omschrijving', 'onbekend']);
    for (const p of res.body.invalidParams) expect(p.reason).toEqual(expect.any(String));
  });

  it('valid input reaches the controller as its DTO class', async () => {
    const res = await request(t.http)
      .post('/api/v1/voorbeelden')
      .send({ omschrijving: 'lang genoeg', aantal: 3, aanbieder: { naam: 'Zorg BV' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ontvangen: 'lang genoeg', isDto: true });
  });

  it('a ProblemException keeps its code, title and extension members', async () => {
    const res = await request(t.http).get('/api/v1/voorbeelden/409');
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toEqual({
      type: 'https://klachtregie.nl/problemen/gebeurtenis-niet-toegestaan',
      title: 'Gebeurtenis niet toegestaan',
      status: 409,
      detail: 'AFDOEN kan niet in toestand ontvangen.',
      instance: '/api/v1/voorbeelden/409',
      code: 'gebeurtenis-niet-toegestaan',
      toegestaneGebeurtenissen: ['IN_BEHANDELING_NEMEN'],
    });
  });

  it('unknown routes, malformed JSON, bad path parameters and crashes are problems too, without internals', async () => {
    const notFound = await request(t.http).get('/api/v1/bestaat-niet');
    expect(notFound.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(notFound.body).toMatchObject({ status: 404, code: 'niet-gevonden' });

    const malformed = await request(t.http).post('/api/v1/voorbeelden').set('Content-Type', 'application/json').send('{"omschrijving":');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(malformed.body).toMatchObject({ status: 400, code: 'ongeldig-verzoek' });

    const badParam = await request(t.http).get('/api/v1/voorbeelden/abc');
    expect(badParam.status).toBe(400);
    expect(badParam.headers['content-type']).toMatch(/^application\/problem\+json/);

    const crash = await request(t.http).get('/api/v1/voorbeelden/500');
    expect(crash.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(crash.body).toMatchObject({ status: 500, code: 'interne-fout' });
    expect(JSON.stringify(crash.body)).not.toContain('geheime');
  });

  it('OpenAPI: the server URL carries /api/v1 and the paths do not repeat it', async () => {
    const res = await request(t.http).get('/api/v1/openapi.json');
    // Without PUBLIC_BASE_URL the server URL is relative to where the document is served.
    expect(res.body.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/voorbeelden', '/voorbeelden/{id}']));
    for (const path of Object.keys(res.body.paths)) expect(path.startsWith('/api/')).toBe(false);
  });

  it('OpenAPI: the document comes from configuration, never from the Host header (no echo, one document for every host)', async () => {
    const eerste = await request(t.http).get('/api/v1/openapi.json').set('Host', 'aanvaller.example');
    expect(eerste.text).not.toContain('aanvaller.example');
    for (let i = 0; i < 50; i++) {
      const res = await request(t.http).get('/api/v1/openapi.json').set('Host', `h${i}.aanvaller.example`);
      expect(res.text).toBe(eerste.text);
    }
  });
});
