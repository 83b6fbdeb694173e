import type { RouteStop } from './visits.api.ts';

// The daily route drawn without map tiles (the machine may be offline): stops with coordinates
// projected onto a plane (equirectangular, longitude shrunk by the cosine of the mean latitude,
// which is exact enough for a day's few kilometres), fitted into the drawing with a margin.

export type RouteOrder = 'before' | 'after';
export type MapPoint = { stop: RouteStop; label: number; x: number; y: number };

// The placed stops in the order asked for: "before" is the plan's order (kmBefore), "after" the
// route's (kmAfter). Labels number the stops 1..n in that order.
export function stopsInOrder(stops: readonly RouteStop[], order: RouteOrder): { stop: RouteStop; label: number }[] {
  const placed = stops.filter((stop) => stop.latitude !== null && stop.longitude !== null);
  const key = (stop: RouteStop) => (order === 'after' ? stop.sequence : (stop.planSequence ?? stop.sequence));
  return [...placed].sort((a, b) => key(a) - key(b)).map((stop, index) => ({ stop, label: index + 1 }));
}

export function projectStops(
  ordered: readonly { stop: RouteStop; label: number }[],
  size: { width: number; height: number; margin: number },
): MapPoint[] {
  if (ordered.length === 0) return [];
  const latitudes = ordered.map(({ stop }) => stop.latitude as number);
  const meanLatitude = latitudes.reduce((sum, value) => sum + value, 0) / latitudes.length;
  const shrink = Math.cos((meanLatitude * Math.PI) / 180);
  const planar = ordered.map(({ stop }) => ({ x: (stop.longitude as number) * shrink, y: -(stop.latitude as number) }));
  const minX = Math.min(...planar.map((point) => point.x));
  const maxX = Math.max(...planar.map((point) => point.x));
  const minY = Math.min(...planar.map((point) => point.y));
  const maxY = Math.max(...planar.map((point) => point.y));
  const innerWidth = size.width - 2 * size.margin;
  const innerHeight = size.height - 2 * size.margin;
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  // One scale for both axes keeps distances true; a single place (or one spot) sits in the middle.
  const scaleX = spanX > 0 ? innerWidth / spanX : Number.POSITIVE_INFINITY;
  const scaleY = spanY > 0 ? innerHeight / spanY : Number.POSITIVE_INFINITY;
  const fitted = Math.min(scaleX, scaleY);
  const scale = Number.isFinite(fitted) ? fitted : 0;
  const offsetX = size.margin + (innerWidth - spanX * scale) / 2;
  const offsetY = size.margin + (innerHeight - spanY * scale) / 2;
  return ordered.map(({ stop, label }, index) => ({
    stop,
    label,
    x: Math.round((offsetX + (planar[index].x - minX) * scale) * 10) / 10,
    y: Math.round((offsetY + (planar[index].y - minY) * scale) * 10) / 10,
  }));
}
