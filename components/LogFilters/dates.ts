/*
 * The log page picks whole days in the reader's own time zone; the filter holds instants.
 * "From 4 March to 6 March" means [4 March 00:00 local, 7 March 00:00 local).
 */

function localMidnight(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The instant a local day starts; undefined for an empty or malformed day. */
export function dayStart(day: string): string | undefined {
  return localMidnight(day)?.toISOString();
}

/** The instant after a local day ends (the next day's start). */
export function dayEnd(day: string): string | undefined {
  const date = localMidnight(day);
  if (!date) return undefined;
  date.setDate(date.getDate() + 1);
  return date.toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');
function localDayOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Back from an instant to the local day field that produced it. */
export function dayOfStart(instant: string | undefined): string {
  return instant ? localDayOf(new Date(instant)) : '';
}

export function dayOfEnd(instant: string | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  date.setDate(date.getDate() - 1);
  return localDayOf(date);
}
