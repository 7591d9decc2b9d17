/**
 * The data-flow view's numbers: how many requests carried each finding type to each receiver. One pass over the
 * exchanges to name and rank receivers, one over the requests that carried anything to count, so 50,000 exchanges
 * cost a few milliseconds and the chart never has more than the capped receivers.
 */
import { FINDING_TYPES, type FindingType } from '../../core/model';
import { typesMask } from '../../core/report/capture-index';
import { ReceiverTally, type ExchangeFilter, type Receiver, type ViewedExchange } from './receivers';
import { requestsText } from './text';
import { typeLabel, typeTone, type TypeTone } from './type-labels';

/** Receivers drawn by name; the rest are one "Other" node. */
export const FLOW_RECEIVERS_MAX = 12;

export interface FlowType {
	type: FindingType;
	label: string;
	tone: TypeTone;
	/** Requests that carried it. */
	requests: number;
	filter: ExchangeFilter;
}

export interface Flow {
	type: FindingType;
	/** Position of the receiver in `FlowModel.receivers`. */
	receiver: number;
	requests: number;
	filter: ExchangeFilter;
	/** "IMEI → Google: 1,204 requests" */
	name: string;
}

export interface FlowModel {
	/** Types that were found, most requests first. */
	types: FlowType[];
	/** Receivers of personal data, most requests with it first; `weight` is that number. */
	receivers: Receiver[];
	/** Largest first. */
	flows: Flow[];
	/** Requests that carried any personal data. */
	requests: number;
}

const BITS = FINDING_TYPES.map((type) => typesMask([type]));

export function dataFlow(exchanges: readonly ViewedExchange[], max = FLOW_RECEIVERS_MAX): FlowModel {
	const tally = new ReceiverTally();
	// Every exchange is tallied (weight 0 without findings) so a receiver's filter covers all its requests.
	const ids = new Int32Array(exchanges.length);
	let requests = 0;
	for (let i = 0; i < exchanges.length; i++) {
		const exchange = exchanges[i]!;
		const carried = exchange.types !== 0 ? 1 : 0;
		requests += carried;
		ids[i] = tally.add(exchange, carried);
	}
	const { receivers, slots } = tally.rank(max);
	const T = FINDING_TYPES.length;
	const counts = new Int32Array(receivers.length * T);
	for (let i = 0; i < exchanges.length; i++) {
		const mask = exchanges[i]!.types;
		if (mask === 0) continue;
		const base = slots[ids[i]!]! * T;
		for (let t = 0; t < T; t++) if ((mask & BITS[t]!) !== 0) counts[base + t]!++;
	}

	const perType = new Int32Array(T);
	const flows: Flow[] = [];
	for (let r = 0; r < receivers.length; r++) {
		const receiver = receivers[r]!;
		for (let t = 0; t < T; t++) {
			const n = counts[r * T + t]!;
			if (n === 0) continue;
			perType[t]! += n;
			const type = FINDING_TYPES[t]!;
			flows.push({ type, receiver: r, requests: n, filter: { types: [type], ...receiver.filter }, name: `${typeLabel(type)} → ${receiver.name}: ${requestsText(n)}` });
		}
	}
	flows.sort((a, b) => b.requests - a.requests || a.receiver - b.receiver || FINDING_TYPES.indexOf(a.type) - FINDING_TYPES.indexOf(b.type));

	const types: FlowType[] = [];
	for (let t = 0; t < T; t++) {
		const type = FINDING_TYPES[t]!;
		if (perType[t]! > 0) types.push({ type, label: typeLabel(type), tone: typeTone(type), requests: perType[t]!, filter: { types: [type] } });
	}
	// A stable sort keeps the vocabulary's order among types of equal size.
	types.sort((a, b) => b.requests - a.requests);
	return { types, receivers, flows, requests };
}
