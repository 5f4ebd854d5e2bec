import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hashForSubPageId,
  paperDeepLink,
  paperHash,
  paperSubEntityId,
  parsePaperSubEntityId,
  parseTeamsDeepLink,
  TAB_SURFACES,
  tabConfigurationUrl,
  tabContentUrl,
  tabEntityId,
} from '../../src/domain/deep-links.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { defaultSurfaceFor } from '../../tab/src/config/default-surface.js';
import { buildTabConfig } from '../../tab/src/config/tab-config.js';
import { parseHiddenLocation, parseLocation } from '../../tab/src/router/routes.js';

const DOC = '3f2b8c1e-9a4d-4e6f-8b2a-1c5d7e9f0a12';
const APP_ID = '0d6c3b52-7f1e-4a8b-9c2d-5e6f7a8b9c0d';
const BASE = 'https://los.example.org';

/** Where the tab's router sends an address. */
function routeOf(url: string) {
  const u = new URL(url);
  return parseLocation(u.hash, u.pathname);
}

function hashParams(url: string): URLSearchParams {
  return new URLSearchParams(new URL(url).hash.split('?')[1] ?? '');
}

describe('tab addresses', () => {
  it('opens each surface a configured tab can show, from its content URL alone', () => {
    for (const surface of TAB_SURFACES) {
      const url = tabContentUrl(BASE, surface);
      expect(url).toBe(`${BASE}/tab/${surface}`);
      expect(routeOf(url)).toBe(surface);
    }
  });

  it('ignores trailing slashes on the public address', () => {
    expect(tabContentUrl(`${BASE}///`, 'meeting')).toBe(`${BASE}/tab/meeting`);
    expect(tabConfigurationUrl(`${BASE}/`)).toBe(`${BASE}/tab/config`);
  });

  it('opens a Papers tab at the chosen paper and page', () => {
    const url = tabContentUrl(BASE, 'papers', { documentId: DOC, page: 7 });
    expect(routeOf(url)).toBe('papers');
    expect(hashParams(url).get('documentId')).toBe(DOC);
    expect(hashParams(url).get('page')).toBe('7');
  });

  it('leaves the paper out of tabs that do not show papers', () => {
    expect(tabContentUrl(BASE, 'meeting', { documentId: DOC, page: 2 })).toBe(`${BASE}/tab/meeting`);
  });

  it('reads the configuration URL as the hidden configuration page, not as a surface', () => {
    const u = new URL(tabConfigurationUrl(BASE));
    expect(parseHiddenLocation(u.hash, u.pathname)).toBe('config');
    expect(parseHiddenLocation('#/config', '/')).toBe('config');
    expect(parseHiddenLocation('#/meeting', '/tab/config')).toBeNull();
    expect(parseHiddenLocation('', '/tab/meeting')).toBeNull();
  });

  it('gives tabs stable ids within Teams’ 64-character limit', () => {
    expect(tabEntityId('meeting')).toBe('los-meeting');
    expect(tabEntityId('papers', { documentId: DOC.toUpperCase(), page: 3 })).toBe(`los-paper-${DOC}`);
    for (const surface of TAB_SURFACES) expect(tabEntityId(surface, { documentId: DOC, page: 1 }).length).toBeLessThanOrEqual(64);
  });
});

describe('the Teams manifest', () => {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'manifest', 'manifest.json'), 'utf8')) as {
    configurableTabs?: { configurationUrl: string; canUpdateConfiguration?: boolean; scopes: string[]; context?: string[] }[];
  };

  it('offers one configurable tab, whose configuration URL opens the configuration page', () => {
    expect(manifest.configurableTabs).toHaveLength(1);
    const tab = manifest.configurableTabs![0]!;
    const url = new URL(tab.configurationUrl.replace('${{TAB_ENDPOINT}}', BASE));
    expect(parseHiddenLocation(url.hash, url.pathname)).toBe('config');
    expect(url.toString()).toBe(tabConfigurationUrl(BASE));
    expect(tab.canUpdateConfiguration).toBe(true);
  });

  it('lets the tab be added to channels, group chats and meetings (side panel and stage)', () => {
    const tab = manifest.configurableTabs![0]!;
    expect([...tab.scopes].sort()).toEqual(['groupChat', 'team']);
    expect(tab.context).toEqual(
      expect.arrayContaining(['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage']),
    );
  });
});

