// The clock a process runs on. Services never read the wall clock: they are handed `now`
// (AppContext). In production it is the system clock; the demo can be started at a chosen
// instant (`kewo demo --now`, or KEWO_NOW), from which its clock then runs at the normal pace —
// so the browser journeys see a working day whatever day they run on, and time still moves
// between a check-in and a check-out.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function clockStartingAt(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return () => new Date(realNow() + offset);
}

// An instant as ISO 8601 with its time zone (2026-12-02T10:00:00+08:00, or …Z). A local time
// without a zone is refused: the same text would be another instant on another machine.
const instantPattern =
  /^(?<date>\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(?<zone>Z|(?<sign>[+-])(?<hours>\d{2}):(?<minutes>\d{2}))$/;

export function parseInstant(text: string): Date | undefined {
  const parts = instantPattern.exec(text)?.groups;
  const instant = new Date(text);
  if (!parts || Number.isNaN(instant.getTime())) return undefined;
  // Date rolls 2026-02-30 over to March; a calendar date that does not exist is refused instead.
  const offsetMinutes =
    parts.zone === 'Z' ? 0 : (parts.sign === '-' ? -1 : 1) * (Number(parts.hours) * 60 + Number(parts.minutes));
  const localDate = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
  return localDate === parts.date ? instant : undefined;
}
