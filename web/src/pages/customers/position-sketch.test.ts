import { describe, expect, it } from 'vitest';
import { amapMarkerUrl, sketchPosition } from './position-sketch.ts';

const store = { latitude: 24.512345, longitude: 117.651234 };
const sketch = sketchPosition(store, { width: 480, height: 300, metresAcross: 2000 });

describe(sketchPosition.name, () => {
  it('puts the store in the middle', () => {
    expect(sketch.project(store)).toEqual({ x: 240, y: 150 });
  });

  it('draws north up and east right', () => {
    const north = sketch.project({ ...store, latitude: store.latitude + 0.001 });
    const east = sketch.project({ ...store, longitude: store.longitude + 0.001 });
    expect(north.y).toBeLessThan(150);
    expect(north.x).toBeCloseTo(240);
    expect(east.x).toBeGreaterThan(240);
  });

  it('keeps distances true: 1 km east of the centre is the right edge of a 2 km sketch', () => {
    // 1 km of longitude at 24.5° N is 1000 / (111320 · cos 24.5°) degrees.
    const degrees = 1000 / (111_320 * Math.cos((store.latitude * Math.PI) / 180));
    expect(sketch.project({ ...store, longitude: store.longitude + degrees }).x).toBeCloseTo(480);
  });

  it('labels grid lines on round degrees inside the sketch', () => {
    expect(sketch.gridLines.length).toBeGreaterThan(2);
    for (const line of sketch.gridLines) {
      const size = line.axis === 'meridian' ? sketch.width : sketch.height;
      expect(line.offset).toBeGreaterThanOrEqual(0);
      expect(line.offset).toBeLessThanOrEqual(size);
      expect(line.label).toMatch(/^\d+\.\d+°[NE]$/);
    }
    expect(sketch.gridLines.find((line) => line.axis === 'parallel')?.label).toMatch(/^24\.5\d*°N$/);
  });

  it('picks a round scale bar no wider than a quarter of the sketch', () => {
    expect(sketch.scaleBar.metres).toBe(500);
    expect(sketch.scaleBar.length).toBeCloseTo(120);
  });
});

describe(amapMarkerUrl.name, () => {
  it('passes longitude first, as Amap expects, and escapes the name', () => {
    expect(amapMarkerUrl(store, '恒兴便利&店')).toBe(
      'https://uri.amap.com/marker?position=117.651234,24.512345&name=%E6%81%92%E5%85%B4%E4%BE%BF%E5%88%A9%26%E5%BA%97',
    );
  });
});
