/**
 * The baseline of the realistic benchmarks: the least a tool must do to read every event of the realistic
 * capture with platform primitives (JSON.parse, URLSearchParams, Buffer base64, node:zlib). It knows the
 * five shapes in advance, which Telltale does not. Firebase's protobuf bodies are base64-decoded and then
 * skipped: a protobuf walk is not a platform primitive, so their events are not counted here.
 */
import { gunzipSync } from 'node:zlib';

interface HarEntry {
	request: { url: string; postData?: { mimeType?: string; text?: string; encoding?: string } };
}

export interface MinimalResult {
	/** Events decoded from JSON, form fields and query lines (protobuf events not included). */
	events: number;
	/** Bodies decoded to bytes and not parsed further (protobuf). */
	skipped: number;
}

export function minimalPipeline(bytes: Uint8Array): MinimalResult {
	const har = JSON.parse(new TextDecoder().decode(bytes)) as { log: { entries: HarEntry[] } };
	let events = 0;
	let skipped = 0;
	for (const { request } of har.log.entries) {
		// Every query is read (GA4 carries a whole event there; the others a flag or two).
		const query = new URL(request.url).searchParams;
		const post = request.postData;
		const text = post?.text ?? '';
		if (post?.encoding === 'base64') {
			if (Buffer.from(text, 'base64').length > 0) skipped++;
		} else if (text === '') {
			if (query.has('en')) events++;
		} else if (post?.mimeType?.startsWith('application/json')) {
			const json = JSON.parse(text) as unknown[] | { batch: unknown[] };
			events += Array.isArray(json) ? json.length : json.batch.length;
		} else if (post?.mimeType?.startsWith('application/x-www-form-urlencoded')) {
			const form = new URLSearchParams(text);
			const dataList = form.get('data_list');
			const json = dataList !== null ? gunzipSync(Buffer.from(dataList, 'base64')).toString('utf8') : Buffer.from(form.get('data') ?? '', 'base64').toString('utf8');
			events += (JSON.parse(json) as unknown[]).length;
		} else {
			for (const line of text.split('\n')) if (new URLSearchParams(line).has('en')) events++;
		}
	}
	return { events, skipped };
}
