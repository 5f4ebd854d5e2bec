/**
 * The server under test, as its own process (so that kill -9 is real): src/main.ts's start-up, plus
 * what the reliability suite needs and production does not have:
 * - an empty route (GET and POST /reliability/empty) through the same restify server, security headers and
 *   body-less path, as the baseline the load figures are read against;
 * - the schedules' intervals from the environment (RELIABILITY_OUTBOX_POLL_MS, RELIABILITY_EVIDENCE_INTERVAL_MS,
 *   RELIABILITY_CHALLENGE_SWEEP_MS), so that a restart can be watched in seconds, not minutes;
 * - a clock moved on by RELIABILITY_CLOCK_OFFSET_MS, so that "three days later" is one restart away;
 * - RELIABILITY_VALIDATE_RESPONSES=true checks every answer against the contract (a violation is a 500);
 * - a warning for every stall of the event loop over a second, which the load part counts.
 * It prints "RELIABILITY READY <port>" once it listens. Run with: node --import tsx test/reliability/support/server-process.ts
 */
import type { Request, Response } from 'restify';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/server/logger.js';

const numberFrom = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);

const config = loadConfig();
const logger = createLogger(config.logLevel);
const offset = numberFrom('RELIABILITY_CLOCK_OFFSET_MS') ?? 0;
const app = await createApp(config, {
  logger,
  now: offset === 0 ? undefined : () => new Date(Date.now() + offset),
  validateResponses: process.env.RELIABILITY_VALIDATE_RESPONSES === 'true',
  outboxPollIntervalMs: numberFrom('RELIABILITY_OUTBOX_POLL_MS'),
  evidenceRequestIntervalMs: numberFrom('RELIABILITY_EVIDENCE_INTERVAL_MS'),
  challengeSweepIntervalMs: numberFrom('RELIABILITY_CHALLENGE_SWEEP_MS'),
});

const empty = async (req: Request, res: Response) => {
  for await (const chunk of req) void chunk;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{}');
};
app.server.server.get('/reliability/empty', empty);
app.server.server.post('/reliability/empty', empty);

// Stalls of the event loop (every request waits while one lasts), logged for the suite to count.
let tick = performance.now();
setInterval(() => {
  const late = performance.now() - tick - 100;
  if (late > 1_000) logger.warn('event loop stalled', { ms: Math.round(late) });
  tick = performance.now();
}, 100).unref();

const { port } = await app.server.listen(config.port, config.host);
process.stdout.write(`RELIABILITY READY ${port}${app.seeded ? ' seeded' : ''}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await app.close().catch((error) => logger.error('error while stopping', { error: String(error) }));
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
