import type { ClosingFile } from '../../ingest/closingFileParser.js';
import type { HistoryFile } from '../../ingest/historyCsvParser.js';
import type { DeskChange, InstrumentAmendment } from '../../market/book/deskChange.js';
import type { Market, MarketListing } from '../../market/book/market.js';
import type { MarketEvent, MarketEventOutcome } from '../../market/book/marketEvent.js';
import {
  type CorporateAction,
  corporateActionKey,
  type ExAdjustment,
} from '../../market/corporateActions/corporateAction.js';
import type { EndOfDay } from '../../market/endOfDay/closingRules.js';
import type { FxRateUpdate } from '../../market/fx/fxRate.js';
import type { IndexConstituent } from '../../market/indices/indexCalculator.js';
import { type IndexSpec, indexSpecProblem, type PublishedIndex } from '../../market/indices/indexSpec.js';
import type { Instrument } from '../../market/quotes/instrument.js';
import type { ListingEntry } from '../../market/quotes/listingEntry.js';
import type { CalendarEdit } from '../../market/sessions/calendarEdit.js';
import { closingFileTooNew, liveTradingDate } from '../../market/sessions/liveTradingDay.js';
import {
  nextTradingDate,
  PSX_CALENDAR,
  type TradingCalendar,
  tradingDateOf,
} from '../../market/sessions/tradingCalendar.js';
import { done, type Outcome, type Refusal, refusalOfProblems } from '../../shared/outcome.js';
import type { AuditAction, AuditActor, AuditStore } from '../../store/audit/auditLog.js';
import type { MarketStore } from '../../store/market/marketStore.js';
import { type MemberLine, resolveMembers } from './indexMembers.js';
import type { MarketDeskDeps } from './marketDeskDeps.js';
import { type MembershipChange, plannedConstituents } from './recompositionPlan.js';
import { sentence } from './sentence.js';

/** What an uploaded closing file did to the market. */
export interface ClosingImport {
  readonly date: string;
  readonly accepted: number;
}

/** What an uploaded history CSV added. */
export interface HistoryImport {
  readonly symbol: string;
  readonly accepted: number;
}

/** An index as the desk lists it. */
export type IndexDefinitionView = Omit<IndexSpec, 'constituents' | 'startLevel' | 'weighting'> & {
  readonly weighting?: IndexSpec['weighting'];
  /** Whether the site computes it (else only the exchange's published closes are shown). */
  readonly computed: boolean;
  readonly members: number;
};

export type ConstituentsChange =
  | { readonly status: 'computed'; readonly constituents: readonly IndexConstituent[] }
  | { readonly status: 'scheduled'; readonly effective: string; readonly constituents: readonly IndexConstituent[] };

/** What a listing file did: instruments updated now, stocks newly listed, rows kept for stocks not yet listed. */
export interface ListingLoad {
  readonly updated: number;
  readonly listed: number;
  readonly kept: number;
}

export type ActionOutcome =
  | { readonly status: 'applied'; readonly adjustment: ExAdjustment }
  | { readonly status: 'scheduled' };

/**
 * Every change the market desk makes, for the pages and the JSON API alike:
 * offered to the market through the recorder (so it is logged before it
 * counts and replayed after a restart), then written to the audit log. A
 * refusal by the market changes nothing and is reported as a problem.
 */
export class MarketDesk {
  readonly market: Market;
  private readonly deps: MarketDeskDeps;
  private readonly auditLog: AuditStore;
  private readonly marketStore: MarketStore;
  private readonly now: () => Date;

  constructor(input: {
    deps: MarketDeskDeps;
    audit: AuditStore;
    marketStore: MarketStore;
    now: () => Date;
  }) {
    this.deps = input.deps;
    this.market = input.deps.market;
    this.auditLog = input.audit;
    this.marketStore = input.marketStore;
    this.now = input.now;
  }

  /** The calendar dates and times are read against: the market's own, or PSX's for a market without one. */
  get calendar(): TradingCalendar {
    return this.market.calendar ?? PSX_CALENDAR;
  }

  /** Today on the exchange's clock. */
  today(): string {
    return tradingDateOf(this.now(), this.calendar);
  }

  async listInstrument(actor: AuditActor, listing: MarketListing): Promise<Outcome<Instrument>> {
    const { symbol } = listing.instrument;
    if (this.market.instrument(symbol) !== undefined) return refused('symbol', `${symbol} is already listed.`);
    const outcome = await this.desk(actor, { type: 'listInstrument', ...listing }, 'market.list', {
      type: 'instrument',
      id: symbol,
    });
    return outcome.ok ? done(this.market.instrument(symbol) as Instrument) : outcome;
  }

