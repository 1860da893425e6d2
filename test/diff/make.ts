import type { Deadline, Result, Section, Target, Task, Unit } from '../../src/result/schema.js';

// Hand-made results for unit tests of the alignment (independent of the parser).

export interface TaskSpec {
  number?: string | null;
  section?: string | null;
  title?: string | null;
  text: string;
  units?: Unit[];
  deadline?: Deadline | null;
  targets?: Target[];
}

export const lead = (name: string): Unit => ({ name, role: 'lead' });
export const resp = (name: string): Unit => ({ name, role: 'responsible' });
export const coop = (name: string): Unit => ({ name, role: 'cooperate' });

export const due = (raw: string, date: string | null, ongoing = false): Deadline =>
  ({ raw, due: date, ongoing, precision: date ? 'month' : null });

export const target = (raw: string, metric: string | null, value: number, unit: string | null, comparator: Target['comparator'] = '>='): Target =>
  ({ raw, metric, comparator, value, valueMax: null, unit });

/** A result with the given sections ([marker, heading] at level 1) and tasks. */
export function makeResult(sections: [string, string][], tasks: TaskSpec[], doc: Partial<Result['document']> = {}): Result {
  const secs: Section[] = sections.map(([marker, heading], k) => ({
    id: `s${k + 1}`, level: 1, marker, heading, line: 1 + k * 100, parentId: null,
  }));
  const byMarker = new Map(secs.map((s) => [s.marker, s.id]));
  return {
    schemaVersion: '1.0',
    source: { path: null, format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8' },
    document: { title: null, docNumber: null, issuer: null, issuedDate: null, recipients: [], year: null, ...doc },
    sections: secs,
    tasks: tasks.map((t, k): Task => ({
      id: `t${k + 1}`,
      number: t.number ?? null,
      sectionId: t.section ? byMarker.get(t.section) ?? null : null,
      title: t.title ?? null,
      text: t.text,
      units: t.units ?? [],
      deadline: t.deadline ?? null,
      targets: t.targets ?? [],
      origin: { kind: 'measure', line: 2 + k },
    })),
    warnings: [],
  };
}

/** Measures of seed 003 (shortened), used as realistic task texts. */
export const TEXTS = [
  '加大惠企政策落实力度。压紧压实政策落实责任，制定政策落实方案，梳理形成惠企政策清单，每季度更新政策和服务对象清单。',
  '全面落实减税降费政策。持续推进减、免、缓、降税费政策落实，全面落实支持小微企业、涉农企业的各项税费优惠政策。',
  '加快兑现各类奖补资金。全面清理应拨付给企业的招商引资、科技创新、人才支持等各类奖补资金，限时足额拨付企业。',
  '制定支持企业上市政策。对企业在挂牌、上市过程中各类中介费用给予补贴奖励，引导企业不断拓宽融资渠道。',
  '切实做好政策的立改废。对现有政策文件中内容模糊、难以操作的条款进行细化实化，对已过时的政策予以废止。',
  '加强涉企惠企政策宣传。建立简洁明了的惠企政策清单，在政府门户网站、移动客户端上与政策原文同时公布。',
  '创建服务型效能型机关。全面推行亮牌服务、持证上岗、首问负责、限时办结制度，营造优质高效的政务服务环境。',
  '提高涉企办事服务效率。按照减环节、减材料、减时限的要求，对审批、办事流程再梳理，简单事项即时即办。',
];
