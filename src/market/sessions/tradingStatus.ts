import type { MarketStatusView } from '../book/marketSnapshot.js';
import { type HaltRule, type HaltState, haltPhase, haltStateAt, NORMAL, observeBreach } from './marketHalt.js';
import { acceptsTrades, sessionStatus, statusText } from './statusText.js';
import { instantOf, marketPhase, nextPhaseChange, type TradingCalendar, tradingDateOf } from './tradingCalendar.js';

export interface TradingStatusRules {
  readonly haltRule: HaltRule | null;
  readonly enforceSessions: boolean;
  /** The calendar in force; the desk can replace it, so it is asked each time. */
  readonly calendar: () => TradingCalendar | undefined;
  /** The last trading date closed (null before the first close): no trade prints on it or before it. */
  readonly lastClosed?: () => string | null;
}

/** Whether the market trades: the calendar's phase, the index-based halt, and the status the snapshot shows. */
export class TradingStatus {
  private halt: HaltState = NORMAL;
  private current: MarketStatusView | undefined;
  /** Whether `current` came from the halt rule rather than the calendar. */
  private fromHalt = false;
  /** The calendar's phase over [from, until) for that calendar object (an edit makes a new one). */
  private phase: { calendar: TradingCalendar; from: number; until: number; open: boolean } | null = null;

  constructor(
    private readonly rules: TradingStatusRules,
    now: Date,
  ) {
    this.current = this.statusAt(now);
  }

  get view(): MarketStatusView | undefined {
    return this.current;
  }

  /** When the halt ends, or null while the market is not halted. */
  get haltedUntil(): Date | null {
    return this.halt.kind === 'halted' ? this.halt.resumesAt : null;
  }

  /** Whether the calendar lets a trade stamped `now` print (always, when sessions are not enforced). */
  sessionOpen(now: Date): boolean {
    const calendar = this.rules.calendar();
    if (!this.rules.enforceSessions || !calendar) return true;
    const ms = now.getTime();
    const cached = this.phase;
    if (cached !== null && cached.calendar === calendar && ms >= cached.from && ms < cached.until) return cached.open;
    // Trades come in time order, mostly: one phase holds until its next change, so working it out
    // (date text, schedule look-up) once per phase instead of once per trade is the saving.
    const open = acceptsTrades(marketPhase(now, calendar));
    const next = nextPhaseChange(now, calendar);
    this.phase = { calendar, from: ms, until: next === null ? Number.POSITIVE_INFINITY : next.getTime(), open };
    return open;
  }

  isTradingAt(now: Date): boolean {
    if (!this.sessionOpen(now)) return false;
    return !this.rules.haltRule || haltStateAt(this.halt, this.rules.haltRule, now).kind !== 'halted';
  }

  advanceHalt(now: Date): void {
    const rule = this.rules.haltRule;
    // Nothing moves a market neither breaching nor halted but an observation: the usual case, every trade.
    if (!rule || this.halt.kind === 'normal') return;
    // A breach only counts while the market trades; the close ends it.
    if (this.halt.kind === 'breaching' && this.rules.enforceSessions && this.rules.calendar()) {
      if (!this.sessionOpen(now)) this.halt = NORMAL;
    }
    this.halt = haltStateAt(this.halt, rule, now);
  }

  /** The halt rule's index was seen at a level that is (or is not) a breach of the rule. */
  observeBreach(breach: boolean, now: Date): void {
    // The common case, after nearly every trade: no breach seen and none running, which changes nothing.
    if (!breach && this.halt.kind === 'normal') return;
    if (this.rules.haltRule) this.halt = observeBreach(this.halt, this.rules.haltRule, breach, now);
  }

  /** Recomputes the status when it may have changed; true when it did. */
  refresh(now: Date): boolean {
    const current = this.current;
    const halted = this.halt.kind === 'halted';
    const fresh =
      current !== undefined &&
      this.fromHalt === halted &&
      (current.nextChange === null || now.getTime() < current.nextChange.getTime());
    if (fresh || (current === undefined && !halted && !this.rules.calendar())) return false;
    const next = this.statusAt(now);
    this.fromHalt = halted;
    if (sameStatus(current, next)) return false;
    this.current = next;
    return true;
  }

  /** Starts again from the calendar at `now`, without a halt (a restore, a day close, an edited calendar). */
  reset(now: Date, options: { readonly clearHalt: boolean }): void {
    if (options.clearHalt) this.halt = NORMAL;
    this.current = this.statusAt(now);
    this.fromHalt = false;
  }

  /** Ends any halt or breach (the day is over); the status follows at the next refresh. */
  endHalt(): void {
    this.halt = NORMAL;
  }

  /** The next local midnight when today's trading date is already closed (sessions enforced), else null. */
  private closedEarly(now: Date, calendar: TradingCalendar | undefined): Date | null {
    const lastClosed = this.rules.lastClosed?.() ?? null;
    if (!this.rules.enforceSessions || calendar === undefined || lastClosed === null) return null;
    const today = tradingDateOf(now, calendar);
    return today <= lastClosed ? nextMidnight(today, calendar) : null;
  }

  private statusAt(now: Date): MarketStatusView | undefined {
    const halted = this.rules.haltRule ? haltPhase(this.halt, this.rules.haltRule, now) : null;
    if (halted) return { phase: halted.phase, text: statusText(halted.phase), nextChange: halted.until };
    const calendar = this.rules.calendar();
    const status = calendar ? sessionStatus(now, calendar) : undefined;
    const closedToday = this.closedEarly(now, calendar);
    if (status !== undefined && closedToday !== null && status.phase !== 'closed') {
      // The desk closed today before the timetable did: every trade is refused as stale from then on, so the
      // status says closed rather than "Market open until …" beside a market that takes nothing.
      return { phase: 'closed', text: 'Market closed for the day', nextChange: closedToday };
    }
    if (status !== undefined && !this.rules.enforceSessions) {
      // A market that trades outside the exchange's hours (the demo simulator) says so first, rather
      // than showing "Market closed" beside prices that keep moving; the exchange's phase follows.
      return { ...status, text: `Simulated market (exchange: ${status.text})` };
    }
    return status;
  }
}

/** The first instant of the local day after `date`: the status is looked at again then. */
function nextMidnight(date: string, calendar: TradingCalendar): Date {
  return new Date(instantOf(date, '00:00', calendar).getTime() + 24 * 60 * 60 * 1000);
}

function sameStatus(a: MarketStatusView | undefined, b: MarketStatusView | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.phase === b.phase && a.text === b.text && a.nextChange?.getTime() === b.nextChange?.getTime();
}
