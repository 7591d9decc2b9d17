/**
 * Microsoft Clarity, session replay and heatmaps: the script www.clarity.ms/tag/<project>, data to <letter>.clarity.ms/collect.
 * Sources:
 *  - https://learn.microsoft.com/en-us/clarity/setup-and-installation/clarity-setup (the tag)
 *  - https://learn.microsoft.com/en-us/clarity/setup-and-installation/clarity-cookies (_clck, _clsk)
 *  - https://github.com/MisterPhilip/omnibug (src/providers/MicrosoftClarity.js: clarity.ms/tag/)
 */
import type { SdkAdapter } from './adapter';

export const microsoftClarity: SdkAdapter = {
	id: 'microsoft-clarity',
	name: 'Microsoft Clarity',
	label: 'Microsoft Clarity',
	company: 'Microsoft Corporation',
	category: 'analytics',
	listings: [{ hosts: ['clarity.ms'], product: 'Microsoft Clarity', category: 'analytics', source: 'Microsoft Clarity, https://learn.microsoft.com/en-us/clarity/setup-and-installation/clarity-setup' }]
};
