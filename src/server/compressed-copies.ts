/**
 * The compressed copies the tab's build writes beside its text files (tab/precompress.ts) and the server
 * sends by the request's Accept-Encoding (static-tab.ts): which files have them, and the copies' extensions.
 */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
export const COPY_EXTENSIONS = { br: 'br', gzip: 'gz' } as const;
export type CopyEncoding = keyof typeof COPY_EXTENSIONS;
