export type { OpeningHours, Problem, ProblemCode, WeeklyWindow } from './types.js';
export type { Locale } from './labels.js';
export { validateOpeningHours } from './validate.js';
export { InvalidOpeningHoursError } from './calendar.js';
export { addBusinessMinutes, businessMinutesBetween, isOpen, nextClosing, nextOpening } from './arithmetic.js';
export { describeOpeningHours } from './describe.js';
export { formatExpectedBy } from './expected-by.js';
