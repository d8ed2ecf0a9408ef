// The scheduled FOMC meetings, keyed by decision date (the second day of each meeting).
import { IndicatorInputError } from './errors.js';
import { FOMC_MEETINGS_CSV } from './fomc-meetings.data.js';

export interface FomcMeeting {
  startDate: string;
  /** The day the decision is announced; a rate change applies from this day in FedWatch's arithmetic. */
  decisionDate: string;
}

/** Parses `start_date,decision_date` rows (header required), rejecting malformed or unordered rows. */
export function parseFomcCalendar(csv: string): FomcMeeting[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0]?.trim() !== 'start_date,decision_date') {
    throw new Error('FOMC calendar: the first line must be the header "start_date,decision_date".');
  }
  const meetings = lines.slice(1).map((line, k) => {
    const [startDate, decisionDate] = line.split(',').map((s) => s.trim());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(decisionDate ?? '') || startDate > decisionDate) {
      throw new Error(`FOMC calendar line ${k + 2} is not "start,decision" in YYYY-MM-DD order: "${line}".`);
    }
    return { startDate, decisionDate };
  });
  for (let i = 1; i < meetings.length; i++) {
    if (meetings[i].decisionDate <= meetings[i - 1].decisionDate) {
      throw new Error(`FOMC calendar is not in date order at ${meetings[i].decisionDate}.`);
    }
  }
  return meetings;
}

let bundled: FomcMeeting[] | undefined;

/** The bundled calendar: 2022 to January 2028, as far as the Board has announced (data/SOURCES-fomc.md). */
export function fomcMeetings(): FomcMeeting[] {
  bundled ??= parseFomcCalendar(FOMC_MEETINGS_CSV);
  return bundled;
}

/** Decision dates within [from, to] (either bound optional), ascending. */
export function fomcDecisionDates(from?: string, to?: string, calendar: FomcMeeting[] = fomcMeetings()): string[] {
  return calendar.map((m) => m.decisionDate).filter((d) => (!from || d >= from) && (!to || d <= to));
}

/** Throws a BAD_USER_INPUT error naming the nearest scheduled meetings when `date` is not a decision date. */
export function requireMeeting(date: string, calendar: FomcMeeting[] = fomcMeetings()): FomcMeeting {
  const hit = calendar.find((m) => m.decisionDate === date);
  if (hit) return hit;
  const next = calendar.find((m) => m.decisionDate > date);
  const prev = [...calendar].reverse().find((m) => m.decisionDate < date);
  const first = calendar[0]?.decisionDate;
  const last = calendar[calendar.length - 1]?.decisionDate;
  // past the end the date may well be a meeting: the Board has not announced it yet, so say so rather than "not a meeting"
  if (last !== undefined && date > last) {
    throw new IndicatorInputError(
      'meeting',
      `${date} is after ${last}, the last FOMC meeting on Tide's calendar (${first}..${last}, the schedule as far as the Federal Reserve Board has announced it); ` +
        'later meetings are added to data/fomc_meetings.csv when the Board publishes them.',
    );
  }
  throw new IndicatorInputError(
    'meeting',
    `${date} is not a scheduled FOMC decision date (calendar ${first}..${last}); ` +
      `the nearest are ${prev?.decisionDate ?? 'none'} and ${next?.decisionDate ?? 'none'}. Pass the second day of a meeting.`,
  );
}
