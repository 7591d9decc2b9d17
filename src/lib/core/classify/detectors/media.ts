/** What the user listened to or watched: song, track, artist, album and video titles. */
import type { Occurrence } from '../../model';
import { finding, scalarText, type Detector } from './detector';
import { isPlaceholder, keyLabel } from './key-hints';

const MEDIA_KEYS = new Set([
	'song', 'songname', 'songtitle', 'artist', 'artistname', 'album', 'albumname', 'trackname', 'tracktitle', 'musicname', 'musictitle',
	'videotitle', 'videoname', 'mediatitle', 'medianame', 'podcast', 'podcastname', 'episodetitle', 'episodename', 'singer', 'singername',
	'playingsong', 'nowplaying', 'moviename', 'movietitle', 'showname'
]);
/** Ambiguous on their own (Segment's `track`, a page `title`): media only beside an artist or album. */
const WITH_MEDIA_SIBLING = new Set(['track', 'title', 'name']);

export const media: Detector = {
	id: 'media',
	label: 'Media played',
	gate: { key: (k) => MEDIA_KEYS.has(k) || WITH_MEDIA_SIBLING.has(k) },
	detect(node, ctx) {
		const raw = scalarText(node);
		if (raw === null || node.kind !== 'text') return [];
		const value = raw.trim();
		if (value.length === 0 || value.length > 512 || isPlaceholder(value) || /^\d+$/.test(value) || /^https?:/i.test(value)) return [];
		const k = ctx.normKey;
		const out: Occurrence[] = [];
		if (MEDIA_KEYS.has(k)) out.push(finding(node, 'media.played', value, 'high', `media ${mediaWord(k)}, ${keyLabel(ctx.key)}`));
		else if (WITH_MEDIA_SIBLING.has(k) && ctx.siblings && ['artist', 'artistname', 'album', 'singer'].some((s) => ctx.siblings!.has(s))) {
			out.push(finding(node, 'media.played', value, 'medium', `media title, ${keyLabel(ctx.key)} beside an artist or album field`));
		}
		return out;
	}
};

function mediaWord(k: string): string {
	if (k.includes('artist') || k.includes('singer')) return 'artist';
	if (k.includes('album')) return 'album';
	if (k.includes('video') || k.includes('movie') || k.includes('show')) return 'video title';
	if (k.includes('podcast') || k.includes('episode')) return 'podcast';
	return 'title';
}
