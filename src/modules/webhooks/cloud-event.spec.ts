import { bouwCloudEvent, CLOUD_EVENT_TYPES, cloudEventType, eventIdVoorOutbox, gemeenteVanOutbox, typeMatcht } from './cloud-event';
import { wachttijd } from '../../common/wachttijd';
import { onderteken, verifieerHandtekening } from './webhook-signature';

describe('CloudEvents (NL GOV profile) from outbox rows', () => {
  it('the event id is a stable RFC 4122 version-5 UUID per outbox row', () => {
    const a = eventIdVoorOutbox('42');
    expect(a).toBe(eventIdVoorOutbox('42'));
    expect(a).not.toBe(eventIdVoorOutbox('43'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a status change into a final state is klacht.afgedaan; intents become opdracht types in kebab-case', () => {
    expect(cloudEventType('klacht.status-gewijzigd', { done: true })).toBe('nl.klachtregie.klacht.afgedaan');
    expect(cloudEventType('klacht.status-gewijzigd', { done: false })).toBe('nl.klachtregie.klacht.status-gewijzigd');
    expect(cloudEventType('termijn.verlopen', {})).toBe('nl.klachtregie.termijn.verlopen');
    expect(cloudEventType('intent.ONTVANGSTBEVESTIGING_STUREN', {})).toBe('nl.klachtregie.opdracht.ontvangstbevestiging-sturen');
    expect(cloudEventType('iets.anders', {})).toBeUndefined();
  });

  it('Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1 / Klachtenprotocol Wmo keten Amsterdam §10: report schedule rows map to rapportage types; te-laat is the escalatie to the contractmanager', () => {
    expect(cloudEventType('rapportage.herinnering', {})).toBe('nl.klachtregie.rapportage.herinnering');
    expect(cloudEventType('rapportage.te-laat', {})).toBe('nl.klachtregie.rapportage.escalatie');
    expect(cloudEventType('rapportage.gegenereerd', {})).toBe('nl.klachtregie.rapportage.gegenereerd');
    for (const t of [
      'nl.klachtregie.rapportage.herinnering',
      'nl.klachtregie.rapportage.escalatie',
      'nl.klachtregie.rapportage.gegenereerd',
    ]) {
      expect(CLOUD_EVENT_TYPES).toContain(t);
      expect(typeMatcht(['nl.klachtregie.rapportage.*'], t)).toBe(true);
    }
  });

  it('a report row has no klacht: the gemeente comes from its payload, the subject is the aanbieder (or the gemeente report)', () => {
    const payload = {
      gemeente: 'GM1904',
      aanbiederId: 'vervoer-plus',
      aanbiederNaam: 'Vervoer Plus',
      naar: 'contractmanager',
      deadline: '2026-07-01',
      periodeVan: '2025-12-01',
      periodeTot: '2026-06-30',
      label: 'Halfjaarrapportage',
    };
    expect(gemeenteVanOutbox(null, payload)).toBe('GM1904');
    // The klacht's own gemeente wins over anything in a payload.
    expect(gemeenteVanOutbox('GM0363', payload)).toBe('GM0363');
    // No (valid) gemeente: the row goes to nobody rather than to a wrong tenant.
    expect(gemeenteVanOutbox(null, {})).toBeUndefined();
    expect(gemeenteVanOutbox(null, { gemeente: "GM1904' or 1=1" })).toBeUndefined();
    const e = bouwCloudEvent({
      outboxId: '77',
      outboxType: 'rapportage.te-laat',
      type: 'nl.klachtregie.rapportage.escalatie',
      source: 'urn:nld:klachtregie',
      gemeente: 'GM1904',
      klachtId: null,
      createdAt: new Date('2026-06-30T22:00:00Z'),
      payload,
    });
    expect(e.subject).toBe('vervoer-plus');
    expect(e.gemeente).toBe('GM1904');
    expect(e.data).toEqual({ ...payload, gebeurtenis: 'rapportage.te-laat' });
    const g = bouwCloudEvent({
      outboxId: '78',
      outboxType: 'rapportage.gegenereerd',
      type: 'nl.klachtregie.rapportage.gegenereerd',
      source: 'urn:nld:klachtregie',
      gemeente: 'GM1904',
      klachtId: null,
      createdAt: new Date(),
      payload: { gemeente: 'GM1904', soort: 'aanbieders', deadline: '2026-07-01', naar: 'contractmanager', label: 'x' },
    });
    expect(g.subject).toBe('aanbieders:2026-07-01');
  });

  it('the sequence orders as a string too, and subject is the klacht', () => {
    const e = bouwCloudEvent({
      outboxId: '9',
      outboxType: 'klacht.ontvangen',
      type: 'nl.klachtregie.klacht.ontvangen',
      source: 'urn:nld:oin:00000001002564440000:systeem:klachtregie',
      gemeente: 'GM0363',
      klachtId: '7c0d3c55-0c5e-4d0e-9a9e-2b7b1d5e4f10',
      createdAt: new Date('2026-04-02T08:00:00Z'),
      payload: { state: 'ontvangen' },
    });
    expect(
      e.sequence <
        bouwCloudEvent({ ...e, outboxId: '10', outboxType: 'klacht.ontvangen', createdAt: new Date(), klachtId: null, payload: {} })
          .sequence,
    ).toBe(true);
    expect(e).toEqual(
      expect.objectContaining({
        specversion: '1.0',
        subject: '7c0d3c55-0c5e-4d0e-9a9e-2b7b1d5e4f10',
        time: '2026-04-02T08:00:00.000Z',
        datacontenttype: 'application/json',
      }),
    );
  });

  it("CloudEvents 1.0 time: when the occurrence happened, the step's own moment for an act registered late, the moment of writing without one", () => {
    const basis = {
      outboxId: '11',
      outboxType: 'klacht.status-gewijzigd',
      type: 'nl.klachtregie.klacht.afgedaan',
      source: 'urn:nld:klachtregie',
      gemeente: 'GM0363',
      klachtId: '7c0d3c55-0c5e-4d0e-9a9e-2b7b1d5e4f10',
      createdAt: new Date('2026-05-19T07:00:00Z'),
    };
    // Sent on the last day at 16:00 (Amsterdam summer time), registered the next morning.
    expect(bouwCloudEvent({ ...basis, payload: { at: '2026-05-18T16:00:00+02:00' } }).time).toBe('2026-05-18T14:00:00.000Z');
    expect(bouwCloudEvent({ ...basis, payload: {} }).time).toBe('2026-05-19T07:00:00.000Z');
    expect(bouwCloudEvent({ ...basis, payload: { at: 'geen moment' } }).time).toBe('2026-05-19T07:00:00.000Z');
  });

  it('a subscription filter matches exact types and prefixes with *', () => {
    expect(typeMatcht([], 'nl.klachtregie.klacht.afgedaan')).toBe(true);
    expect(typeMatcht(['nl.klachtregie.termijn.*'], 'nl.klachtregie.termijn.herinnering')).toBe(true);
    expect(typeMatcht(['nl.klachtregie.termijn.*'], 'nl.klachtregie.klacht.afgedaan')).toBe(false);
    expect(typeMatcht(['nl.klachtregie.klacht.afgedaan'], 'nl.klachtregie.klacht.afgedaan')).toBe(true);
  });

  it('retries back off exponentially and are capped, never given up', () => {
    const cap = 3_600_000;
    expect([1, 2, 3, 4].map((n) => wachttijd(n, cap))).toEqual([1000, 2000, 4000, 8000]);
    expect(wachttijd(40, cap)).toBe(cap);
    expect(wachttijd(10_000, cap)).toBe(cap);
  });

  it('the signature is HMAC-SHA256 over "t.body" and refuses other secrets, bodies and old timestamps', () => {
    const body = '{"id":"x"}';
    const h = onderteken('geheim-van-het-abonnement', body, 1_000);
    expect(h).toMatch(/^t=1000,v1=[0-9a-f]{64}$/);
    expect(verifieerHandtekening('geheim-van-het-abonnement', body, h, 300, 1_100)).toBe(true);
    expect(verifieerHandtekening('ander-geheim', body, h, 300, 1_100)).toBe(false);
    expect(verifieerHandtekening('geheim-van-het-abonnement', `${body} `, h, 300, 1_100)).toBe(false);
    expect(verifieerHandtekening('geheim-van-het-abonnement', body, h, 300, 2_000)).toBe(false);
  });
});
