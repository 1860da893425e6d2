// The label lines of a task block (牵头单位：…, 完成时限：…). Readers keep them apart when they
// rebuild paragraphs from lines (a PDF's layout), and so does the structure stage when it heals
// hard-wrapped text: a label line never continues the line above it.

const LABEL_LINE = /^(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|完成时限|完成时间|时间节点|时限要求)\s*[:：]/;

export function isLabelLine(text: string): boolean {
  return LABEL_LINE.test(text);
}
