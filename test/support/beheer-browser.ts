/**
 * Shared set-up of the browser tests of the /beheer pages: a service with a fixed clock, Amsterdam
 * klachten in known states (one te laat), keys with a person's name, and headless Chromium.
 */
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KLOK, vasteKlok } from '../../src/common/klok';
import type { IntakeInput } from '../../src/machines/contract';
import { ApiSleutelService } from '../../src/modules/auth/api-sleutel.service';
import type { Rol } from '../../src/modules/auth/rol';
import { EngineService } from '../../src/modules/engine/engine.service';
import { genereerKlachten, insertKlachten } from '../reports-data';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './index';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** The service clock of these tests: a Tuesday, two weeks after klacht A came in. */
export const NU = new Date('2026-09-15T10:00:00+02:00');

export interface BeheerOmgeving {
  tdb: TestDatabase;
  t: TestApp;
  db: DataSource;
  browser: Browser;
  base: string;
  sleutels: { eigenaar: string; behandelaar: string };
  /** Klacht about aanbieder Zorg West, received 1 September: its contact termijn (5 werkdagen) has passed, so it is te laat. */
  laat: string;
  /** A gemeente klacht received 10 September: on time. */
  opTijd: string;
  close(): Promise<void>;
}

export function amsterdamIntake(ontvangenOp: string, onderwerp: string, aanbieders: IntakeInput['aanbieders'] = []): IntakeInput {
  return { gemeente: 'GM0363', kanaal: 'brief', ontvangenOp, ingediendBij: 'gemeente', soort: 'klacht', onderwerp, aanbieders, feiten: {} };
}

/** A key for the medewerker `naam` (issued to that person: one person per name, for the vier-ogenprincipe). */
export async function maakSleutel(t: TestApp, rol: Rol, naam: string, gemeente = 'GM0363'): Promise<string> {
  return (await t.app.get(ApiSleutelService).maak({ gemeente, rol, naam, medewerker: naam })).sleutel;
}

export async function startBeheer(naam: string): Promise<BeheerOmgeving> {
  const tdb = await createTestDatabase(naam);
  const t = await createTestApp({
    databaseUrl: tdb.url,
    env: { ROLE: 'api' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(NU)),
  });
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const db = t.app.get<DataSource>(getDataSourceToken());
  const sleutels = {
    eigenaar: await maakSleutel(t, 'procesEigenaar', 'Pieter Bakker'),
    behandelaar: await maakSleutel(t, 'klachtbehandelaar', 'Fatima de Vries'),
  };
  const engine = t.app.get(EngineService);
  const laat = (
    await engine.create(
      amsterdamIntake('2026-09-01T09:00:00+02:00', 'Huishoudelijke hulp kwam drie keer niet', [
        { id: 'zorg-west', naam: 'Zorg West', type: 'wmo' },
      ]),
      { actor: 'kcc' },
    )
  ).klacht.id;
  const opTijd = (
    await engine.create(amsterdamIntake('2026-09-10T11:00:00+02:00', 'Brief over de eigen bijdrage was onduidelijk'), { actor: 'kcc' })
  ).klacht.id;
  // Closed klachten of the year for the reports (open ones would carry states this definition does not have).
  await insertKlachten(
    db,
    genereerKlachten({
      n: 120,
      seed: 7,
      gemeente: 'GM0363',
      definitieId: 'gm0363-amsterdam',
      van: new Date('2026-01-05T00:00:00Z'),
      tot: new Date('2026-08-20T00:00:00Z'),
      nu: NU,
    }).filter((k) => k.done),
  );
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    tdb,
    t,
    db,
    browser,
    base,
    sleutels,
    laat,
    opTijd,
    async close() {
      await browser.close();
      await t.close();
      await tdb.drop();
    },
  };
}

/**
 * Goes to `url` logged in with `sleutel`, as a medewerker does: through the login form (a key in a link is never used:
 * login CSRF, beheer.js). A tab logged in with another key logs out first; one with this key stays logged in.
 */
export async function inloggen(page: Page, url: string, sleutel: string): Promise<void> {
  // From a blank page: a URL that differs from the current one only in its #fragment would not load again.
  await page.goto('about:blank');
  await page.goto(url);
  const huidig = await page.evaluate(() => sessionStorage.getItem('klachtregie.token'));
  if (huidig === sleutel) return;
  if (huidig !== null) {
    await page.evaluate(() => sessionStorage.removeItem('klachtregie.token'));
    await page.reload();
  }
  await page.fill('#sleutel', sleutel);
  await page.press('#sleutel', 'Enter');
}

/** Opens a /beheer page logged in with `sleutel` (through the login form) and waits until it has drawn. */
export async function open(page: Page, base: string, pad: string, sleutel: string, klaar: string): Promise<void> {
  await inloggen(page, `${base}${pad}`, sleutel);
  await page.waitForSelector(`body[data-klaar="${klaar}"]`, { timeout: 60_000 });
}
