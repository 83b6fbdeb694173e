// An offline position sketch: the console's browsers may have no internet, so no map tiles.
// The store sits in the middle of a small local plane (equirectangular, fine at this scale)
// with a latitude/longitude grid and a scale bar, north up.

export type Coordinates = { latitude: number; longitude: number };

export type GridLine = { axis: 'meridian' | 'parallel'; offset: number; degrees: number; label: string };

export type PositionSketch = {
  width: number;
  height: number;
  centre: { x: number; y: number };
  gridLines: GridLine[];
  scaleBar: { metres: number; length: number };
  // Where a point lands on the sketch (for neighbours, later), in pixels.
  project: (point: Coordinates) => { x: number; y: number };
};

const metresPerDegreeLatitude = 111_320;
const gridSteps = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1];
const scaleSteps = [20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];

function decimalsFor(step: number): number {
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
}

export function sketchPosition(
  centre: Coordinates,
  { width, height, metresAcross }: { width: number; height: number; metresAcross: number },
): PositionSketch {
  const pixelsPerMetre = width / metresAcross;
  const metresPerDegreeLongitude = metresPerDegreeLatitude * Math.cos((centre.latitude * Math.PI) / 180);
  const project = (point: Coordinates) => ({
    x: width / 2 + (point.longitude - centre.longitude) * metresPerDegreeLongitude * pixelsPerMetre,
    y: height / 2 - (point.latitude - centre.latitude) * metresPerDegreeLatitude * pixelsPerMetre,
  });

  // Grid lines at least ~70 px apart, on round degree values.
  const minimumGap = 70;
  const step =
    gridSteps.find((candidate) => candidate * metresPerDegreeLatitude * pixelsPerMetre >= minimumGap) ??
    gridSteps[gridSteps.length - 1];
  const decimals = decimalsFor(step);
  const gridLines: GridLine[] = [];
  const halfLongitude = width / 2 / pixelsPerMetre / metresPerDegreeLongitude;
  const halfLatitude = height / 2 / pixelsPerMetre / metresPerDegreeLatitude;
  const linesBetween = (from: number, to: number) => {
    const values: number[] = [];
    for (let index = Math.ceil(from / step); index * step <= to; index += 1) values.push(index * step);
    return values;
  };
  for (const longitude of linesBetween(centre.longitude - halfLongitude, centre.longitude + halfLongitude)) {
    gridLines.push({
      axis: 'meridian',
      offset: project({ latitude: centre.latitude, longitude }).x,
      degrees: longitude,
      label: `${Math.abs(longitude).toFixed(decimals)}°${longitude >= 0 ? 'E' : 'W'}`,
    });
  }
  for (const latitude of linesBetween(centre.latitude - halfLatitude, centre.latitude + halfLatitude)) {
    gridLines.push({
      axis: 'parallel',
      offset: project({ latitude, longitude: centre.longitude }).y,
      degrees: latitude,
      label: `${Math.abs(latitude).toFixed(decimals)}°${latitude >= 0 ? 'N' : 'S'}`,
    });
  }

  // The longest round distance that fits in a quarter of the width.
  const metres =
    [...scaleSteps].reverse().find((candidate) => candidate * pixelsPerMetre <= width / 4) ?? scaleSteps[0];
  return {
    width,
    height,
    centre: { x: width / 2, y: height / 2 },
    gridLines,
    scaleBar: { metres, length: metres * pixelsPerMetre },
    project,
  };
}

// Opens the point in Amap (高德地图) for anyone with internet; GCJ-02 vs WGS-84 offsets are
// Amap's to handle (the demo coordinates are synthetic anyway).
export function amapMarkerUrl(point: Coordinates, name: string): string {
  const position = `${point.longitude},${point.latitude}`;
  return `https://uri.amap.com/marker?position=${position}&name=${encodeURIComponent(name)}`;
}
