/** A file's bytes as base64, as the import endpoints take them (src/contract/action-import.ts). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole file's bytes as arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The largest file an import takes (IMPORT_LIMITS.maxFileBytes on the server). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function isImportFile(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name);
}
