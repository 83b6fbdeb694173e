import cliProgress from 'cli-progress';

// A progress bar on a terminal; plain lines when the output is a file or CI log.
export function createProgressReporter(title: string) {
  if (!process.stdout.isTTY) {
    let lastStep = '';
    return {
      update: (step: string, done: number, total: number) => {
        if (step !== lastStep) console.log(`${title}: ${step} (${done}/${total})`);
        lastStep = step;
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% {step}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (step: string, done: number, total: number) => {
      if (!started) {
        bar.start(total, done, { step });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { step });
    },
    stop: () => bar.stop(),
  };
}
