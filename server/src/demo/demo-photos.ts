import { crc32, deflateSync } from 'node:zlib';
import type { Random } from './random.ts';

// The demo's photos of counters and displays (inspections, contest entries): small PNGs drawn in
// code — a wall, a shop sign, a glass cabinet whose shelves hold rows of packs, a counter — so the
// pages, the photo viewers and the contest booklet have real images to show, with no image
// library and no files shipped. Each is a few KB: rows of flat colour compress to little.

type Colour = readonly [number, number, number];

const walls: readonly Colour[] = [
  [236, 229, 214],
  [224, 232, 238],
  [240, 226, 222],
  [228, 236, 224],
];
const signs: readonly Colour[] = [
  [178, 34, 34],
  [196, 58, 38],
  [24, 92, 160],
  [20, 110, 80],
];
const packs: readonly Colour[] = [
  [200, 40, 40],
  [230, 190, 60],
  [40, 90, 170],
  [250, 250, 245],
  [60, 140, 90],
  [120, 60, 40],
  [210, 120, 40],
  [90, 90, 100],
];

export const demoPhotoWidth = 480;
export const demoPhotoHeight = 360;

// A photo of a store's display, drawn from `random`: the same draw, the same bytes.
export function drawDisplayPhoto(random: Random): Buffer {
  const width = demoPhotoWidth;
  const height = demoPhotoHeight;
  const pixels = Buffer.alloc(width * height * 3);
  const fill = (x0: number, y0: number, x1: number, y1: number, colour: Colour) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y += 1) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x += 1) {
        const offset = (y * width + x) * 3;
        pixels[offset] = colour[0];
        pixels[offset + 1] = colour[1];
        pixels[offset + 2] = colour[2];
      }
    }
  };
  fill(0, 0, width, height, random.pick(walls));
  // The sign, with blocks standing for its characters.
  const sign = random.pick(signs);
  fill(20, 14, width - 20, 62, sign);
  const characters = random.integer(4, 7);
  const step = Math.floor((width - 80) / characters);
  for (let index = 0; index < characters; index += 1)
    fill(50 + index * step, 24, 50 + index * step + step - 14, 52, [252, 236, 190]);
  // The cabinet: a frame, glass, shelves, packs standing in rows.
  const top = 82;
  const bottom = 268;
  fill(40, top, width - 40, bottom, [70, 52, 40]);
  fill(48, top + 8, width - 48, bottom - 8, [206, 222, 228]);
  const shelves = random.integer(3, 4);
  const shelfHeight = Math.floor((bottom - top - 16) / shelves);
  for (let shelf = 0; shelf < shelves; shelf += 1) {
    const floor = top + 8 + (shelf + 1) * shelfHeight;
    fill(48, floor - 4, width - 48, floor, [150, 150, 150]);
    let x = 56;
    const packWidth = random.integer(14, 20);
    while (x + packWidth < width - 56) {
      const colour = random.next() < 0.85 ? random.pick(packs) : ([206, 222, 228] as const);
      fill(x, floor - 4 - (shelfHeight - 14), x + packWidth, floor - 4, colour);
      x += packWidth + 3;
    }
  }
  // The counter and the floor.
  fill(0, bottom, width, bottom + 40, [150, 112, 78]);
  fill(0, bottom + 40, width, height, [196, 190, 180]);
  return encodePng(width, height, pixels);
}

// RGB pixels (3 bytes each, rows top to bottom) as a PNG: IHDR, one IDAT (no row filter), IEND.
export function encodePng(width: number, height: number, rgb: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const rowBytes = width * 3;
  const raw = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y += 1) rgb.copy(raw, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
