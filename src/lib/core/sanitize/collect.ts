/**
 * The first pass: every exchange is analysed as Telltale analyses it (request side, as the report does) and
 * its response body decoded and searched too; the findings the options ask to mask, credentials by field
 * name and every cookie and credential header go into the MaskPlan.
 */
import type { DecodedNode, DecodedPart, Exchange, Header } from '../model';
import { ExchangeAnalyzer, decodeParts } from '../report/exchange-analyzer';
import { PeelCache } from '../decode/peel';
import { exchangeFindings } from '../classify/findings';
import type { MaskPlan } from './plan';
import { cookiePairs, isCredentialHeader, isSecretField, setCookiePairs, splitCredential } from './secret-names';
import type { HarObject } from './source';

export class PlanCollector {
	private readonly analyzer = new ExchangeAnalyzer();
	private readonly cache = new PeelCache();

	constructor(private readonly plan: MaskPlan) {}

	collect(index: number, exchange: Exchange, entry: HarObject): void {
		const analyzed = this.analyzer.analyze(exchange);
		for (const finding of analyzed.report.findings) this.plan.addFinding(index, finding);
		const responses = decodeParts(
			exchange.parts.filter((p) => p.kind === 'response-body'),
			undefined,
			this.cache
		);
		if (responses.length > 0) for (const finding of exchangeFindings(exchange, responses)) this.plan.addFinding(index, finding);
		if (!this.plan.masksSecrets) return;
		for (const part of [...analyzed.trees, ...responses]) this.secretFields(index, part);
		this.headers(index, exchange.requestHeaders, 'cookie');
		this.headers(index, exchange.responseHeaders, 'set-cookie');
		for (const side of ['request', 'response'] as const) {
			const cookies = (entry[side] as HarObject | undefined)?.cookies;
			if (!Array.isArray(cookies)) continue;
			for (const c of cookies) if (typeof c?.value === 'string') this.plan.addValue(c.value, 'cookie', index);
		}
	}

	private secretFields(index: number, part: DecodedPart): void {
		const stack: DecodedNode[] = [part.root];
		while (stack.length > 0) {
			const node = stack.pop()!;
			if (node.kind === 'text' && isSecretField(node.key, node.text!)) this.plan.addValue(node.text!, 'auth.secret', index);
			if (node.decoded) stack.push(node.decoded);
			if (node.children) for (const child of node.children) stack.push(child);
		}
	}

	private headers(index: number, headers: readonly Header[], cookieHeader: 'cookie' | 'set-cookie'): void {
		for (const h of headers) {
			const name = h.name.toLowerCase();
			if (name === cookieHeader) {
				for (const pair of cookieHeader === 'cookie' ? cookiePairs(h.value) : setCookiePairs(h.value)) this.plan.addValue(pair.value, 'cookie', index);
			} else if (isCredentialHeader(name)) {
				const credential = splitCredential(h.value)[1].trim();
				if (credential) this.plan.addValue(credential, 'credential', index);
			}
		}
	}
}
