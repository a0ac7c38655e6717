// What the resemblance model tells apart: the nine classes, and "negative" (alarming words that
// are not the environment: a compile error, a failing test, a user's panic).
import type { ClassId } from '../../doctor/model.js';

export type Label = ClassId | 'negative';
