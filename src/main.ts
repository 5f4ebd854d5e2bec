import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirInUseError } from './storage/data-dir-lock.js';
import { createLogger } from './server/logger.js';

/** Starts the server: configuration first, so a bad variable stops start-up with its name. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const t0 = performance.now();
  let app;
  try {
    app = await createApp(config, { logger });
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { port } = await app.server.listen(config.port, config.host);
  const base = config.publicUrl.replace(/:\d+$/, `:${port}`);
  const lines = [
    '',
    `Line of Sight is running (${config.authMode === 'dev' ? 'DEV MODE: dev sign-in, not for real data' : 'Entra ID sign-in'}).`,
    `  Tab:       ${base}/`,
    `  API:       ${base}/api/v1`,
    `  Bot:       ${base}/api/messages`,
    `  Health:    ${base}/healthz   Ready: ${base}/readyz`,
    `  Database:  ${config.database.kind === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  Documents: ${config.documentSource === 'local' ? config.documentLibraryDir : `Microsoft Graph at ${config.graphBaseUrl}`}`,
    app.seeded ? '  Demo data: seeded the synthetic "Demo Borough Safeguarding Children Partnership".' : '',
    `  Ready in ${Math.round(performance.now() - t0)} ms. Press Ctrl+C to stop.`,
    '',
  ].filter((l) => l !== '');
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await app.close().catch((error) => logger.error('error while stopping', { error: String(error) }));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Line of Sight could not start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
