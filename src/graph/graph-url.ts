/**
 * Pure URL helpers for Graph. Our configuration holds one full base URL (GRAPH_BASE_URL, e.g.
 * https://graph.microsoft.com/v1.0 or http://127.0.0.1:PORT/v1.0), while the Graph SDK wants a host
 * and a version apart, and Graph hands back absolute nextLink / deltaLink / Location URLs.
 *
 * URLs are handled as strings on purpose: `new URL()` would re-encode characters such as `'` in
 * Graph's `delta(token='…')` links, and a link must be sent back exactly as it came.
 */

export interface GraphBase {
  /** e.g. `https://graph.microsoft.com` (lower-case, no default port). */
  origin: string;
  /** The path under the origin without slashes at either end, e.g. `v1.0`; may be empty. */
  versionPath: string;
  /** origin + '/' + versionPath, without a trailing slash. */
  url: string;
}

export function parseGraphBaseUrl(baseUrl: string): GraphBase {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`Graph base URL is not a URL: ${baseUrl}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`Graph base URL must be http(s): ${baseUrl}`);
  }
  const versionPath = parsed.pathname.replace(/^\/+|\/+$/g, '');
  return { origin: parsed.origin, versionPath, url: versionPath ? `${parsed.origin}/${versionPath}` : parsed.origin };
}

const ABSOLUTE = /^https?:\/\//i;

export const isAbsoluteUrl = (value: string): boolean => ABSOLUTE.test(value);

/** A path relative to the version root (`/drives/…` or `drives/…`), or an absolute URL as given. */
export function resolveGraphUrl(base: GraphBase, pathOrUrl: string): string {
  if (isAbsoluteUrl(pathOrUrl)) return pathOrUrl;
  return `${base.url}/${pathOrUrl.replace(/^\/+/, '')}`;
}

/** The origin of an absolute URL, or undefined when it is not one. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Splits an absolute URL on our Graph origin into the SDK's (version, path). A URL on another
 * origin is refused: the SDK would attach our token to it.
 */
export function splitForSdk(base: GraphBase, absoluteUrl: string): { version: string; path: string } {
  if (originOf(absoluteUrl) !== base.origin) {
    throw new Error(`Refusing to send a Graph request to another host than ${base.origin}`);
  }
  const rest = absoluteUrl.replace(/^https?:\/\/[^/?#]+/i, ''); // '/v1.0/drives/…?…'
  const trimmed = rest.replace(/^\/+/, '');
  const v = base.versionPath;
  if (v === '') return { version: '', path: trimmed };
  if (trimmed === v || trimmed.startsWith(`${v}/`) || trimmed.startsWith(`${v}?`)) {
    return { version: v, path: trimmed.slice(v.length).replace(/^\/+/, '') };
  }
  // Same host, another version (e.g. a link into /beta): keep its first segment as the version.
  const slash = trimmed.search(/[/?]/);
  return slash === -1 ? { version: trimmed, path: '' } : { version: trimmed.slice(0, slash), path: trimmed.slice(slash).replace(/^\/+/, '') };
}

/**
 * The resource (token audience) for a Graph base URL: its origin. National clouds have their own
 * Graph hosts (graph.microsoft.us, microsoftgraph.chinacloudapi.cn…) and tokens for one are not
 * accepted by another.
 */
export const graphResourceFor = (baseUrl: string): string => parseGraphBaseUrl(baseUrl).origin;

/** The client-credentials / on-behalf-of scope for a Graph base URL. */
export const graphDefaultScopeFor = (baseUrl: string): string => `${graphResourceFor(baseUrl)}/.default`;

/** Path segments encoded one by one, keeping the slashes: for `root:/{path}` and site paths. */
export const encodePathSegments = (path: string): string =>
  path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => encodeURIComponent(s))
    .join('/');
