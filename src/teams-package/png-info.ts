/** What a PNG's header says: its size and how its pixels are stored. */
export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  colourType: number;
  /** Whether pixels carry transparency: an alpha channel, or a tRNS chunk (palette or key colour). */
  hasAlpha: boolean;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads a PNG's header chunks (not its pixels), or undefined when the bytes are not a PNG. */
export function readPngInfo(bytes: Uint8Array): PngInfo | undefined {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(...bytes.subarray(at + 4, at + 8));
  if (type(8) !== 'IHDR') return undefined;
  const info: PngInfo = {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: bytes[24]!,
    colourType: bytes[25]!,
    hasAlpha: bytes[25] === 4 || bytes[25] === 6,
  };
  // A tRNS chunk, before the first IDAT, gives a palette or key colour transparency.
  for (let at = 8; at + 12 <= bytes.length; at += 12 + view.getUint32(at)) {
    const t = type(at);
    if (t === 'tRNS') info.hasAlpha = true;
    if (t === 'IDAT' || t === 'IEND') break;
  }
  return info;
}