describe('deep links to a paper page', () => {
  const paper = { documentId: DOC, page: 12 };

  it('round-trips: the link carries the paper page to the tab, which opens it', () => {
    const link = paperDeepLink({ appId: APP_ID, entityId: 'home', base: BASE, label: 'Neglect audit, page 12', paper });
    const parsed = parseTeamsDeepLink(link);
    expect(parsed).toEqual({
      appId: APP_ID,
      entityId: 'home',
      webUrl: tabContentUrl(BASE, 'papers', paper),
      label: 'Neglect audit, page 12',
      subEntityId: `paper:${DOC}:12`,
      channelId: null,
    });
    const hash = hashForSubPageId(parsed!.subEntityId);
    expect(hash).toBe(paperHash(paper));
    expect(parseLocation(hash!, '/')).toBe('papers');
    const params = new URLSearchParams(hash!.split('?')[1]);
    expect(params.get('documentId')).toBe(DOC);
    expect(params.get('page')).toBe('12');
  });

  it('follows Microsoft’s entity link format, with every part URI-encoded', () => {
    const link = paperDeepLink({ appId: APP_ID, entityId: 'los-papers', base: BASE, label: 'Q&A = “MASH” review', paper, channelId: '19:abc@thread.tacv2' });
    expect(link.startsWith(`https://teams.microsoft.com/l/entity/${APP_ID}/los-papers?webUrl=`)).toBe(true);
    // Nothing that would break the query: no raw braces, quotes, spaces, or a second & inside a value.
    expect(link).not.toMatch(/[{}" ]/);
    const query = link.split('?')[1]!;
    expect(query.split('&').map((p) => p.split('=')[0])).toEqual(['webUrl', 'label', 'context']);
    const context = JSON.parse(decodeURIComponent(query.split('&context=')[1]!));
    expect(context).toEqual({ subEntityId: `paper:${DOC}:12`, channelId: '19:abc@thread.tacv2' });
    expect(parseTeamsDeepLink(link)?.label).toBe('Q&A = “MASH” review');
    expect(parseTeamsDeepLink(link)?.channelId).toBe('19:abc@thread.tacv2');
  });

  it('encodes an entity id with reserved characters in the path', () => {
    const link = paperDeepLink({ appId: APP_ID, entityId: 'tab/one two', base: BASE, label: 'x', paper });
    expect(link).toContain('/tab%2Fone%20two?');
    expect(parseTeamsDeepLink(link)?.entityId).toBe('tab/one two');
  });

  it('refuses to build a link to something that is not a paper page', () => {
    const make = (p: { documentId: string; page: number }) => () => paperDeepLink({ appId: APP_ID, entityId: 'home', base: BASE, label: 'x', paper: p });
    expect(make({ documentId: 'not-a-uuid', page: 1 })).toThrow(RangeError);
    expect(make({ documentId: DOC, page: 0 })).toThrow(RangeError);
    expect(make({ documentId: DOC, page: 1.5 })).toThrow(RangeError);
    expect(() => paperDeepLink({ appId: ' ', entityId: 'home', base: BASE, label: 'x', paper })).toThrow(RangeError);
  });

  it('reads sub-entity ids case-insensitively and writes them in lower case', () => {
    expect(paperSubEntityId({ documentId: DOC.toUpperCase(), page: 3 })).toBe(`paper:${DOC}:3`);
    expect(parsePaperSubEntityId(`paper:${DOC.toUpperCase()}:3`)).toEqual({ documentId: DOC, page: 3 });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['empty', ''],
    ['another kind of item', `meeting:${DOC}:1`],
    ['no page', `paper:${DOC}`],
    ['page zero', `paper:${DOC}:0`],
    ['a negative page', `paper:${DOC}:-2`],
    ['a leading zero', `paper:${DOC}:07`],
    ['a fractional page', `paper:${DOC}:1.5`],
    ['a page too large', `paper:${DOC}:1000000`],
    ['a short id', 'paper:3f2b8c1e-9a4d-4e6f-8b2a:1'],
    ['dashes where hex should be', 'paper:------------------------------------:1'],
    ['an extra part', `paper:${DOC}:1:2`],
    ['script in the page', `paper:${DOC}:1<script>`],
    ['a hash smuggled in', `paper:${DOC}:1#/libraries`],
  ])('ignores a malformed sub-entity id (%s): the tab opens as configured', (_, value) => {
    expect(parsePaperSubEntityId(value)).toBeNull();
    expect(hashForSubPageId(value)).toBeNull();
  });

  it.each([
    ['not a URL', 'paper link'],
    ['another site', `https://example.org/l/entity/${APP_ID}/home`],
    ['not an entity link', `https://teams.microsoft.com/l/app/${APP_ID}`],
    ['a context that is not JSON', `https://teams.microsoft.com/l/entity/${APP_ID}/home?context=%7Bnope`],
    ['a context that is a list', `https://teams.microsoft.com/l/entity/${APP_ID}/home?context=%5B1%5D`],
    ['a broken escape in the path', `https://teams.microsoft.com/l/entity/${APP_ID}/ho%E0me`],
  ])('does not read %s as a Teams deep link', (_, link) => {
    expect(parseTeamsDeepLink(link)).toBeNull();
  });
});

describe('the configuration page’s choices', () => {
  it('defaults to the meeting side panel in a meeting, the action tracker in a channel, else the overview', () => {
    expect(defaultSurfaceFor({ frameContext: 'sidePanel' })).toBe('meeting');
    expect(defaultSurfaceFor({ frameContext: 'meetingStage' })).toBe('meeting');
    expect(defaultSurfaceFor({ frameContext: 'settings', meetingId: 'MCMx' })).toBe('meeting');
    expect(defaultSurfaceFor({ frameContext: 'settings', channelId: '19:abc@thread.tacv2' })).toBe('tracker');
    expect(defaultSurfaceFor({ frameContext: null })).toBe('home');
  });

  it('saves the surface’s address as both the content and the website URL, with a name people recognise', () => {
    expect(buildTabConfig(BASE, { surface: 'tracker' })).toEqual({
      contentUrl: `${BASE}/tab/tracker`,
      websiteUrl: `${BASE}/tab/tracker`,
      entityId: 'los-tracker',
      suggestedDisplayName: 'Action tracker',
    });
    const paper = buildTabConfig(BASE, { surface: 'papers', paper: { documentId: DOC, page: 4, title: 'Annual report of the partnership 2025 to 2026, final draft' } });
    expect(paper.contentUrl).toBe(`${BASE}/tab/papers#/papers?documentId=${DOC}&page=4`);
    expect(paper.suggestedDisplayName.length).toBeLessThanOrEqual(40);
    expect(paper.suggestedDisplayName.endsWith('…')).toBe(true);
  });
});
