/**
 * Regions as a hierarchy (DESIGN.md, "Data contract"): `locales/regions.tree.json` gives each region key its
 * level and parent, language-neutral; the names stay in `locales/<lang>/regions.json`. Sichuan → Chengdu →
 * Qingbaijiang can then be told apart (a province's GDP is not a district's) and compared like with like.
 */
import treeFile from '../../../locales/regions.tree.json' with { type: 'json' };
import { jsonPath } from './problem';

/** province: provincial-level (incl. municipalities, autonomous regions); prefecture: prefecture-level city
 * (incl. sub-provincial); county: county, county-level city or district. Listed from the top down. */
export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface RegionNode {
  readonly key: string;
  readonly level: RegionLevel;
  readonly parent?: string;
}

export const REGION_TREE_FILE = 'locales/regions.tree.json';

export class RegionTreeError extends Error {
  override name = 'RegionTreeError';
}

const KEY = /^[a-z][a-z0-9_-]*$/;

export class RegionTree {
  private readonly nodes: ReadonlyMap<string, RegionNode>;
  private readonly childrenOf = new Map<string, string[]>();

  /** Built only by `parseRegionTree`, which checks what this class relies on (parents above children). */
  private constructor(nodes: readonly RegionNode[]) {
    this.nodes = new Map(nodes.map((n) => [n.key, n]));
    for (const node of nodes) {
      if (node.parent === undefined) continue;
      const siblings = this.childrenOf.get(node.parent);
      if (siblings) siblings.push(node.key);
      else this.childrenOf.set(node.parent, [node.key]);
    }
    for (const siblings of this.childrenOf.values()) siblings.sort();
  }

  has(key: string): boolean {
    return this.nodes.has(key);
  }

  /** Every region key, sorted. */
  keys(): string[] {
    return [...this.nodes.keys()].sort();
  }

  node(key: string): RegionNode | undefined {
    return this.nodes.get(key);
  }

  level(key: string): RegionLevel {
    return this.known(key).level;
  }

  parent(key: string): string | undefined {
    return this.known(key).parent;
  }

  /** The regions directly below `key`, sorted. */
  children(key: string): string[] {
    this.known(key);
    return [...(this.childrenOf.get(key) ?? [])];
  }

  /** Parent, grandparent, …: nearest first (`qingbaijiang` → chengdu, sichuan). */
  ancestors(key: string): string[] {
    const chain: string[] = [];
    for (let up = this.known(key).parent; up !== undefined; up = this.known(up).parent) chain.push(up);
    return chain;
  }

  /** Every region of one level, sorted. */
  ofLevel(level: RegionLevel): string[] {
    return this.keys().filter((key) => this.known(key).level === level);
  }

  /**
   * Reads the tree's JSON (`{"<key>": {"level": …, "parent"?: …}}`), naming the file, the JSON path and what is
   * wrong. A parent must exist and sit at a higher level than its child (a county may hang directly from a
   * municipality such as Beijing), so the tree has no cycles and every chain ends at a province.
   */
  static parse(raw: unknown, file: string): RegionTree {
    const fail = (path: PropertyKey[], message: string): never => {
      throw new RegionTreeError(`${file}: ${jsonPath(path)}: ${message}`);
    };
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail([], 'expected an object of region keys');
    const entries = Object.entries(raw as Record<string, unknown>).filter(([key]) => !key.startsWith('$'));
    const levels = new Map<string, RegionLevel>();
    for (const [key, value] of entries) {
      if (!KEY.test(key)) fail([key], `"${key}" is not a region key (lower-case letters, digits, "_" or "-")`);
      const level = (value as { level?: unknown } | null)?.level;
      if (!(REGION_LEVELS as readonly unknown[]).includes(level)) fail([key, 'level'], `expected one of ${REGION_LEVELS.map((l) => `"${l}"`).join(', ')}`);
      levels.set(key, level as RegionLevel);
    }
    const nodes = entries.map(([key, value]): RegionNode => {
      const { level, parent, ...rest } = value as { level: RegionLevel; parent?: unknown };
      const extra = Object.keys(rest);
      if (extra.length > 0) fail([key, extra[0] as string], 'unknown field (a region has "level" and "parent")');
      if (level === 'province') {
        if (parent !== undefined) fail([key, 'parent'], 'a province has no parent');
        return { key, level };
      }
      if (typeof parent !== 'string') return fail([key, 'parent'], `a ${level} needs the key of its parent region`);
      const parentLevel = levels.get(parent);
      if (parentLevel === undefined) fail([key, 'parent'], `unknown region "${parent}"`);
      if (REGION_LEVELS.indexOf(parentLevel as RegionLevel) >= REGION_LEVELS.indexOf(level))
        fail([key, 'parent'], `"${parent}" is a ${parentLevel}: a ${level}'s parent must be a higher level`);
      return { key, level, parent };
    });
    return new RegionTree(nodes);
  }

  private known(key: string): RegionNode {
    const node = this.nodes.get(key);
    if (!node) throw new RegionTreeError(`unknown region "${key}": add it to ${REGION_TREE_FILE} (and to locales/*/regions.json)`);
    return node;
  }
}

/** See `RegionTree.parse`. */
export function parseRegionTree(raw: unknown, file: string = REGION_TREE_FILE): RegionTree {
  return RegionTree.parse(raw, file);
}

let project: RegionTree | undefined;

/** The project's tree (`locales/regions.tree.json`), read once. */
export function projectRegionTree(): RegionTree {
  project ??= parseRegionTree(treeFile);
  return project;
}
