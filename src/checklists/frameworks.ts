import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** A checklist framework as shipped in a versioned data file. */
export const FrameworkFile = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().positive(),
  title: z.string().min(1),
  sourceNote: z.string(),
  areas: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z0-9-]+$/),
        title: z.string().min(1),
        description: z.string(),
        prompts: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
});
export type FrameworkFile = z.infer<typeof FrameworkFile>;

export const DEFAULT_FRAMEWORK_KEY = 'tasp-checklist';

const FILES = ['tasp-checklist.v1.json', 'working-together-2023.v1.json'];

/** Every framework that ships with Line of Sight, validated, the default first. */
export function shippedFrameworks(): FrameworkFile[] {
  return FILES.map((file) => {
    const url = new URL(`./frameworks/${file}`, import.meta.url);
    const parsed = FrameworkFile.safeParse(JSON.parse(readFileSync(url, 'utf8')));
    if (!parsed.success) throw new Error(`Checklist framework ${file} is not valid: ${parsed.error.message}`);
    return parsed.data;
  });
}
