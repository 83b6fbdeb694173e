import { externalDemoVariable, startE2eDemo, waitForE2eDemo } from './demo-server.ts';

// Starts `kewo demo` on a fresh PGlite directory, exactly as a new user would, on the demo clock
// (demo-clock.ts), and stops it after — unless `npm test` started it already, during the Vitest run
// (scripts/test-all.ts): then it only checks that the demo answers, and test-all stops it.
export default async function globalSetup() {
  if (process.env[externalDemoVariable]) {
    await waitForE2eDemo();
    return async () => {};
  }
  const demo = startE2eDemo();
  try {
    await waitForE2eDemo(demo.server);
  } catch (error) {
    await demo.stop();
    throw error;
  }
  return demo.stop;
}
