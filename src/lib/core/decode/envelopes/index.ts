/** Every envelope the peeler checks on finished structure layers. Adding one is one file and one line here. */
import type { Envelope } from './envelope';
import { sensorsAnalytics } from './sensors-analytics';

export const ENVELOPES: readonly Envelope[] = [sensorsAnalytics];

export type { Envelope } from './envelope';
