/**
 * Deterministic synthetic briefings for benchmarks: N documents shaped like the bundled ones
 * (40 indicators each, bilingual titles and summaries), using only glossary keys that exist.
 * Usage: node --import tsx bench/gen-data.ts N OUT_DIR   (writes OUT_DIR/briefings/*.json)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../lambdas/adapters/fs/loadProject';

const INDICATORS = 40;

export async function generate(n: number, out: string): Promise<void> {
  const { localisation } = await loadProject();
  const { glossary } = localisation;
  const metrics = glossary.list('metric');
  const topics = glossary.list('topic');
  const regions = glossary.list('region');
  let seed = 0x5eed1234;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'briefings'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const year = 2000 + (i % 26);
    const id = `synthetic-${String(i).padStart(5, '0')}`;
    const indicators = Array.from({ length: INDICATORS }, (_, k) => {
      const value = Math.round(random() * 1_000_000) / 100;
      const growth = k % 3 === 0;
      const indicator = {
        id: `i-${k}`,
        metric: pick(metrics),
        topic: pick(topics),
        kind: growth ? 'growth' : 'level',
        value: growth ? Math.round(random() * 200 - 50) / 10 : value,
        unit: growth ? 'percent' : 'yuan_1e8',
        qualifier: pick(['exact', 'over', 'about']),
        period: year,
        ...(!growth && { change: { value: Math.round(random() * 200 - 50) / 10, unit: 'percent' } }),
        ...(k < 4 && { highlight: true }),
      };
      // The quote states the indicator's own figure, as validation requires.
      const rate = indicator.value < 0 ? `下降${-indicator.value}%` : `增长${indicator.value}%`;
      const quote = growth
        ? `全市某项指标比上年${rate}，其中重点领域保持较快增长态势`
        : `全市某项指标${value}亿元，比上年增长${k}%，其中重点领域保持较快增长态势`;
      return { ...indicator, quote };
    });
    const doc = {
      id,
      region: pick(regions),
      kind: 'work-report',
      published: `${year}-0${1 + (i % 9)}-1${i % 10}`,
      period: year - 1,
      title: { zh: `合成简报第${i}号：经济运行总体平稳`, en: `Synthetic briefing ${i}: the economy held steady` },
      source: { title: { zh: '政府工作报告', en: 'Government work report' }, publisher: { zh: '某市人民政府', en: 'A city government' } },
      summary: {
        zh: '本期数据总体好于预期，**重点行业**景气度回升，政策支持力度有所加大，居民消费意愿仍待提振。',
        en: 'The latest figures beat expectations overall; **key industries** picked up, policy support stepped up, and household spending remains soft.',
      },
      status: 'reviewed',
      indicators,
    };
    writeFileSync(join(out, 'briefings', `${id}.json`), JSON.stringify(doc));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n = '200', out = '.bench/data'] = process.argv.slice(2);
  await generate(Number(n), out);
}
