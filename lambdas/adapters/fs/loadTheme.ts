import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ThemeSources } from '../../core/render/theme';

/** Reads `templates/**\/*.hbs` (named by path without extension) and `templates/assets/*`. */
export async function loadTheme(dir: string): Promise<ThemeSources> {
  const templates: Record<string, string> = {};
  const assets: Record<string, string> = {};
  for (const path of await walk(dir)) {
    const name = relative(dir, path).split('\\').join('/');
    if (name.startsWith('assets/')) assets[name.slice('assets/'.length)] = await readFile(path, 'utf8');
    else if (name.endsWith('.hbs')) templates[name.slice(0, -'.hbs'.length)] = await readFile(path, 'utf8');
  }
  return { templates, assets };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat().sort();
}