  /** Changes only the figures that differ; nothing to change is a success that records nothing. */
  async amendInstrument(actor: AuditActor, symbol: string, wanted: InstrumentAmendment): Promise<Outcome<Instrument>> {
    const before = this.market.instrument(symbol);
    if (before === undefined) return missing('symbol', `${symbol} is not listed.`);
    const amendment = Object.fromEntries(
      Object.entries(wanted).filter(([key, value]) => value !== undefined && before[key as keyof Instrument] !== value),
    ) as InstrumentAmendment;
    if (Object.keys(amendment).length === 0) return done(before);
    const outcome = await this.desk(
      actor,
      { type: 'amendInstrument', symbol, amendment },
      'market.amend',
      { type: 'instrument', id: symbol },
      { before: pick(before, Object.keys(amendment)), after: amendment },
    );
    return outcome.ok ? done(this.market.instrument(symbol) as Instrument) : outcome;
  }

  /**
   * Defines an index from scratch: computed from `members` (figures left out
   * come from the instruments), or, without members, an index only the
   * exchange computes, shown from its imported history.
   */
  async defineIndex(
    actor: AuditActor,
    spec: Omit<IndexSpec, 'constituents'>,
    members: readonly MemberLine[],
  ): Promise<Outcome<IndexDefinitionView>> {
    const known = this.market.indexConstituents(spec.code) !== undefined || this.publishedIndex(spec.code);
    if (known) return refusalOfProblems('conflict', [{ field: 'code', message: `${spec.code} is already defined.` }]);
    let constituents: readonly IndexConstituent[] = [];
    if (members.length > 0) {
      const resolved = resolveMembers(members, (symbol) => this.market.instrument(symbol));
      if (!resolved.ok) return refusalOfProblems('invalid', resolved.problems);
      constituents = resolved.constituents;
    }
    const full: IndexSpec = { ...spec, constituents };
    const problem = indexSpecProblem(full);
    if (problem) return refusalOfProblems('invalid', [problem]);
    const outcome = await this.desk(
      actor,
      { type: 'defineIndex', spec: full },
      'market.index-define',
      { type: 'index', id: spec.code },
      { ...spec, members: constituents.length },
    );
    return outcome.ok ? done(this.indexDefinition(spec.code) as IndexDefinitionView) : outcome;
  }

  /**
   * New members for an index. A computed index is recomposed at the
   * roll-over into `effective` (default the next trading day), as an index
   * provider's review takes effect. An index only published so far starts
   * being computed now, at `startLevel` (default its last imported official
   * close), so its line continues the exchange's.
   */
  async setConstituents(
    actor: AuditActor,
    code: string,
    members: readonly MemberLine[],
    options: { readonly effective?: string; readonly startLevel?: number } = {},
  ): Promise<Outcome<ConstituentsChange>> {
    const resolved = resolveMembers(members, (symbol) => this.market.instrument(symbol));
    const published = this.publishedIndex(code);
    if (published !== undefined) {
      if (!resolved.ok) return refusalOfProblems('invalid', resolved.problems);
      const startLevel = options.startLevel ?? (await this.marketStore.latestClose(code))?.close;
      if (startLevel === undefined) {
        return refused('startLevel', `${code} has no imported history to continue from: give the level it starts at.`);
      }
      const spec: IndexSpec = {
        ...published,
        weighting: 'free-float',
        startLevel,
        constituents: resolved.constituents,
      };
      const problem = indexSpecProblem(spec);
      if (problem) return refusalOfProblems('invalid', [problem]);
      const outcome = await this.desk(
        actor,
        { type: 'defineIndex', spec },
        'market.index-define',
        { type: 'index', id: code },
        { startLevel, members: resolved.constituents.length, from: 'published' },
      );
      return outcome.ok ? done({ status: 'computed', constituents: resolved.constituents }) : outcome;
    }
    const current = this.market.indexConstituents(code);
    if (current === undefined) return missing('code', `There is no index ${code}.`);
    if (options.startLevel !== undefined) {
      return refused('startLevel', `${code} is already computed: its level follows from its members.`);
    }
    if (!resolved.ok) return refusalOfProblems('invalid', resolved.problems);
    const effective = options.effective ?? nextTradingDate(this.today(), this.calendar);
    if (effective <= this.today()) {
      return refused(
        'effective',
        `The effective date must be after today (${this.today()}): it applies at a roll-over.`,
      );
    }
    const recomposition = { code, effective, constituents: resolved.constituents };
    const outcome = await this.desk(
      actor,
      { type: 'scheduleRecomposition', recomposition },
      'market.recompose',
      { type: 'index', id: code },
      { effective, members: resolved.constituents.length },
    );
    return outcome.ok ? done({ status: 'scheduled', effective, constituents: resolved.constituents }) : outcome;
  }

