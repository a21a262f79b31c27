import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { regionAliases } from '../../lambdas/core/extract/regionNames';
import { LANGUAGES } from '../../lambdas/core/i18n/languages';
import type { Localisation } from '../../lambdas/core/i18n/localisation';
import { formatProblem } from '../../lambdas/core/model/problem';
import { REGION_LEVELS, parseRegionTree, projectRegionTree } from '../../lambdas/core/model/regions';
import { validateBriefing } from '../../lambdas/core/model/validate';
import { minimalBriefing } from '../helpers/fixtures';
import { PROJECT_ROOT, projectLocalisation } from '../helpers/lexicons';

const readJson = (path: string) => JSON.parse(readFileSync(join(PROJECT_ROOT, path), 'utf8')) as Record<string, unknown>;
const names = Object.fromEntries(LANGUAGES.map(({ tag }) => [tag, readJson(`locales/${tag}/regions.json`) as Record<string, string>]));

let localisation: Localisation;
beforeAll(async () => {
  localisation = await projectLocalisation();
});

describe('locales/regions.tree.json', () => {
  const tree = projectRegionTree();

  it.each(LANGUAGES.map((l) => l.tag))('holds exactly the regions named in locales/%s/regions.json', (tag) => {
    expect(tree.keys()).toEqual(Object.keys(names[tag] ?? {}).sort());
  });

  it('gives every region below a province an existing parent, and every chain ends at a province', () => {
    for (const key of tree.keys()) {
      const chain = tree.ancestors(key);
      expect(new Set(chain).size, `${key}: a cycle`).toBe(chain.length);
      expect(chain.includes(key), `${key} is its own ancestor`).toBe(false);
      const top = chain.at(-1) ?? key;
      expect(tree.level(top), `${key} does not lead up to a province`).toBe('province');
      for (const up of chain) expect(tree.has(up)).toBe(true);
    }
  });

  it('has the 31 mainland provincial-level regions, each with its capital below it', () => {
    const provinces = tree.ofLevel('province');
    expect(provinces).toHaveLength(31);
    expect(provinces).toEqual(expect.arrayContaining(['beijing', 'inner-mongolia', 'guangxi', 'tibet', 'ningxia', 'xinjiang', 'sichuan']));
    const municipalities = ['beijing', 'tianjin', 'shanghai', 'chongqing'];
    for (const province of provinces.filter((p) => !municipalities.includes(p))) {
      expect(tree.children(province).filter((c) => tree.level(c) === 'prefecture').length, `${province} has no capital`).toBeGreaterThan(0);
    }
    expect(names['zh-CN']?.['inner-mongolia']).toBe('内蒙古自治区');
    expect(names.en?.['inner-mongolia']).toBe('Inner Mongolia');
  });

  it('places Qingbaijiang in Chengdu in Sichuan', () => {
    expect(tree.level('qingbaijiang')).toBe('county');
    expect(tree.parent('qingbaijiang')).toBe('chengdu');
    expect(tree.ancestors('qingbaijiang')).toEqual(['chengdu', 'sichuan']);
    expect(tree.level('chengdu')).toBe('prefecture');
    expect(tree.children('chengdu')).toEqual(['qingbaijiang']);
    expect(tree.children('sichuan')).toContain('chengdu');
    expect(tree.parent('sichuan')).toBeUndefined();
    expect(tree.ancestors('sichuan')).toEqual([]);
    expect(tree.ofLevel('county')).toContain('qingbaijiang');
  });

  it('names an unknown region instead of answering for it', () => {
    expect(tree.has('atlantis')).toBe(false);
    expect(tree.node('atlantis')).toBeUndefined();
    expect(() => tree.level('atlantis')).toThrow(/unknown region "atlantis": add it to locales\/regions.tree.json/);
    expect(() => tree.children('atlantis')).toThrow(/unknown region "atlantis"/);
  });
});

describe('parseRegionTree', () => {
  it('reads levels and parents, a county directly below a municipality included', () => {
    const tree = parseRegionTree({ beijing: { level: 'province' }, chaoyang: { level: 'county', parent: 'beijing' } });
    expect(tree.ancestors('chaoyang')).toEqual(['beijing']);
    expect(tree.ofLevel('prefecture')).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'f.json: $: expected an object of region keys'],
    ['an unknown level', { a: { level: 'state' } }, 'f.json: $.a.level: expected one of "province", "prefecture", "county"'],
    ['a missing parent', { a: { level: 'county' } }, 'f.json: $.a.parent: a county needs the key of its parent region'],
    ['a parent not in the tree', { a: { level: 'prefecture', parent: 'b' } }, 'f.json: $.a.parent: unknown region "b"'],
    ['a province with a parent', { a: { level: 'province' }, b: { level: 'province', parent: 'a' } }, 'f.json: $.b.parent: a province has no parent'],
    [
      'a parent at the same level (which would allow a cycle)',
      { a: { level: 'province' }, b: { level: 'prefecture', parent: 'c' }, c: { level: 'prefecture', parent: 'b' } },
      'f.json: $.b.parent: "c" is a prefecture: a prefecture\'s parent must be a higher level',
    ],
    [
      'a parent below its child',
      { a: { level: 'province' }, b: { level: 'county', parent: 'a' }, c: { level: 'prefecture', parent: 'b' } },
      'f.json: $.c.parent: "b" is a county',
    ],
    ['an unknown field', { a: { level: 'province', name: 'A' } }, 'f.json: $.a.name: unknown field'],
    ['a key that is not a glossary key', { 'Inner Mongolia': { level: 'province' } }, 'f.json: $["Inner Mongolia"]: "Inner Mongolia" is not a region key'],
  ])('rejects %s, naming file, JSON path and problem', (_name, raw, message) => {
    expect(() => parseRegionTree(raw, 'f.json')).toThrow(message);
  });

  it('lists every level from the top down', () => {
    expect(REGION_LEVELS).toEqual(['province', 'prefecture', 'county']);
  });
});

describe('regionAliases.json', () => {
  const aliases = regionAliases();
  const tree = projectRegionTree();

  it('names every region of the tree, its Chinese name first among its names', () => {
    expect(Object.keys(aliases).sort()).toEqual(tree.keys());
    for (const [key, phrases] of Object.entries(aliases)) {
      expect(phrases[0], key).toBe(names['zh-CN']?.[key]);
      for (const phrase of phrases) expect(phrase).toMatch(/^\S{2,}$/);
    }
    expect(aliases['inner-mongolia']).toEqual(['内蒙古自治区', '内蒙古']);
    expect(aliases.qingbaijiang).toContain('青白江区');
  });

  it('gives no name to two regions', () => {
    const owners = new Map<string, string>();
    for (const [key, phrases] of Object.entries(aliases)) {
      for (const phrase of phrases) {
        expect(owners.get(phrase), `"${phrase}" names both ${owners.get(phrase)} and ${key}`).toBeUndefined();
        owners.set(phrase, key);
      }
    }
  });
});

describe('a briefing region', () => {
  it('must be in the hierarchy as well as in the glossary', () => {
    const check = (regions = projectRegionTree()) => validateBriefing(minimalBriefing(), { file: 'b.json', localisation, regions }).problems.map(formatProblem);
    expect(check()).toEqual([]);
    expect(check(parseRegionTree({ sichuan: { level: 'province' } }))).toEqual([
      'b.json: $.region: region "chengdu" has no level and parent; add it to locales/regions.tree.json',
    ]);
  });
});
