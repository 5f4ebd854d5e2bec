/** resolveGraphLocation against the Graph stand-in: each part found by name, each wrong part named. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocationNotFoundError } from '../../src/documents/document-source.js';
import { resolveGraphLocation, siteRequestPath } from '../../src/documents/sources/graph-locations.js';
import type { GraphClient } from '../../src/graph/graph-client.js';
import { GraphStandIn } from '../support/graph-stand-in.js';
import { wire } from '../support/graph-stand-in/test-client.js';

let graph: GraphStandIn;
let client: GraphClient;
let minutesDriveId: string;
let folder2025: string;
let channelFolder: string;

beforeAll(async () => {
  graph = await GraphStandIn.start();
  minutesDriveId = graph.addLibrary('Minutes').id;
  folder2025 = graph.ensureFolder('Executive/2025').id;
  graph.addFile('Terms of reference.docx', 'tor', { parentId: graph.ensureFolder('Executive').id });
  channelFolder = graph.addChannel('team-1', '19:abc@thread.tacv2', 'Quality Assurance').id;
  client = wire(graph).client;
});

afterAll(async () => {
  await graph.stop();
});

async function notFound(input: Parameters<typeof resolveGraphLocation>[1]): Promise<LocationNotFoundError> {
  const error = await resolveGraphLocation(client, input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LocationNotFoundError);
  return error as LocationNotFoundError;
}

describe('resolveGraphLocation', () => {
  it('resolves a site URL to its default library', async () => {
    const location = await resolveGraphLocation(client, { site: 'https://contoso.sharepoint.com/sites/scp' });
    expect(location).toEqual({
      kind: 'graph',
      siteId: graph.site.id,
      siteUrl: 'https://contoso.sharepoint.com/sites/scp',
      driveId: graph.driveId,
      driveName: 'Documents',
      folderItemId: null,
      folderPath: 'Shared Documents',
      teamId: null,
      channelId: null,
    });
  });

  it('accepts a URL copied from a library page, and a site id', async () => {
    const fromPage = await resolveGraphLocation(client, { site: 'https://contoso.sharepoint.com/sites/scp/Shared%20Documents/Forms/AllItems.aspx' });
    expect(fromPage.driveId).toBe(graph.driveId);
    const byId = await resolveGraphLocation(client, { site: graph.site.id });
    expect(byId).toMatchObject({ siteId: graph.site.id, driveId: graph.driveId });
  });

  it('finds a library by its display name or its URL name, and a folder by path', async () => {
    const minutes = await resolveGraphLocation(client, { site: graph.siteUrl, library: 'minutes' });
    expect(minutes).toMatchObject({ driveId: minutesDriveId, driveName: 'Minutes', folderPath: 'Minutes' });

    const folder = await resolveGraphLocation(client, { site: graph.siteUrl, library: 'Shared Documents', folder: '/Executive/2025/' });
    expect(folder).toMatchObject({ driveId: graph.driveId, folderItemId: folder2025, folderPath: 'Shared Documents/Executive/2025' });

    // The library's own name typed as the first folder still finds the folder.
    const prefixed = await resolveGraphLocation(client, { site: graph.siteUrl, folder: 'Shared Documents/Executive/2025' });
    expect(prefixed).toMatchObject({ folderItemId: folder2025, folderPath: 'Shared Documents/Executive/2025' });
  });

  it("resolves a channel to its files folder and the folder's library", async () => {
    const location = await resolveGraphLocation(client, { teamId: 'team-1', channelId: '19:abc@thread.tacv2' });
    expect(location).toEqual({
      kind: 'graph',
      siteId: graph.site.id,
      siteUrl: graph.siteUrl,
      driveId: graph.driveId,
      driveName: 'Documents',
      folderItemId: channelFolder,
      folderPath: 'Shared Documents/Quality Assurance',
      teamId: 'team-1',
      channelId: '19:abc@thread.tacv2',
    });
  });

  it('names a wrong site', async () => {
    const byUrl = await notFound({ site: 'https://contoso.sharepoint.com/sites/nope' });
    expect(byUrl.part).toBe('site');
    expect(byUrl.message).toContain('https://contoso.sharepoint.com/sites/nope');
    const byId = await notFound({ site: 'contoso.sharepoint.com,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000' });
    expect(byId.part).toBe('site');
    expect(byId.message).toContain('00000000-0000-0000-0000-000000000000');
  });

  it('names a wrong library and lists the ones there', async () => {
    const error = await notFound({ site: graph.siteUrl, library: 'Papers' });
    expect(error.part).toBe('library');
    expect(error.message).toBe('No library called "Papers" on site https://contoso.sharepoint.com/sites/scp (libraries there: Documents, Minutes)');
  });

  it('names a wrong folder, and a file given as a folder', async () => {
    const missing = await notFound({ site: graph.siteUrl, folder: 'Executive/2031' });
    expect(missing.part).toBe('folder');
    expect(missing.message).toContain('"Executive/2031"');
    expect(missing.message).toContain('"Documents"');
    const file = await notFound({ site: graph.siteUrl, folder: 'Executive/Terms of reference.docx' });
    expect(file.part).toBe('folder');
    expect(file.message).toContain('is a file, not a folder');
  });

  it('names a wrong channel', async () => {
    const error = await notFound({ teamId: 'team-1', channelId: '19:nope@thread.tacv2' });
    expect(error.part).toBe('channel');
    expect(error.message).toContain('19:nope@thread.tacv2');
  });
});

describe('siteRequestPath', () => {
  it('keeps only the site part of a URL, and encodes an id but its commas', () => {
    expect(siteRequestPath('https://contoso.sharepoint.com/sites/scp')).toBe('/sites/contoso.sharepoint.com:/sites/scp');
    expect(siteRequestPath('https://contoso.sharepoint.com/teams/My%20Team/Shared%20Documents')).toBe('/sites/contoso.sharepoint.com:/teams/My%20Team');
    expect(siteRequestPath('https://contoso.sharepoint.com/')).toBe('/sites/contoso.sharepoint.com');
    expect(siteRequestPath('contoso.sharepoint.com,a-b,c-d')).toBe('/sites/contoso.sharepoint.com,a-b,c-d');
  });
});