  /** Withdraws an index the desk defined; its stored history stays. */
  async withdrawIndex(actor: AuditActor, code: string): Promise<Outcome<null>> {
    if (this.market.indexConstituents(code) === undefined && this.publishedIndex(code) === undefined) {
      return missing('code', `There is no index ${code}.`);
    }
    return this.desk(actor, { type: 'withdrawIndex', code }, 'market.index-withdraw', { type: 'index', id: code });
  }

  /** Every index the site names: the computed ones in the market's order, then those only published. */
  indexDefinitions(): IndexDefinitionView[] {
    const codes = [
      ...this.market.snapshot().indices.map((index) => index.code),
      ...this.market.publishedIndices().map((index) => index.code),
    ];
    return codes.flatMap((code) => {
      const view = this.indexDefinition(code);
      return view === undefined ? [] : [view];
    });
  }

  /** An index's definition as the desk shows it, computed or published; undefined for an unknown code. */
  indexDefinition(code: string): IndexDefinitionView | undefined {
    const computed = this.market.indexSpecOf(code);
    if (computed !== undefined) {
      return { ...computed, computed: true, members: this.market.indexConstituents(code)?.length ?? 0 };
    }
    const published = this.publishedIndex(code);
    return published === undefined ? undefined : { ...published, computed: false, members: 0 };
  }

  /**
   * A listing file's rows as reference data (`Market.loadListing`): listed
   * instruments take the names, sectors and share counts at once, the rest
   * when their first closing file comes; rows with an LDCP list new stocks.
   */
  async loadListing(actor: AuditActor, file: string, entries: readonly ListingEntry[]): Promise<Outcome<ListingLoad>> {
    if (entries.length === 0) return refused('file', 'The listing holds no row that can be taken.');
    const listed = entries.filter((entry) => this.market.instrument(entry.symbol) !== undefined).length;
    const newListings = entries.filter(
      (entry) => this.market.instrument(entry.symbol) === undefined && entry.ldcp !== undefined,
    ).length;
    const outcome = await this.desk(
      actor,
      { type: 'loadListing', entries },
      'market.listing',
      { type: 'file', id: file },
      { file, rows: entries.length, updated: listed, listed: newListings },
    );
    return outcome.ok
      ? done({ updated: listed, listed: newListings, kept: entries.length - listed - newListings })
      : outcome;
  }

  private publishedIndex(code: string): PublishedIndex | undefined {
    return this.market.publishedIndices().find((index) => index.code === code);
  }

  async scheduleRecomposition(
    actor: AuditActor,
    code: string,
    effective: string,
    change: MembershipChange,
  ): Promise<Outcome<readonly IndexConstituent[]>> {
    const current = this.market.indexConstituents(code);
    if (current === undefined) return missing('code', `There is no index ${code}.`);
    if (effective <= this.today()) {
      return refused(
        'effective',
        `The effective date must be after today (${this.today()}): it applies at a roll-over.`,
      );
    }
    const planned = plannedConstituents(current, change, (symbol) => this.market.instrument(symbol));
    if (!planned.ok) return refusalOfProblems('invalid', planned.problems);
    const recomposition = { code, effective, constituents: planned.constituents };
    const outcome = await this.desk(
      actor,
      { type: 'scheduleRecomposition', recomposition },
      'market.recompose',
      { type: 'index', id: code },
      { effective, add: change.add.map((member) => member.symbol), remove: change.remove },
    );
    return outcome.ok ? done(planned.constituents) : outcome;
  }

  /** Withdraws the recomposition of `code` scheduled for `effective` before it applies. */
  async cancelRecomposition(actor: AuditActor, code: string, effective: string): Promise<Outcome<null>> {
    if (this.market.indexConstituents(code) === undefined) return missing('code', `There is no index ${code}.`);
    const scheduled = this.market.scheduledRecompositions().some((r) => r.code === code && r.effective === effective);
    if (!scheduled) return missing('effective', `No recomposition of ${code} is scheduled for ${effective}.`);
    return this.desk(actor, { type: 'cancelRecomposition', code, effective }, 'market.recompose-cancel', {
      type: 'index',
      id: code,
    });
  }

