/** A weekly recurring opening window in the team's local wall-clock time. */
export interface WeeklyWindow {
  /** Day the window starts on: 0 = Sunday … 6 = Saturday. */
  day: number;
  /** 'HH:MM', 00:00–23:59. */
  start: string;
  /** 'HH:MM' or '24:00'. An end at or before the start means the window runs past midnight into the next day. */
  end: string;
}

/** When a team is open: weekly windows in one IANA time zone, minus whole-day holidays. */
export interface OpeningHours {
  timeZone: string;
  weekly: WeeklyWindow[];
  /** Local dates 'YYYY-MM-DD' on which the team is closed from 00:00 to 24:00. */
  holidays: string[];
}

/** A problem with one field of an OpeningHours value; same shape as the api's field errors. */
export interface Problem {
  /** Path of the offending field, e.g. 'timeZone', 'weekly.2.start', 'holidays.0'. */
  field: string;
  code: ProblemCode;
  message: string;
}

export type ProblemCode =
  'unknown_time_zone' | 'no_windows' | 'invalid_day' | 'invalid_time' | 'zero_length_window' | 'overlapping_windows' | 'invalid_holiday';
