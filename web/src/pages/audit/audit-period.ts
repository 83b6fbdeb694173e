// Picked days are Beijing calendar days (YYYY-MM-DD): from 00:00 of the first day to the
// last millisecond of the last, sent as UTC instants whatever the browser's time zone.
export function periodToRange(start: string | undefined, end: string | undefined): { from?: string; to?: string } {
  return {
    from: start ? new Date(`${start}T00:00:00+08:00`).toISOString() : undefined,
    to: end ? new Date(`${end}T23:59:59.999+08:00`).toISOString() : undefined,
  };
}
