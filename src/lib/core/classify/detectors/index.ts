/** Every detector, in the order their findings are listed. Adding a family is one file and one line. */
import type { Detector } from './detector';
import { deviceIds } from './device-ids';
import { adIds } from './ad-ids';
import { network } from './network';
import { location } from './location';
import { contact } from './contact';
import { browsing } from './browsing';
import { apps } from './apps';
import { media } from './media';
import { secrets } from './secrets';
import { userIds } from './user-ids';
import { deviceInfo } from './device-info';
import { userAgentField, userAgentHeader } from './user-agent-devices';
import { unparsedText } from './unparsed-text';
import { valueShapes } from './value-shapes';

export const DETECTORS: readonly Detector[] = [deviceIds, adIds, network, location, contact, browsing, apps, media, secrets, userAgentHeader, userAgentField, deviceInfo, userIds, unparsedText, valueShapes];
