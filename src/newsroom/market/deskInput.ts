import { levelOf } from '../../desk/market/indexDefinitionText.js';
import { type Paisa, parseRupees } from '../../market/money/money.js';
import { isSymbol } from '../../market/quotes/instrument.js';
import { dayNumber, instantOf, minuteOfDay, type TradingCalendar } from '../../market/sessions/tradingCalendar.js';
import type { FieldProblem } from '../../shared/outcome.js';

/**
 * Reads the text fields of a desk form into domain values, collecting every
 * problem rather than stopping at the first, so the form comes back with all
 * of them marked. Each reader returns undefined when its field was wrong.
 */
export class FieldReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly fields: Readonly<Record<string, string | undefined>>) {}

  /** Trimmed text; required unless `optional`. */
  text(field: string, label: string, options: { max: number; optional?: boolean }): string | undefined {
    const value = (this.fields[field] ?? '').trim();
    if (value === '') {
      if (!options.optional) this.fail(field, `${label} is required.`);
      return undefined;
    }
    if (value.length > options.max) return this.fail(field, `${label} must be at most ${options.max} characters.`);
    return value;
  }

  symbol(field: string, label = 'Symbol'): string | undefined {
    const value = this.text(field, label, { max: 16 })?.toUpperCase();
    if (value === undefined) return undefined;
    return isSymbol(value) ? value : this.fail(field, `${label} must be letters and digits, e.g. OGDC.`);
  }

  /** A whole number, commas between thousands allowed ("1,300,000,000"). */
  wholeNumber(field: string, label: string, range: { min: number; max?: number; optional?: boolean }) {
    const value = this.text(field, label, { max: 30, ...(range.optional ? { optional: true } : {}) });
    if (value === undefined) return undefined;
    if (!/^\d{1,3}(,\d{3})*$|^\d+$/.test(value)) return this.fail(field, `${label} must be a whole number.`);
    const number = Number(value.replaceAll(',', ''));
    const max = range.max ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(number) || number < range.min || number > max) {
      return this.fail(
        field,
        `${label} must be between ${range.min.toLocaleString('en')} and ${max.toLocaleString('en')}.`,
      );
    }
    return number;
  }

  /** A percentage with at most two decimals ("25", "12.5") as basis points (2500, 1250). */
  percent(field: string, label: string, range: { min: number; max: number; optional?: boolean }) {
    const value = this.text(field, label, { max: 12, ...(range.optional ? { optional: true } : {}) });
    if (value === undefined) return undefined;
    const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(value);
    if (!match) return this.fail(field, `${label} must be a percentage with at most two decimals, e.g. 12.5.`);
    const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
    if (basisPoints < range.min || basisPoints > range.max) {
      return this.fail(field, `${label} must be between ${range.min / 100} % and ${range.max / 100} %.`);
    }
    return basisPoints;
  }

  /** Rupees with at most two decimals, more than zero. */
  rupees(field: string, label: string, options: { optional?: boolean } = {}): Paisa | undefined {
    const value = this.text(field, label, { max: 20, ...(options.optional ? { optional: true } : {}) });
    if (value === undefined) return undefined;
    let amount: Paisa;
    try {
      amount = parseRupees(value.replaceAll(',', ''));
    } catch {
      return this.fail(field, `${label} must be rupees with at most two decimals, e.g. 64.80.`);
    }
    return amount > 0 ? amount : this.fail(field, `${label} must be more than zero.`);
  }

  /** An index level with at most two decimals ("1000", "40673.12") in hundredths of a point, more than zero. */
  level(field: string, label: string, options: { optional?: boolean } = {}): number | undefined {
    const value = this.text(field, label, { max: 20, ...(options.optional ? { optional: true } : {}) });
    if (value === undefined) return undefined;
    let hundredths: number;
    try {
      hundredths = levelOf(value.replaceAll(',', ''));
    } catch {
      return this.fail(field, `${label} must be a level with at most two decimals, e.g. 1000 or 40673.12.`);
    }
    return hundredths > 0 ? hundredths : this.fail(field, `${label} must be more than zero.`);
  }

  /** A real `YYYY-MM-DD` date; an empty optional one is undefined without a problem. */
  date(field: string, label: string, options: { optional?: boolean } = {}): string | undefined {
    const value = this.text(field, label, { max: 10, ...(options.optional ? { optional: true } : {}) });
    if (value === undefined) return undefined;
    return isRealDate(value) ? value : this.fail(field, `${label} must be a real date written YYYY-MM-DD.`);
  }

  /** A local date and `HH:MM` time on the exchange's clock, as an instant. */
  instant(dateField: string, timeField: string, calendar: TradingCalendar): Date | undefined {
    const date = this.date(dateField, 'Date');
    const time = this.text(timeField, 'Time', { max: 5 });
    if (time !== undefined && !isTime(time)) return this.fail(timeField, 'Time must read HH:MM, e.g. 16:05.');
    return date === undefined || time === undefined ? undefined : instantOf(date, time, calendar);
  }

  /** One of `choices`, or a problem. */
  choice<T extends string>(field: string, label: string, choices: readonly T[]): T | undefined {
    const value = this.fields[field];
    const found = choices.find((choice) => choice === value);
    return found ?? this.fail(field, `Choose a ${label.toLowerCase()}.`);
  }

  fail(field: string, message: string): undefined {
    this.problems.push({ field, message });
    return undefined;
  }
}

export function isRealDate(text: string): boolean {
  try {
    dayNumber(text);
    return true;
  } catch {
    return false;
  }
}

function isTime(text: string): boolean {
  try {
    minuteOfDay(text);
    return text !== '24:00';
  } catch {
    return false;
  }
}
