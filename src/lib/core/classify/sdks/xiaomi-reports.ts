/** Public reports on Xiaomi's data collection that several Xiaomi-related adapters cite. */
export const FORBES_XIAOMI_2020 =
	'Forbes, T. Brewster, 2020-04-30, "Warning over Chinese mobile giant Xiaomi recording millions of people\'s private web and phone use" (findings of G. Cirlig), https://www.forbes.com/sites/thomasbrewster/2020/04/30/exclusive-warning-over-chinese-mobile-giant-xiaomi-recording-millions-of-peoples-private-web-and-phone-use/';
export const PALANT_XIAOMI_2020 = 'W. Palant, 2020-05-04, "Are Xiaomi browsers spyware? Yes, they are", https://palant.info/2020/05/04/are-xiaomi-browsers-spyware-yes-they-are.../';