  /** Withdraws an action still waiting for its ex-date; the reason goes in the audit log. */
  async withdrawCorporateAction(actor: AuditActor, action: CorporateAction, reason: string): Promise<Outcome<null>> {
    if (!this.isPending(action))
      return missing('action', 'No such action is waiting for its ex-date; an applied one cannot be withdrawn.');
    return this.desk(
      actor,
      { type: 'withdrawCorporateAction', action },
      'market.corporate-action-withdraw',
      {
        type: 'instrument',
        id: action.symbol,
      },
      { ...action, reason: reason.trim() },
    );
  }

  /** Replaces an action still waiting for its ex-date with a corrected one of the same stock. */
  async amendCorporateAction(
    actor: AuditActor,
    before: CorporateAction,
    after: CorporateAction,
  ): Promise<Outcome<null>> {
    if (!this.isPending(before))
      return missing('action', 'No such action is waiting for its ex-date; an applied one cannot be amended.');
    if (after.symbol !== before.symbol) return refused('symbol', `An amended action stays on ${before.symbol}.`);
    return this.desk(
      actor,
      { type: 'amendCorporateAction', before, after },
      'market.corporate-action-amend',
      {
        type: 'instrument',
        id: before.symbol,
      },
      { before, after },
    );
  }

  private isPending(action: CorporateAction): boolean {
    const key = corporateActionKey(action);
    return this.market.pendingCorporateActions().some((waiting) => corporateActionKey(waiting) === key);
  }

  async corporateAction(actor: AuditActor, action: CorporateAction): Promise<Outcome<ActionOutcome>> {
    if (this.market.instrument(action.symbol) === undefined)
      return refused('symbol', `${action.symbol} is not listed.`);
    const outcome = await this.record({ kind: 'corporateAction', action, time: this.now() });
    if (outcome.kind !== 'corporateAction') throw new Error(`unexpected ${outcome.kind} outcome`);
    const { result } = outcome;
    if (!result.ok) return refused(null, sentence(result.reason));
    await this.audit(
      actor,
      'market.corporate-action',
      { type: 'instrument', id: action.symbol },
      {
        ...action,
        status: result.status,
      },
    );
    return done(
      result.status === 'applied' ? { status: 'applied', adjustment: result.adjustment } : { status: 'scheduled' },
    );
  }

  async fxRate(actor: AuditActor, update: FxRateUpdate): Promise<Outcome<FxRateUpdate>> {
    const outcome = await this.record({ kind: 'fxRate', update });
    if (outcome.kind !== 'fxRate') throw new Error(`unexpected ${outcome.kind} outcome`);
    if (!outcome.change.ok) return refused(null, sentence(outcome.change.reason));
    await this.audit(
      actor,
      'market.fx',
      { type: 'fx', id: `${update.market}:${update.pair}` },
      {
        buying: update.buying,
        selling: update.selling,
        time: update.time.toISOString(),
        source: update.source,
      },
    );
    return done(update);
  }

  async editCalendar(actor: AuditActor, edit: CalendarEdit): Promise<Outcome<TradingCalendar>> {
    const outcome = await this.desk(
      actor,
      { type: 'editCalendar', edit },
      'market.calendar',
      {
        type: 'date',
        id: edit.date,
      },
      { edit: edit.type },
    );
    if (outcome.ok) return done(this.calendar);
    // Removing what the calendar does not hold is about a thing that is not there, not a wrong request.
    return this.holds(edit) ? outcome : { ...outcome, reason: 'not-found' };
  }

  /** Whether the calendar has the holiday or special schedule a removal names; other edits always "hold". */
  private holds(edit: CalendarEdit): boolean {
    switch (edit.type) {
      case 'removeHoliday':
        return this.calendar.holidays.includes(edit.date);
      case 'removeSpecialSchedule':
        return Object.hasOwn(this.calendar.specialSchedules, edit.date);
      case 'addHoliday':
      case 'setSpecialSchedule':
        return true;
    }
  }

