import type { BrowserContext } from '@playwright/test';

// The journeys' demo runs on a fixed working day, whatever day CI runs on: a Wednesday morning in
// Beijing, with visits planned and the order window open. The server is started at this instant
// (kewo demo's KEWO_NOW) and the browsers' clocks are set to the same time, both then running.
export const demoStart = new Date('2026-12-02T10:00:00+08:00');

// How far the demo's clock is from the real one; global-setup sets it as the server starts.
const offsetVariable = 'KEWO_E2E_CLOCK_OFFSET_MS';

export function startDemoClock(): Record<string, string> {
  process.env[offsetVariable] = String(demoStart.getTime() - Date.now());
  return { KEWO_NOW: demoStart.toISOString() };
}

export async function useDemoClock(context: BrowserContext): Promise<void> {
  const offset = Number(process.env[offsetVariable] ?? Number.NaN);
  if (!Number.isFinite(offset))
    throw new Error(`${offsetVariable} is not set: the demo clock starts in global-setup.ts`);
  await context.clock.install({ time: Date.now() + offset });
}
