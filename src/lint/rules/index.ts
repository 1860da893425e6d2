import type { Rule } from '../types.js';
import { bodyTableMismatch } from './bodyTableMismatch.js';
import { deadlineBeforeIssue } from './deadlineBeforeIssue.js';
import { deadlineOutOfPlan } from './deadlineOutOfPlan.js';
import { numberingDuplicate } from './numberingDuplicate.js';
import { numberingGap } from './numberingGap.js';
import { taskWithoutDeadline } from './taskWithoutDeadline.js';
import { taskWithoutUnit } from './taskWithoutUnit.js';
import { unitAlias } from './unitAlias.js';
import { unknownDeadline } from './unknownDeadline.js';
import { unparsedText } from './unparsedText.js';

/** Every rule, in the order they are listed in --help and the docs. */
export const RULES: readonly Rule[] = [
  taskWithoutUnit,
  taskWithoutDeadline,
  unknownDeadline,
  deadlineBeforeIssue,
  deadlineOutOfPlan,
  numberingGap,
  numberingDuplicate,
  bodyTableMismatch,
  unitAlias,
  unparsedText,
];

export {
  bodyTableMismatch, deadlineBeforeIssue, deadlineOutOfPlan, numberingDuplicate, numberingGap,
  taskWithoutDeadline, taskWithoutUnit, unitAlias, unknownDeadline, unparsedText,
};
