/**
 * Luxon zones for the names in the config (`Asia/Tokyo`), with the UTC offset remembered.
 *
 * Luxon's IANAZone asks `Intl.DateTimeFormat#formatToParts` for the offset on every `setZone`, `plus` and
 * `fromObject` — about 20 µs each, and formatting one slot takes several. A slot list or a Home tab made
 * that the largest CPU cost of a slash command (see bench/README.md, figure 1). Offsets only change at
 * transitions, so they are remembered per quarter hour: a quarter whose start and end have the same offset
 * has it throughout (zones change at most once in a quarter hour); a quarter with a transition inside is
 * never cached and asks Intl each time, exactly as luxon does.
 */
import { Info, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

const QUARTER_MS = 15 * 60 * 1000;
const MAX_REMEMBERED = 50_000;

class RememberingZone extends Zone {
  private readonly offsets = new Map<number, number>();

  constructor(private readonly iana: Zone) {
    super();
  }

  override get type(): string {
    return this.iana.type;
  }
  override get name(): string {
    return this.iana.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): true {
    return true;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return this.iana.offsetName(ts, options) ?? '';
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.iana.formatOffset(ts, format);
  }
  override equals(other: Zone): boolean {
    return other.type === this.type && other.name === this.name;
  }

  override offset(ts: number): number {
    const quarter = Math.floor(ts / QUARTER_MS);
    const known = this.offsets.get(quarter);
    if (known !== undefined) return known;
    const start = this.iana.offset(quarter * QUARTER_MS);
    const end = this.iana.offset((quarter + 1) * QUARTER_MS - 1);
    if (start !== end || Number.isNaN(start)) return this.iana.offset(ts);
    if (this.offsets.size >= MAX_REMEMBERED) this.offsets.clear();
    this.offsets.set(quarter, start);
    return start;
  }
}

const zones = new Map<string, Zone>();

/**
 * The luxon zone for a name: IANA names get the remembering zone; `utc`, fixed offsets and invalid names
 * are whatever luxon makes of them (an invalid name still yields invalid DateTimes, as before).
 */
export const zoneOf = (name: string): Zone => {
  let zone = zones.get(name);
  if (!zone) {
    const normalized = Info.normalizeZone(name);
    zone = normalized.type === 'iana' && normalized.isValid ? new RememberingZone(normalized) : normalized;
    zones.set(name, zone);
  }
  return zone;
};
