/** Shared by the web adapters' table tests: one documented request through the real pipeline. */
import { readCapture } from '../../../../src/lib/core/capture/sniff';
import { analyze } from '../../../../src/lib/core/report/analyze';
import { harBytes } from '../helpers';

export type WebRow = [id: string, url: string, body: string | undefined, mime: string | undefined, company: string | null, findings: Array<[string, string]>];

export function exchangeOfRow(url: string, body?: string, mime?: string) {
	return analyze(readCapture({ name: 'sdk.har', bytes: harBytes([{ url, ...(body !== undefined ? { body } : {}), ...(mime ? { mimeType: mime } : {}) }]) })).report.exchanges[0]!;
}
