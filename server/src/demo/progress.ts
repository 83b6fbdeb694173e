import cliProgress from 'cli-progress';

// The demo reports a step when it has finished it (several times for a step done in batches).
export type StepReport = { step: string; at: number };

// How long each step took, in the order they ran: from the previous step's last report to the
// step's own last report. The first step counts from `startedAt`.
export function stepDurations(startedAt: number, reports: readonly StepReport[]) {
  const durations: { step: string; ms: number }[] = [];
  let previousEnd = startedAt;
  for (let index = 0; index < reports.length; index += 1) {
    const report = reports[index];
    const next = reports[index + 1];
    if (next && next.step === report.step) continue;
    durations.push({ step: report.step, ms: report.at - previousEnd });
    previousEnd = report.at;
  }
  return durations;
}

export function formatStepDurations(durations: readonly { step: string; ms: number }[]) {
  return durations.map(({ step, ms }) => `${step} ${(ms / 1000).toFixed(1)} s`).join(' · ');
}

// A progress bar on a terminal; plain lines when the output is a file or CI log. Either way the
// time each step took is printed at the end.
export function createProgressReporter(title: string, clock: () => number = Date.now) {
  const startedAt = clock();
  const reports: StepReport[] = [];
  const record = (step: string) => reports.push({ step, at: clock() });
  // What runs after the last report (statistics, vacuum) shows as `finish`.
  const summary = () => {
    record('finish');
    console.log(`${title}: ${formatStepDurations(stepDurations(startedAt, reports))}`);
  };
  if (!process.stdout.isTTY) {
    let lastStep = '';
    return {
      update: (step: string, done: number, total: number) => {
        record(step);
        if (step !== lastStep) console.log(`${title}: ${step} (${done}/${total})`);
        lastStep = step;
      },
      stop: summary,
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% {step}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (step: string, done: number, total: number) => {
      record(step);
      if (!started) {
        bar.start(total, done, { step });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { step });
    },
    stop: () => {
      bar.stop();
      summary();
    },
  };
}
