// npm run playground: the app as `npm start` runs it (dev mode), and Microsoft 365 Agents Playground
// in front of its bot, as the synthetic demo people of .m365agentsplayground.yml.
//
//   npm run playground                  you are the scrutineer (the file's currentUser)
//   npm run playground -- --as icb-lead you are another person of the file (by demo key)
//
// Importing this module starts nothing: the test reads the config file through its exports.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CONFIG_FILE = path.join(ROOT, '.m365agentsplayground.yml');
/** The demo seed gives each demo person the email `<key>@demo-borough.example`. */
export const DEMO_EMAIL_DOMAIN = 'demo-borough.example';
const PLAYGROUND_PORT = 56150;

// ---------------------------------------------------------------------------------------------
// The config file. No YAML parser is installed, so the file keeps to a subset of YAML that this
// reader understands exactly (and refuses anything else, so it never reads the file otherwise
// than the Playground does): `key: value` and `key:` lines, nested by two spaces; lists of maps
// (`- key: value`); values plain or "double-quoted"; whole-line # comments.

const NOT_A_PLAIN_STRING = /^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*)?\.?\d+([eE][-+]?\d+)?|0[xo][0-9a-f]+|[-+]?\.(inf|nan))$/i;

/** Parses the subset of YAML described above into plain objects, arrays and strings. */
export function parsePlaygroundYaml(text, source = '.m365agentsplayground.yml') {
  const lines = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (/^\s*\t/.test(raw)) throw new Error(`${source} line ${index + 1}: indent with spaces, not tabs`);
    lines.push({ n: index + 1, indent: raw.length - raw.trimStart().length, text: trimmed });
  });
  let i = 0;
  const fail = (line, why) => {
    throw new Error(`${source} line ${line.n}: ${why}`);
  };
  const scalar = (s, line) => {
    if (s.startsWith('"')) {
      if (s.length < 2 || !s.endsWith('"')) fail(line, 'a "quoted" value must end with its quote on the same line');
      try {
        return JSON.parse(s);
      } catch {
        return fail(line, 'use only \\" and \\\\ escapes in "quoted" values');
      }
    }
    if (/^['&*!|>%@`{[\-?]/.test(s) || s.includes(' #') || s.includes(': ')) fail(line, `quote the value "${s}", or keep to plain words`);
    if (NOT_A_PLAIN_STRING.test(s)) fail(line, `quote "${s}": YAML would not read it as text`);
    return s;
  };
  // One `key: value` or `key:` entry, read into `out`; nested values are one level deeper than `indent`.
  const entry = (text, line, out, indent) => {
    const m = /^([A-Za-z][A-Za-z0-9]*):(?: (.*))?$/.exec(text);
    if (!m) return fail(line, 'expected "key: value"');
    const [, key, value] = m;
    if (Object.hasOwn(out, key)) fail(line, `"${key}" is given twice`);
    i += 1;
    if (value !== undefined && value.trim() !== '') {
      out[key] = scalar(value.trim(), line);
      return;
    }
    const next = lines[i];
    if (!next || next.indent <= indent) return fail(line, `"${key}" needs a value`);
    out[key] = block(next.indent);
  };
  const block = (indent) => {
    if (lines[i].text.startsWith('- ')) {
      const list = [];
      while (i < lines.length && lines[i].indent === indent && lines[i].text.startsWith('- ')) {
        const item = {};
        entry(lines[i].text.slice(2), lines[i], item, indent + 2);
        while (i < lines.length && lines[i].indent === indent + 2 && !lines[i].text.startsWith('- ')) entry(lines[i].text, lines[i], item, indent + 2);
        list.push(item);
      }
      return list;
    }
    const map = {};
    while (i < lines.length && lines[i].indent === indent && !lines[i].text.startsWith('- ')) entry(lines[i].text, lines[i], map, indent);
    return map;
  };
  if (lines.length === 0) throw new Error(`${source} is empty`);
  if (lines[0].indent !== 0) fail(lines[0], 'the first key must not be indented');
  const doc = block(0);
  if (i < lines.length) fail(lines[i], 'unexpected indentation');
  return doc;
}

const USER_FIELDS = ['id', 'name', 'userPrincipleName', 'aadObjectId', 'givenName', 'surname', 'email'];

/** What the Playground's own schema (config.schema.json 0.1.1) and checks would refuse; [] when none. */
export function playgroundConfigProblems(config) {
  const problems = [];
  const isText = (v) => typeof v === 'string' && v !== '';
  if (!['0.1.0', '0.1.1'].includes(config?.version)) problems.push('version must be "0.1.1"');
  if (!isText(config?.tenantId)) problems.push('tenantId is missing');
  if (!isText(config?.bot?.id) || !isText(config?.bot?.name) || config.bot.name.length > 42) problems.push('bot needs an id and a name of at most 42 characters');
  const users = Array.isArray(config?.users) ? config.users : [];
  if (users.length !== 5) problems.push('users must list exactly five people (the Playground requires five)');
  for (const [where, u] of [['currentUser', config?.currentUser], ...users.map((u, n) => [`users[${n}]`, u])]) {
    for (const f of USER_FIELDS) if (!isText(u?.[f])) problems.push(`${where}.${f} is missing`);
  }
  if (!isText(config?.personalChat?.id)) problems.push('personalChat.id is missing');
  if (!isText(config?.groupChat?.id) || !isText(config?.groupChat?.name)) problems.push('groupChat needs an id and a name');
  const channels = Array.isArray(config?.team?.channels) ? config.team.channels : [];
  if (!isText(config?.team?.id) || !isText(config?.team?.name) || !isText(config?.team?.aadGroupId)) problems.push('team needs an id, a name and an aadGroupId');
  if (channels.length > 1) problems.push('team.channels may hold one channel (besides General)');
  const userIds = [config?.currentUser?.id, ...users.map((u) => u?.id)];
  if (new Set(userIds).size !== userIds.length) problems.push('user ids must be unique');
  const chatIds = [config?.personalChat?.id, config?.groupChat?.id, config?.team?.id, ...channels.map((c) => c?.id)];
  if (new Set(chatIds).size !== chatIds.length) problems.push('chat, team and channel ids must be unique');
  return problems;
}

/** Reads and checks the config file; throws with every problem named. */
export function readPlaygroundConfig(file = CONFIG_FILE) {
  const config = parsePlaygroundYaml(readFileSync(file, 'utf8'), path.basename(file));
  const problems = playgroundConfigProblems(config);
  if (problems.length > 0) throw new Error(`${path.basename(file)}:\n  ${problems.join('\n  ')}`);
  return config;
}

/** The demo person's key of a Playground user (the part of their email before @demo-borough.example). */
export function demoKeyOf(user) {
  const [local, domain] = String(user.email).split('@');
  return domain === DEMO_EMAIL_DOMAIN ? local : undefined;
}

/** The same Teams, seen as another person of the file: they become currentUser, and get their own personal chat. */
export function asPerson(config, key) {
  const everyone = [config.currentUser, ...config.users];
  const me = everyone.find((u) => demoKeyOf(u) === key);
  if (!me) throw new Error(`--as ${key}: no one in .m365agentsplayground.yml has that demo key (${everyone.map(demoKeyOf).join(', ')})`);
  if (me === config.currentUser) return config;
  return {
    ...config,
    currentUser: me,
    users: config.users.map((u) => (u === me ? config.currentUser : u)),
    personalChat: { id: `${config.personalChat.id}-${key}` },
  };
}

/** Writes a config object back in the same subset (every value quoted). */
export function toPlaygroundYaml(config) {
  const out = ['# Written by scripts/playground.mjs from .m365agentsplayground.yml: edit that file instead.'];
  const write = (value, indent) => {
    for (const [key, v] of Object.entries(value)) {
      const pad = ' '.repeat(indent);
      if (typeof v === 'string') out.push(`${pad}${key}: ${JSON.stringify(v)}`);
      else if (Array.isArray(v)) {
        out.push(`${pad}${key}:`);
        for (const item of v) {
          const [first, ...rest] = Object.entries(item);
          out.push(`${pad}  - ${first[0]}: ${JSON.stringify(first[1])}`);
          for (const [k, x] of rest) out.push(`${pad}    ${k}: ${JSON.stringify(x)}`);
        }
      } else {
        out.push(`${pad}${key}:`);
        write(v, indent + 2);
      }
    }
  };
  write(config, 0);
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Running it.

function argValue(name) {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(name.length + 1) : args[at + 1];
}

async function main() {
  await import('./quiet-known-warnings.mjs');
  await import('./load-env-file.mjs');
  const { register } = await import('tsx/esm/api');
  const { buildTab } = await import('./tab-build.mjs');

  let fileConfig;
  let config;
  try {
    fileConfig = readPlaygroundConfig();
    const as = argValue('--as');
    config = as ? asPerson(fileConfig, as) : fileConfig;
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  try {
    buildTab();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  register();
  const { loadConfig, ConfigError } = await import('../src/config/config.ts');
  const { createApp } = await import('../src/app.ts');
  const { createLogger } = await import('../src/server/logger.ts');
  const { DataDirInUseError } = await import('../src/storage/data-dir-lock.ts');
  const { PeopleRepository } = await import('../src/storage/repositories/people-repository.ts');

  let appConfig;
  try {
    appConfig = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  if (appConfig.authMode !== 'dev' || appConfig.bot) {
    process.stderr.write(
      'The Agents Playground talks to the bot without Bot Framework sign-in, which the bot accepts only in dev mode ' +
        'without BOT_ID. Unset AUTH_MODE, NODE_ENV and BOT_ID (in the environment or .env) and try again.\n',
    );
    process.exit(1);
  }

  const logger = createLogger(appConfig.logLevel);
  let app;
  try {
    app = await createApp(appConfig, { logger });
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  let playground;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    if (playground && playground.exitCode === null && playground.signalCode === null) {
      const exited = new Promise((r) => playground.once('exit', r));
      playground.kill('SIGTERM');
      const timer = setTimeout(() => playground.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await app.close().catch((error) => logger.error('error while stopping', { error: String(error) }));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const { port } = await app.server.listen(appConfig.port, appConfig.host);
  const local = ['0.0.0.0', '::'].includes(appConfig.host) ? '127.0.0.1' : appConfig.host;
  const base = `http://${local.includes(':') ? `[${local}]` : local}:${port}`;
  const ready = await fetch(`${base}/readyz`).catch(() => undefined);
  if (!ready?.ok) {
    process.stderr.write(`Line of Sight did not become ready at ${base}/readyz.\n`);
    await stop(1);
    return;
  }

  // The demo seed gives its people the synthetic Entra ids the file uses. A data directory seeded
  // before it did has people the bot cannot find: say so (a read, nothing is changed).
  const people = new PeopleRepository(app.database.db);
  const unknown = [];
  for (const u of [config.currentUser, ...config.users]) {
    if ((await people.findByEntraIdentity(config.tenantId, u.aadObjectId)).length === 0) unknown.push(u.name);
  }
  if (unknown.length > 0) {
    const where = appConfig.database.kind === 'pglite' ? appConfig.dataDir : 'the database at DATABASE_URL';
    const afresh = appConfig.database.kind === 'pglite' ? 'delete that folder, or point DATA_DIR at a new one' : 'use an empty database';
    process.stderr.write(
      `The bot will not know ${unknown.join(', ')}: no demo person in ${where} has their Entra id from ` +
        '.m365agentsplayground.yml (it was probably seeded before demo people had synthetic Entra ids).\n' +
        `Stop (Ctrl+C) and start afresh: ${afresh}.\n`,
    );
  }

  const dir = path.join(appConfig.dataDir, 'playground');
  mkdirSync(dir, { recursive: true });
  let configPath = CONFIG_FILE;
  if (config !== fileConfig) {
    configPath = path.join(dir, 'config.yml');
    writeFileSync(configPath, toPlaygroundYaml(config));
  }
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
  playground = spawn(process.execPath, [cli, '-e', `${base}/api/messages`, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      // Its log goes beside our data (ignored by git), not into ./devTools.
      M365_AGENTS_PLAYGROUND_LOGFILE: process.env.M365_AGENTS_PLAYGROUND_LOGFILE ?? path.join(dir, 'm365agentsplayground.log'),
    },
  });
  playground.on('exit', (code) => {
    if (stopping) return;
    process.stderr.write(`The Agents Playground stopped (exit code ${code}).\n`);
    void stop(code || 1);
  });
  playground.stderr.on('data', (d) => process.stderr.write(d));
  let printed = false;
  playground.stdout.on('data', (d) => {
    const text = String(d);
    const listening = /Listening on (\d+)/.exec(text);
    if (listening && !printed) {
      printed = true;
      const others = config.users.map((u) => u.name).join(', ');
      process.stdout.write(
        [
          '',
          'Line of Sight is running with Microsoft 365 Agents Playground (DEV MODE: synthetic demo data only).',
          `  Playground: http://localhost:${listening[1]}/   (a personal chat, a group chat and the team "${config.team.name}")`,
          `  You are:    ${config.currentUser.name} (${demoKeyOf(config.currentUser)}); also in the chats: ${others}`,
          `  Tab:        ${base}/   Bot: ${base}/api/messages`,
          '  Try "help", "my challenges" and "my actions". Press Ctrl+C to stop.',
          '',
        ].join('\n') + '\n',
      );
      return;
    }
    if (appConfig.logLevel === 'debug') process.stdout.write(d);
  });
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main().catch((error) => {
    process.stderr.write(`npm run playground could not start: ${error?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}