  /**
   * The exchange's closing file for a day, uploaded while the site runs: the
   * day is laid over the live market as one logged desk change (replayed after
   * a restart, like any other), then its instruments and rows are kept as daily
   * bars for the stock pages' history. A file of a day before the live one
   * would show old prices as the latest, so it is refused unless `force`; a
   * file of a day after the live one cannot exist yet and is always refused.
   */
  async importClosingFile(
    actor: AuditActor,
    file: string,
    closing: ClosingFile,
    options: { readonly force?: boolean } = {},
  ): Promise<Outcome<ClosingImport>> {
    if (closing.date === null || closing.rows.length === 0) {
      return refused('file', 'The file holds no row an import can take.');
    }
    const live = liveTradingDate(this.now(), this.calendar);
    // Laid over the market, a later day's file would roll the quotes onto a day that has not traded. `force` cannot
    // make it real.
    const tooNew = closingFileTooNew(closing.date, this.now(), this.calendar);
    if (tooNew !== null) return refused('file', tooNew);
    if (closing.date < live && options.force !== true) {
      // A conflict with the live market, which only `force` overrides.
      const message = `The closing file is for ${closing.date}, a day before the live market's ${live}: it would show that day's prices as the latest.`;
      return refusalOfProblems('conflict', [{ field: 'force', message }]);
    }
    const outcome = await this.desk(
      actor,
      { type: 'importClosingSession', date: closing.date, rows: closing.rows, untraded: closing.untraded },
      'market.import',
      { type: 'date', id: closing.date },
      {
        file,
        accepted: closing.rows.length,
        skipped: closing.skippedCount,
        rejected: closing.rejectedCount,
        warnings: closing.warningCount,
        ...(closing.date < live ? { olderDay: true } : {}),
      },
    );
    if (!outcome.ok) return outcome;
    await this.marketStore.saveClosingRows(closing.rows, this.now().getTime());
    return done({ date: closing.date, accepted: closing.rows.length });
  }

  /** A daily history CSV of one instrument or index: its rows are kept as daily bars (the market itself is untouched). */
  async importHistory(actor: AuditActor, file: string, history: HistoryFile): Promise<Outcome<HistoryImport>> {
    if (history.bars.length === 0) return refused('file', 'The file holds no row an import can take.');
    await this.marketStore.saveHistoryBars(history, this.now().getTime());
    await this.audit(
      actor,
      'market.import',
      { type: 'symbol', id: history.symbol },
      { file, accepted: history.bars.length, rejected: history.rejectedCount },
    );
    return done({ symbol: history.symbol, accepted: history.bars.length });
  }

  /** Ends `date` (default today): bars, roll-over, due actions and recompositions, and a checkpoint. */
  async closeDay(actor: AuditActor, date = this.today()): Promise<Outcome<EndOfDay>> {
    const outcome = await this.record({ kind: 'dayClose', date, time: this.now() });
    if (outcome.kind !== 'dayClose') throw new Error(`unexpected ${outcome.kind} outcome`);
    const { result } = outcome;
    if (!result.ok) return refused('date', sentence(result.reason));
    const { endOfDay } = result;
    await this.audit(
      actor,
      'market.close-day',
      { type: 'date', id: date },
      {
        bars: endOfDay.instruments.length + endOfDay.indices.length,
        appliedCorporateActions: endOfDay.appliedCorporateActions.length,
        appliedRecompositions: endOfDay.appliedRecompositions.length,
        problems: endOfDay.problems,
        nextTradingDate: endOfDay.nextTradingDate,
      },
    );
    return done(endOfDay);
  }

  private async desk(
    actor: AuditActor,
    change: DeskChange,
    action: AuditAction,
    subject: { type: string; id: string },
    details: Record<string, unknown> = change,
  ): Promise<Outcome<null>> {
    const outcome = await this.record({ kind: 'deskChange', change, time: this.now() });
    if (outcome.kind !== 'deskChange') throw new Error(`unexpected ${outcome.kind} outcome`);
    if (!outcome.change.ok) return refused(null, sentence(outcome.change.reason));
    await this.audit(actor, action, subject, details);
    return done(null);
  }

  private async record(event: MarketEvent): Promise<MarketEventOutcome> {
    const [outcome] = await this.deps.recorder.record([event]);
    if (outcome === undefined) throw new Error('the recorder gave no answer');
    return outcome;
  }

  private async audit(
    actor: AuditActor,
    action: AuditAction,
    subject: { type: string; id: string },
    details: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    await this.auditLog.record({ at: this.now(), actor, action, subject, details });
  }
}

/** A refusal of the whole request (field null) or of one field. */
function refused(field: string | null, message: string): Refusal {
  return refusalOfProblems('invalid', [{ field: field ?? '', message }]);
}

function missing(field: string, message: string): Refusal {
  return refusalOfProblems('not-found', [{ field, message }]);
}

function pick(instrument: Instrument, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, instrument[key as keyof Instrument]]));
}
