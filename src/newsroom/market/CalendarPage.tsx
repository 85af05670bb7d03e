import type { MarketStatusView } from '../../market/book/marketSnapshot.js';
import type { SessionSchedule, TradingCalendar, Weekday } from '../../market/sessions/tradingCalendar.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { karachiStamp } from './deskFormat.js';
import { type DeskPageProps, Field, MarketDeskLayout, ProblemList } from './MarketDeskLayout.js';
import { SCHEDULE_FIELDS } from './scheduleForm.js';

export interface CalendarPageProps extends DeskPageProps {
  readonly calendar: TradingCalendar;
  readonly status: MarketStatusView | null;
  readonly today: string;
  readonly holidayForm: string;
  readonly problems: readonly FieldProblem[];
  /** The special-schedule form as last sent (empty at first), and its problems. */
  readonly scheduleForm: Readonly<Record<string, string | undefined>>;
  readonly scheduleProblems: readonly FieldProblem[];
}

const WEEKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** `/admin/market/calendar`: status now, the weekly timetable, holidays (add, remove) and special schedules. */
export function CalendarPage(props: CalendarPageProps) {
  const { calendar } = props;
  const specials = Object.entries(calendar.specialSchedules).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <MarketDeskLayout title="Trading calendar" path="/admin/market/calendar" {...props}>
      <p>
        Now: <strong>{props.status?.text ?? 'No trading calendar'}</strong>
        {props.status?.nextChange ? `, until ${karachiStamp(props.status.nextChange)}` : null}. Today is {props.today}{' '}
        (Karachi, UTC{calendar.utcOffsetMinutes >= 0 ? '+' : '−'}
        {Math.abs(calendar.utcOffsetMinutes / 60)}).
      </p>
      <h2 id="holidays-heading">Holidays</h2>
      <ProblemList problems={props.problems} formId="holiday" />
      {calendar.holidays.length === 0 ? (
        <p>No holidays declared.</p>
      ) : (
        <ul aria-labelledby="holidays-heading">
          {calendar.holidays.map((date) => (
            <li key={date}>
              {date}{' '}
              <form class="inline" method="post" action="/admin/market/calendar/holidays/remove">
                <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                <input type="hidden" name="date" value={date} />
                <button type="submit">
                  Remove<span class="visually-hidden"> holiday {date}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form class="stacked" method="post" action="/admin/market/calendar/holidays" aria-label="Declare a holiday">
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <Field
          formId="holiday"
          name="date"
          label="Declare a holiday on"
          type="date"
          value={props.holidayForm}
          problems={props.problems}
          required
        />
        <button type="submit">Add holiday</button>
      </form>
      <h2>Weekly timetable</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Sessions</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day) => (
              <tr key={day}>
                <th scope="row">{day.charAt(0).toUpperCase() + day.slice(1)}</th>
                <td>{describeSchedule(calendar.weekly[day])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="specials-heading">Special schedules</h2>
      <p>
        A date with its own timetable (Ramadan hours, an exceptional session) follows it instead of the weekly one, even
        on a weekend or a holiday.
      </p>
      {specials.length === 0 ? (
        <p>None: every day follows the weekly timetable.</p>
      ) : (
        <div class="table-wrap">
          <table aria-labelledby="specials-heading">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Sessions</th>
                <th scope="col">
                  <span class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {specials.map(([date, schedule]) => (
                <tr key={date}>
                  <th scope="row">{date}</th>
                  <td>{describeSchedule(schedule)}</td>
                  <td>
                    <form class="inline" method="post" action="/admin/market/calendar/special-schedules/remove">
                      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
                      <input type="hidden" name="date" value={date} />
                      <button type="submit">
                        Remove<span class="visually-hidden"> special schedule of {date}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 id="special-form-heading">Set a special schedule</h3>
      <ProblemList problems={props.scheduleProblems} formId="special" />
      <form
        class="stacked"
        method="post"
        action="/admin/market/calendar/special-schedules"
        aria-labelledby="special-form-heading"
      >
        <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
        <Field
          formId="special"
          name="date"
          label="Date"
          type="date"
          value={props.scheduleForm.date ?? ''}
          problems={props.scheduleProblems}
          required
        />
        {SCHEDULE_FIELDS.map(({ name, label, hint, required }) => (
          <Field
            key={name}
            formId="special"
            name={name}
            label={label}
            hint={hint}
            value={props.scheduleForm[name] ?? ''}
            problems={props.scheduleProblems}
            maxLength={5}
            {...(required ? { required: true } : {})}
          />
        ))}
        <button type="submit">Set special schedule</button>
      </form>
    </MarketDeskLayout>
  );
}

function describeSchedule(schedule: SessionSchedule | null): string {
  if (schedule === null || schedule.periods.length === 0) return 'Closed';
  return schedule.periods.map((period) => `${period.phase} ${period.start}–${period.end}`).join(', ');
}
