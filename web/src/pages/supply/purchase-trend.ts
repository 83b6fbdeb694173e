// The 13 weeks of a store's purchase trend as the chart draws them: every week from the first
// Monday to the last, oldest first, a week without orders as 0 cartons and ¥0, so the axis is even.

export type WeeklyPurchase = { weekStart: string; quantity: number; amount: number };

const dayMs = 86_400_000;
const mondayPattern = /^\d{4}-\d{2}-\d{2}$/;
// The server sends 13 weeks; anything far longer is not a trend this chart can show.
const maxWeeks = 104;

export function weeklyPurchaseSeries(trend: { from: string; to: string; weeks: readonly WeeklyPurchase[] }) {
  if (!mondayPattern.test(trend.from) || !mondayPattern.test(trend.to)) return [];
  const first = Date.parse(`${trend.from}T00:00:00Z`);
  const last = Date.parse(`${trend.to}T00:00:00Z`);
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return [];
  const count = Math.min(Math.floor((last - first) / (7 * dayMs)) + 1, maxWeeks);
  const byWeek = new Map(trend.weeks.map((week) => [week.weekStart, week]));
  return Array.from({ length: count }, (_, index) => {
    const weekStart = new Date(first + index * 7 * dayMs).toISOString().slice(0, 10);
    const week = byWeek.get(weekStart);
    return { weekStart, quantity: week?.quantity ?? 0, amount: week?.amount ?? 0 };
  });
}
