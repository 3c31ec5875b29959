/**
 * Wall-clock time in an IANA time zone, from Intl.DateTimeFormat alone (no tz database of our
 * own): the offset of an instant, the instant a local wall time starts, and offset-carrying ISO
 * text. Daylight saving is handled by asking the zone at each instant, so a day in Europe/Paris is
 * 23 or 25 hours long at its switches.
 */
import { AnalysisError } from '../errors';
import { utcMs } from '../data/time';

const HOUR_MS = 3_600_000;
/** No zone's offset changes twice within this span, and no offset exceeds it. */
const NEIGHBOUR_MS = 14 * HOUR_MS;

/** A calendar date and time read in some zone (month 1–12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface Zone {
  /** The IANA name ('UTC', 'Europe/Paris'). */
  name: string;
  /** Offset from UTC in ms at an instant (local = instant + offset). */
  offset(instant: number): number;
  /** The local wall time of an instant (seconds floored). */
  wall(instant: number): WallTime;
}

const UTC_ZONE: Zone = {
  name: 'UTC',
  offset: () => 0,
  wall: (instant) => {
    const d = new Date(instant);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  },
};

/** The zone named `name`; a typed error naming valid examples for an unknown one. */
export function zoneOf(name: string | undefined): Zone {
  if (name === undefined || name === '' || name === 'UTC' || name === 'Etc/UTC') return UTC_ZONE;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    throw new AnalysisError('bad-time-zone', `time zone: ${name} is not an IANA time zone — use e.g. UTC, Europe/Paris or America/New_York`);
  }
  const cache = new Map<number, number>();
  const wall = (instant: number): WallTime => {
    const fields: Record<string, string> = {};
    for (const part of format.formatToParts(instant)) fields[part.type] = part.value;
    const year = Number(fields.year);
    return {
      // Intl counts years before 1 as "BC" years 1, 2, …: proleptic year 1 − y.
      year: fields.era === 'BC' || fields.era === 'B' ? 1 - year : year,
      month: Number(fields.month),
      day: Number(fields.day),
      hour: Number(fields.hour),
      minute: Number(fields.minute),
      second: Number(fields.second),
    };
  };
  const offset = (instant: number): number => {
    // Offsets are whole seconds (whole minutes in practice): compute per second, cached per minute-aligned
    // instant (an offset never changes inside a minute).
    const minute = Math.floor(instant / 60_000) * 60_000;
    const hit = cache.get(minute);
    if (hit !== undefined) return hit;
    const w = wall(minute);
    const value = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - minute;
    if (cache.size > 100_000) cache.clear();
    cache.set(minute, value);
    return value;
  };
  return { name, offset, wall };
}

/**
 * The first instant whose local wall time is `local` (a wall time written as UTC ms). Where the
 * wall time occurs twice (clocks going back) the earlier one; where it is skipped (clocks going
 * forward over it) the instant of the switch, the first one after the gap (pandas' nonexistent='shift_forward').
 */
export function instantOf(zone: Zone, local: number): number {
  const before = zone.offset(local - NEIGHBOUR_MS);
  const after = zone.offset(local + NEIGHBOUR_MS);
  const early = local - before;
  const late = local - after;
  const fits = (u: number) => u + zone.offset(u) === local;
  const candidates = [early, late].filter(fits);
  if (candidates.length) return Math.min(...candidates);
  // Skipped (clocks went forward over it): the switch instant, the first one whose offset is the later
  // one, lies in (late, early]; offsets change on whole minutes, so bisect minutes (pandas' shift_forward).
  let lo = Math.floor(late / 60_000);
  let hi = Math.ceil(early / 60_000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offset(mid * 60_000) === after) hi = mid;
    else lo = mid;
  }
  return hi * 60_000;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** '+01:00', '-05:30', '+00:00' for an offset in ms. */
export function offsetText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** An instant as local ISO 8601 text with its offset in the zone: 2026-03-29T03:00:00+02:00. */
export function zonedIso(zone: Zone, instant: number): string {
  const w = zone.wall(instant);
  const year = w.year >= 0 && w.year <= 9999 ? pad(w.year, 4) : `${w.year < 0 ? '-' : '+'}${pad(w.year, 6)}`;
  return `${year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offsetText(zone.offset(instant))}`;
}
