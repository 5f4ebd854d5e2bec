// Draws the Teams app icons into manifest/: color.png (192×192, full colour) and outline.png
// (32×32, white on a transparent background), as Teams asks. Node built-ins only: the shapes are
// sampled 4×4 per pixel for smooth edges, and written by the small PNG encoder below.
//
//   node scripts/draw-icons.mjs
//
// The motif: an eye, with a line of sight running from it to the edge.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const MANIFEST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest');

// --- PNG: signature, IHDR, one IDAT of unfiltered RGBA scanlines, IEND ---

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/** `rgba` holds width × height × 4 bytes, row by row. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // filtering: adaptive (each row says its filter; ours are all 0, none)
  ihdr[12] = 0; // not interlaced
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 4)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (1 + width * 4) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Drawing: a canvas of straight (not premultiplied) RGBA, shapes composited by coverage ---

function canvas(size, background) {
  const px = new Uint8Array(size * size * 4);
  if (background) for (let i = 0; i < size * size; i++) px.set(background, i * 4);
  return { size, px };
}

const SAMPLES = 4;

/** Paints `colour` (r, g, b) wherever `inside(x, y)` holds, weighted by the share of each pixel it covers. */
function fill(c, inside, colour, opacity = 1) {
  for (let y = 0; y < c.size; y++) {
    for (let x = 0; x < c.size; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) if (inside(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
      }
      if (hits === 0) continue;
      const a = (hits / (SAMPLES * SAMPLES)) * opacity;
      const i = (y * c.size + x) * 4;
      const below = c.px[i + 3] / 255;
      const out = a + below * (1 - a);
      for (let k = 0; k < 3; k++) c.px[i + k] = Math.round((colour[k] * a + c.px[i + k] * below * (1 - a)) / out);
      c.px[i + 3] = Math.round(out * 255);
    }
  }
}

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** An almond (the eye's outline): the lens where two circles overlap, `a` wide and `b` tall from its centre. */
function almond(cx, cy, a, b) {
  const r = (a * a + b * b) / (2 * b);
  const upper = circle(cx, cy + (r - b), r);
  const lower = circle(cx, cy - (r - b), r);
  return (x, y) => upper(x, y) && lower(x, y);
}

const and = (...fs) => (x, y) => fs.every((f) => f(x, y));
const not = (f) => (x, y) => !f(x, y);
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const NAVY = hex('#1F4E79');
const TEAL = hex('#2FA4A9');
const INK = hex('#0B2740');
const GOLD = hex('#F2C14E');
const WHITE = [255, 255, 255];

function colourIcon() {
  const c = canvas(192, [...NAVY, 255]);
  const eye = almond(84, 96, 62, 36);
  // The line of sight: from the pupil to the right-hand edge, drawn first so the eye sits over it.
  fill(c, rect(84, 93, 192, 99), GOLD);
  fill(c, eye, WHITE);
  fill(c, and(eye, circle(84, 96, 27)), TEAL);
  fill(c, circle(84, 96, 12), INK);
  fill(c, circle(91, 89, 4.5), WHITE);
  // Three marks along the line: what the scrutineer looks at.
  for (const x of [158, 172, 186]) fill(c, rect(x - 1.5, 86, x + 1.5, 106), GOLD);
  return encodePng(192, 192, c.px);
}

function outlineIcon() {
  const c = canvas(32);
  const outer = almond(14, 16, 12.5, 8);
  const inner = almond(14, 16, 10, 5.8);
  fill(c, and(outer, not(inner)), WHITE);
  fill(c, and(circle(14, 16, 4.2), not(circle(15.6, 14.4, 1.3))), WHITE);
  fill(c, rect(25, 15, 32, 17), WHITE);
  return encodePng(32, 32, c.px);
}

writeFileSync(path.join(MANIFEST_DIR, 'color.png'), colourIcon());
writeFileSync(path.join(MANIFEST_DIR, 'outline.png'), outlineIcon());
process.stdout.write(`Wrote ${path.join(MANIFEST_DIR, 'color.png')} and outline.png.\n`);
