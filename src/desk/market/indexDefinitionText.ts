import { formatRupees, paisa, parseRupees } from '../../market/money/money.js';
import type { IndexDefinitionView } from './marketDesk.js';

// An index definition as plain JSON, printed alike by the desk API and `broadsheet market index`.

/** `40673.12` → 4067312 hundredths: the rupee reader's exact two-decimal rule serves levels too. */
export function levelOf(text: string): number {
  return parseRupees(text);
}

export function levelText(hundredths: number): string {
  return formatRupees(paisa(hundredths));
}

export function definitionJson(view: IndexDefinitionView) {
  return {
    code: view.code,
    name: view.name,
    computed: view.computed,
    ...(view.weighting === undefined ? {} : { weighting: view.weighting }),
    returnType: view.returnType,
    ...(view.baseDate === undefined ? {} : { baseDate: view.baseDate }),
    baseValue: levelText(view.baseValue),
    ...(view.maxWeightBasisPoints === undefined ? {} : { maxWeight: view.maxWeightBasisPoints }),
    members: view.members,
  };
}
