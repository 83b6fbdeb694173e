import type { jobsMessages } from './messages.ts';

// English, a chunk of its own that loads when someone chooses it. Typed as the Chinese
// messages: a key missing here, or one Chinese does not have, is a type error.
export const en: (typeof jobsMessages)['zh-CN'] = {
  menu: {
    jobs: 'Background jobs',
  },
  jobs: {
    title: 'Background jobs',
    intro:
      "What the system does on its own, on a schedule: the table below gives each job's cadence and latest run. With several servers, each job runs on one of them only.",
    startedAt: 'Started',
    duration: 'Duration',
    milliseconds: '{{value}} ms',
    result: 'Result',
    running: 'Running',
    ok: 'Succeeded',
    failed: 'Failed',
    outcome: 'What it did',
    runner: 'Server',
    lastRun: 'Last run: {{at}}',
    noRuns: 'Not run yet',
    cadence: {
      minutes: 'every {{count}} min',
      hours: 'every {{count}} h',
      daily: 'daily at {{at}}',
      monthly: 'monthly on day {{day}} at {{at}}',
    },
    names: {
      database: {
        statistics: 'Database statistics',
      },
      brand: {
        'fold-closed-weeks': 'Brand programme roll-up',
      },
      prices: {
        warnings: 'Price warning evaluation',
        'refresh-margins': 'Retail margin roll-up',
      },
      tickets: {
        'sla-sweep': 'Complaint time limits',
      },
      classification: {
        upkeep: 'Customer class upkeep',
      },
      auth: {
        prune: 'Sign-in record pruning',
      },
      customers: {
        'prune-import-error-files': 'Import error file pruning',
      },
      information: {
        publisher: 'Scheduled article publishing',
        reminders: 'Important article reminders',
      },
    },
    descriptions: {
      database: {
        statistics:
          "Re-analyses the embedded database's tables that grew by a fifth, so its query plans stay right (PostgreSQL does this itself).",
      },
      brand: {
        'fold-closed-weeks':
          "Folds brand programmes' closed order weeks into one row per store, so their KPIs read faster.",
      },
      prices: {
        warnings:
          "Judges last complete week's price index daily and raises a warning outside the band or on a steep weekly drop.",
        'refresh-margins': 'Stores the retail margin of this week, the last 5 weeks and any week not yet stored.',
      },
      tickets: {
        'sla-sweep': 'Moves the time limits of due tickets on: warnings, breaches, escalations, auto-confirmation.',
      },
      classification: {
        upkeep:
          'Approved classes whose effective date has come take effect; the order weeks closed since are summarised.',
      },
      auth: {
        prune: 'Deletes sign-in attempts over a day old and sessions ended over a month ago.',
      },
      customers: {
        'prune-import-error-files': 'Deletes the error workbooks of failed imports once they have expired.',
      },
      information: {
        publisher: 'Publishes scheduled articles to their stores when their time comes.',
        reminders: 'Sends a store one text message about an important article it has not acknowledged after 24 h.',
      },
    },
    counts: {
      tables: 'tables',
      tenants: 'city companies',
      created: 'warnings raised',
      extended: 'warnings extended',
      refreshed: 'warnings refreshed',
      evaluated: 'figures judged',
      programmes: 'programmes folded',
      stores: 'stores',
      storeWeeks: 'store-weeks',
      tickets: 'tickets checked',
      events: 'time-limit events',
      switched: 'classes switched',
      weeks: 'weeks summarised',
      articles: 'articles published',
      deliveries: 'stores reached',
      reminders: 'reminders sent',
    },
  },
};
