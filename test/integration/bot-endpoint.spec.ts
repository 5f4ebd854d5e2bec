import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector } from '../support/fake-connector.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = '11111111-2222-4333-8444-555555555555';

/** A channel message that @mentions the bot, shaped as Teams sends it. */
function channelMessage(serviceUrl: string, text: string) {
  return {
    type: 'message',
    id: '1700000000000',
    timestamp: '2026-11-22T10:00:00.000Z',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:1user', name: 'Jordan Ellis', aadObjectId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: '19:abc@thread.tacv2;messageid=1700000000000' },
    recipient: { id: '28:bot-id', name: 'Line of Sight' },
    textFormat: 'plain',
    text: `<at>Line of Sight</at> ${text}`,
    entities: [{ type: 'mention', mentioned: { id: '28:bot-id', name: 'Line of Sight' }, text: '<at>Line of Sight</at>' }],
    channelData: { teamsChannelId: '19:abc@thread.tacv2', teamsTeamId: '19:team@thread.tacv2', channel: { id: '19:abc@thread.tacv2' }, team: { id: '19:team@thread.tacv2' }, tenant: { id: TENANT } },
    locale: 'en-GB',
  };
}

describe('the bot endpoint /api/messages (dev mode)', () => {
  let t: TestApp;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  beforeAll(async () => {
    connector = await startFakeConnector();
    t = await startTestApp({ seedDemo: false });
  });
  afterAll(async () => {
    await t?.close();
    await connector?.close();
  });

  it('answers "help" in a channel with the help card, as a reply to the message', async () => {
    const r = await request(t.url, 'POST', '/api/messages', { json: channelMessage(connector.url, 'help') });
    expect(r.status).toBe(200);
    const reply = connector.calls.at(-1)!;
    expect(reply.method).toBe('POST');
    expect(reply.path).toBe(`/v3/conversations/${encodeURIComponent('19:abc@thread.tacv2;messageid=1700000000000')}/activities/1700000000000`);
    const card = reply.body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.version).toBe('1.5');
    expect(JSON.stringify(card.content)).toContain('my actions');
  });

  it('answers what it does not understand with help, quoting the words', async () => {
    connector.calls.length = 0;
    await request(t.url, 'POST', '/api/messages', { json: channelMessage(connector.url, 'make tea') });
    expect(JSON.stringify(connector.calls[0]!.body)).toContain("didn't understand \\\"make tea\\\"");
  });

  it('refuses a body that is not an activity with a clear 4xx', async () => {
    const r = await request(t.url, 'POST', '/api/messages', { raw: '{"type": ' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('malformed_json');
    const empty = await request(t.url, 'POST', '/api/messages', { raw: '"hello"' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('validation_failed');
  });
});
