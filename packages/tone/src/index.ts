export { detectLanguage, type ToneLanguage } from './language.js';
export { scoreTone, TONE_THRESHOLD, type Tone, type ToneHit, type ToneLabel } from './score.js';
export { tokenize, type Token } from './tokenize.js';
