import type { Revision } from '../../series/types.js';
import { addDays } from '../../series/dates.js';
import type { PollRow } from './polls-parser.js';

/**
 * The polling average, stated once here:
 * - a poll is dated by its end_date and counts on that day and the 13 days after (14-day window);
 * - a poll gives one number per candidate: from the poll's preferred population (likely voters,
 *   then registered, then all voters, then adults), the questions naming the fewest candidates
 *   (head-to-head before multi-candidate), averaged;
 * - weight = sqrt(sample size, capped at 5,000, 600 when missing) × 538 numeric grade / 3
 *   (0.5 when ungraded) ÷ the number of that pollster's polls in the same window, so a daily
 *   tracker counts like one poll;
 * - the value for day D is known on D + 1 (realtimeStart), as if each poll were public the day
 *   after it left the field; days with no poll in the window have no value.
 */
export const POLL_WINDOW_DAYS = 14;
const POPULATION_RANK: Record<string, number> = { lv: 0, rv: 1, v: 2, a: 3 };

interface PollPoint {
  pollId: string;
  pollster: string;
  endDate: string;
  pct: number;
  weight: number;
}

function candidatePolls(rows: PollRow[], answer: string): PollPoint[] {
  const answersPerQuestion = new Map<string, number>();
  for (const r of rows) answersPerQuestion.set(r.questionId, (answersPerQuestion.get(r.questionId) ?? 0) + 1);
  const byPoll = new Map<string, PollRow[]>();
  for (const r of rows) if (r.answer === answer) byPoll.set(r.pollId, [...(byPoll.get(r.pollId) ?? []), r]);
  return [...byPoll.values()].map((list) => {
    const rank = (r: PollRow) => POPULATION_RANK[r.population] ?? 9;
    const best = Math.min(...list.map(rank));
    const inPop = list.filter((r) => rank(r) === best);
    const fewest = Math.min(...inPop.map((r) => answersPerQuestion.get(r.questionId)!));
    const chosen = inPop.filter((r) => answersPerQuestion.get(r.questionId) === fewest);
    const first = chosen[0];
    const size = Math.min(first.sampleSize ?? 600, 5000);
    return {
      pollId: first.pollId,
      pollster: first.pollster,
      endDate: first.endDate,
      pct: chosen.reduce((s, r) => s + r.pct, 0) / chosen.length,
      weight: Math.sqrt(size) * ((first.grade ?? 0.5) / 3),
    };
  });
}

/** Daily average for one candidate (by 538's `answer`, e.g. "Trump") through `lastDay`. */
export function dailyAverage(rows: PollRow[], answer: string, lastDay: string): Revision[] {
  const polls = candidatePolls(rows, answer).sort((a, b) => (a.endDate < b.endDate ? -1 : 1));
  if (polls.length === 0) return [];
  const out: Revision[] = [];
  for (let day = polls[0].endDate; day <= lastDay; day = addDays(day, 1)) {
    const from = addDays(day, -(POLL_WINDOW_DAYS - 1));
    const inWindow = polls.filter((p) => p.endDate >= from && p.endDate <= day);
    if (inWindow.length === 0) continue;
    const perPollster = new Map<string, number>();
    for (const p of inWindow) perPollster.set(p.pollster, (perPollster.get(p.pollster) ?? 0) + 1);
    let sw = 0;
    let swx = 0;
    for (const p of inWindow) {
      const w = p.weight / perPollster.get(p.pollster)!;
      sw += w;
      swx += w * p.pct;
    }
    out.push({ date: day, value: Math.round((swx / sw) * 100) / 100, realtimeStart: addDays(day, 1) });
  }
  return out;
}
