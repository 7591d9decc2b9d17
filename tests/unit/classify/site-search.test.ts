import { describe, expect, it } from 'vitest';
import { searchEngineOf } from '../../../src/lib/core/classify/detectors/search-engines';

describe('a site’s own search page', () => {
	it.each([
		['https://www.example-health.org/search?q=insulin+pump', 'q'],
		['https://shop.example.com/en/recherche/?text=perruque', 'text'],
		['https://www.example.de/suche.html?keyword=rollstuhl', 'keyword'],
		['https://news.example.com/search/?s=asylum', 's']
	])('%s is a search by parameter %s', (address, param) => {
		const engine = searchEngineOf(new URL(address));
		expect(engine?.siteSearch).toBe(true);
		expect(engine?.params).toContain(param);
	});

	it.each([
		['a search page without words', 'https://www.example.com/search'],
		['a query on another page', 'https://www.example.com/products?q=shoes'],
		['a word that only contains search', 'https://www.example.com/research?q=1'],
		['an unknown parameter', 'https://www.example.com/search?page=2']
	])('%s is not', (_name, address) => {
		expect(searchEngineOf(new URL(address))).toBeNull();
	});

	it('a known engine stays itself', () => {
		expect(searchEngineOf(new URL('https://www.google.com/search?q=x'))?.name).toBe('Google');
	});
});
