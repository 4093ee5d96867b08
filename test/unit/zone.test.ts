import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { zoneOf } from '../../src/domain/zone.js';

const ZONES = ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
/** Instants a minute either side of DST changes (New York, London, Lord Howe's half-hour shift). */
const EDGES = [
  '2026-03-08T06:59:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T05:59:59.999Z',
  '2026-11-01T06:00:00Z',
  '2026-03-29T00:59:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-04-04T14:59:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
].map((s) => Date.parse(s));

describe('zoneOf', () => {
  it('gives the same offsets as luxon, at DST edges and at any instant', () => {
    for (const name of ZONES) {
      const iana = IANAZone.create(name);
      for (const ts of EDGES) expect(zoneOf(name).offset(ts), `${name} ${ts}`).toBe(iana.offset(ts));
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2040-01-01') }),
        (name, ts) => zoneOf(name).offset(ts) === IANAZone.create(name).offset(ts),
      ),
      { seed: 20261125, numRuns: 2000 },
    );
  });

  it('formats and does arithmetic exactly like the plain zone name, across a DST change', () => {
    const start = DateTime.fromISO('2026-03-08T01:30', { zone: 'America/New_York' });
    const remembered = DateTime.fromISO('2026-03-08T01:30', { zone: zoneOf('America/New_York') });
    for (const minutes of [0, 29, 30, 31, 60, 90, 24 * 60]) {
      expect(remembered.plus({ minutes }).toISO()).toBe(start.plus({ minutes }).toISO());
    }
    expect(remembered.toFormat('ZZZZ')).toBe(start.toFormat('ZZZZ'));
    expect(remembered.zone.equals(start.zone)).toBe(true);
  });

  it('leaves utc and invalid names to luxon', () => {
    expect(zoneOf('utc').isUniversal).toBe(true);
    expect(DateTime.now().setZone(zoneOf('Mars/Olympus')).isValid).toBe(false);
  });
});
