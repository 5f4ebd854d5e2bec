import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP, DEMO_PEOPLE, DEMO_TENANT_ID } from '../../src/demo/demo-partnership.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { PeopleRepository } from '../../src/storage/repositories/people-repository.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}
interface PlaygroundConfig {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}
/** What scripts/playground.mjs exports (plain JavaScript, so typed here). */
interface PlaygroundScript {
  readPlaygroundConfig(file?: string): PlaygroundConfig;
  parsePlaygroundYaml(text: string): unknown;
  playgroundConfigProblems(config: unknown): string[];
  demoKeyOf(user: PlaygroundUser): string | undefined;
  asPerson(config: PlaygroundConfig, key: string): PlaygroundConfig;
  toPlaygroundYaml(config: PlaygroundConfig): string;
}

const script = (await import(path.join(PROJECT_ROOT, 'scripts', 'playground.mjs'))) as PlaygroundScript;
const config = script.readPlaygroundConfig();
const everyone = [config.currentUser, ...config.users];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const demoPerson = (u: PlaygroundUser) => DEMO_PEOPLE.find((p) => p.key === script.demoKeyOf(u));

describe('.m365agentsplayground.yml (npm run playground)', () => {
  it('is what the Agents Playground accepts: one tenant, five users, one channel besides General', () => {
    expect(script.playgroundConfigProblems(config)).toEqual([]);
    expect(config.team.channels).toHaveLength(1);
  });

  it('lists only people of the demo partnership, under their demo names', () => {
    for (const u of everyone) {
      const p = demoPerson(u);
      expect(p, `${u.name} <${u.email}> is not a demo person`).toBeDefined();
      expect(u.name).toBe(p!.displayName);
      expect(`${u.givenName} ${u.surname}`).toBe(p!.displayName);
      expect(u.userPrincipleName).toBe(u.email);
    }
    expect(new Set(everyone.map(script.demoKeyOf)).size).toBe(everyone.length);
  });

  it('gives each person the demo seed\'s synthetic Entra object id and tenant', () => {
    expect(config.tenantId).toBe(DEMO_TENANT_ID);
    for (const u of everyone) {
      const p = DEMO_PEOPLE.find((d) => d.displayName === u.name);
      expect(p, `${u.name} is not a demo person`).toBeDefined();
      expect(u.aadObjectId, u.name).toBe(p!.entraObjectId);
    }
    expect(new Set(DEMO_PEOPLE.map((p) => p.entraObjectId)).size).toBe(DEMO_PEOPLE.length);
  });

  it('makes the demo scrutineer the current user', () => {
    expect(demoPerson(config.currentUser)?.role).toBe('scrutineer');
    expect(DEMO_PEOPLE.filter((p) => p.role === 'scrutineer').map((p) => p.key)).toEqual([script.demoKeyOf(config.currentUser)]);
  });

  it('uses only invented ids: distinct GUIDs for the tenant and each person', () => {
    const ids = [config.tenantId, config.bot.id, config.team.aadGroupId, ...everyone.map((u) => u.aadObjectId)];
    for (const id of ids) expect(id).toMatch(GUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('can be seen as another person (--as), and written back as the reader reads it', () => {
    const asPartner = script.asPerson(config, 'icb-lead');
    expect(asPartner.currentUser.name).toBe('Helen Okafor');
    expect(asPartner.users.map((u) => u.name)).toContain(config.currentUser.name);
    expect(script.playgroundConfigProblems(asPartner)).toEqual([]);
    expect(script.parsePlaygroundYaml(script.toPlaygroundYaml(asPartner))).toEqual(asPartner);
    expect(() => script.asPerson(config, 'nobody')).toThrow(/no one .* has that demo key/);
  });

  it('refuses YAML it would read differently from the Playground', () => {
    expect(() => script.parsePlaygroundYaml('version: 0.1\n')).toThrow(/line 1: quote "0.1"/);
    expect(() => script.parsePlaygroundYaml("name: 'single'\n")).toThrow(/line 1: quote the value/);
    expect(() => script.parsePlaygroundYaml('bot:\nname: x\n')).toThrow(/"bot" needs a value/);
  });
});

describe('the playground people in the seeded demo partnership', () => {
  let t: TestApp;
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });

  it('are each one demo person, found by the file\'s Entra object id and tenant as seeded', async () => {
    const people = new PeopleRepository(t.app.database.db);
    for (const u of everyone) {
      const found = await people.findByEntraIdentity(config.tenantId, u.aadObjectId);
      expect(found.map((p) => [p.displayName, p.role, p.partnership.name, p.partnership.isSynthetic])).toEqual([
        [demoPerson(u)!.displayName, demoPerson(u)!.role, DEMO_PARTNERSHIP.name, true],
      ]);
    }
  });

  it('are known to the bot: "my challenges" in the personal chat, as the Playground sends it', async () => {
    for (const u of everyone) {
      connector.calls.length = 0;
      const activity = {
        type: 'message',
        id: `msg-${u.id}`,
        text: 'my challenges',
        textFormat: 'plain',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: u.id, name: u.name, aadObjectId: u.aadObjectId },
        conversation: { conversationType: 'personal', tenantId: config.tenantId, id: config.personalChat.id },
        recipient: { id: config.bot.id, name: config.bot.name },
        channelData: { tenant: { id: config.tenantId } },
      };
      const r = await request(t.url, 'POST', '/api/messages', { json: activity });
      expect(r.status).toBe(200);
      const reply = JSON.stringify(connector.calls.at(-1)?.body);
      expect(reply, u.name).toContain('My challenges');
      expect(reply, u.name).not.toContain('could not find you');
    }
  });
});
