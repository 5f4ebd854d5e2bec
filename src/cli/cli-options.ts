import { CliUsageError } from './cli-partnership.js';

/** Parsed command-line options: positional words, `--flag`, `--name value` / `--name=value` (repeatable). */
export interface CliOptions {
  positional: string[];
  flags: Set<string>;
  values: Map<string, string[]>;
}

/** Reads `args` against the options a command knows; an unknown one is a usage error. */
export function parseOptions(args: readonly string[], known: { flags: readonly string[]; values: readonly string[] }): CliOptions {
  const out: CliOptions = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      out.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (known.flags.includes(name) && inline === undefined) out.flags.add(name);
    else if (known.values.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CliUsageError(`--${name} needs a value.`);
      out.values.set(name, [...(out.values.get(name) ?? []), value]);
    } else throw new CliUsageError(`Unknown option ${arg}.`);
  }
  return out;
}

/** The last value given for an option. */
export const lastValue = (o: CliOptions, name: string): string | undefined => o.values.get(name)?.at(-1);
