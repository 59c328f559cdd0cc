export type Locale = 'en' | 'de';

interface Labels {
  /** Weekday abbreviations from Sunday, as in "Mon–Fri" / "Mo–Fr". */
  days: readonly string[];
  /** Weekday abbreviations from Sunday, as in a date: "Tue" / "Di.". */
  dateDays: readonly string[];
  months: readonly string[];
  today: string;
  tomorrow: string;
  closed: string;
  /** Appended to a list of times: "08:00–18:00 Uhr". */
  clockSuffix: string;
}

export const LABELS: Record<Locale, Labels> = {
  en: {
    days: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    dateDays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    today: 'today',
    tomorrow: 'tomorrow',
    closed: 'Closed',
    clockSuffix: '',
  },
  de: {
    days: ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'],
    dateDays: ['So.', 'Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.'],
    months: ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'],
    today: 'heute',
    tomorrow: 'morgen',
    closed: 'Geschlossen',
    clockSuffix: ' Uhr',
  },
};
