import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/read/types.js';
import { captionBefore } from '../../src/structure/tableCaption.js';

/** Paragraph lines 1…n followed by a table. */
function before(...lines: string[]) {
  const items: Block[] = [...lines.map((text, k): Block => ({ kind: 'para', text, line: k + 1 })), { kind: 'table', rows: [], line: lines.length + 1 }];
  return captionBefore(items, lines.length);
}

describe('captionBefore', () => {
  it('takes the one line naming the table', () => {
    expect(before('请认真贯彻落实。', '某市2024年优化营商环境重点任务分解表')).toEqual({ text: '某市2024年优化营商环境重点任务分解表', line: 2, lines: [2] });
  });

  it('never takes the 落款 date or the 附件 label above the title', () => {
    expect(before('某市人民政府办公室', '2024年3月5日', '某市2024年优化营商环境重点任务分解表')?.text).toBe('某市2024年优化营商环境重点任务分解表');
    expect(before('二〇二四年三月五日', '重点任务清单')?.text).toBe('重点任务清单');
    expect(before('附件1', '重点任务分工台账')?.text).toBe('重点任务分工台账');
  });

  it('joins a title wrapped over two lines, and a period line under it', () => {
    expect(before('附件', '某市2024年优化营商环境', '重点任务分解表')).toEqual({ text: '某市2024年优化营商环境重点任务分解表', line: 2, lines: [2, 3] });
    expect(before('附件', '重点任务分解表', '（2024—2025年）')?.text).toBe('重点任务分解表（2024—2025年）');
    expect(before('附件', '某市优化营商环境', '重点任务分解表', '（2024—2025年）')?.text).toBe('某市优化营商环境重点任务分解表（2024—2025年）');
  });

  it('does not join an outline heading or a sentence above the title', () => {
    expect(before('二、重点任务', '重点任务分解表')?.text).toBe('重点任务分解表');
    expect(before('现将有关事项通知如下：', '任务清单')?.text).toBe('任务清单');
  });

  it('finds none where the lines above do not name a table', () => {
    expect(before('（2024—2025年）')).toBeNull();
    expect(before('各有关单位要高度重视。')).toBeNull();
    expect(before('某市人民政府办公室')).toBeNull();
  });
});
