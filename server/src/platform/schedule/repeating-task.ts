// Work the server repeats while it runs (the SLA sweep, the class switch): once at start, then every
// `everyMs`, never two at a time (a round still running when the next is due skips that one), and
// a stop that waits for the round in flight, so the database closes after it. The timer does not
// keep the process alive.
export function scheduleRepeating(work: () => Promise<unknown>, everyMs: number, onError: (error: unknown) => void) {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = work()
      .then(() => undefined, onError)
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
