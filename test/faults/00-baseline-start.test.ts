import { describe } from 'vitest';
import { baselineCase } from './lib/baseline.js';

describe('baseline', () => baselineCase('start'));
