import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jwt } from '../../../../src/lib/core/decode/codecs/jwt';
import { ctx, treeOf } from './context';

const b64url = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const token = (header: unknown, payload: unknown, signature = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)) => `${b64url(header)}.${b64url(payload)}.${Buffer.from(signature).toString('base64url')}`;

describe('jwt: real-world tokens', () => {
	const firebase = {
		header: { alg: 'RS256', kid: 'a1b2c3', typ: 'JWT' },
		payload: { iss: 'https://securetoken.google.com/my-app', aud: 'my-app', auth_time: 1700000000, user_id: 'Xy12', sub: 'Xy12', email: 'a@b.example', firebase: { sign_in_provider: 'password' } }
	};
	const auth0 = {
		header: { alg: 'RS256', typ: 'JWT', kid: 'NkJCQzlFQ' },
		payload: { 'https://example.com/roles': ['admin'], iss: 'https://tenant.eu.auth0.com/', sub: 'auth0|5f7c', aud: ['https://api.example.com'], iat: 1700000000, exp: 1700086400, scope: 'openid profile email' }
	};
	const cases = [
		{ name: 'a Firebase ID token', ...firebase },
		{ name: 'an Auth0 access token', ...auth0 },
		{ name: 'an HS256 session token', header: { alg: 'HS256', typ: 'JWT' }, payload: { sid: 's-1', device_id: 'f1e2d3c4' } },
		{ name: 'an ES256 token without typ', header: { alg: 'ES256' }, payload: { sub: '1234567890', name: 'John Doe' } },
		{ name: 'unsigned (alg none)', header: { alg: 'none' }, payload: { admin: true } }
	];
	for (const { name, header, payload } of cases) {
		it(name, () => {
			const t = token(header, payload, header.alg === 'none' ? new Uint8Array() : undefined);
			expect(jwt.sniff(t, {})).toBeGreaterThanOrEqual(0.9);
			const result = jwt.decode(t, ctx());
			const tree = treeOf(result) as Record<string, unknown>;
			expect(tree.header).toEqual(header);
			expect(tree.payload).toEqual(payload);
			expect(tree.signature).toBeInstanceOf(Uint8Array);
			expect(result.kind === 'tree' && result.note).toMatch(header.alg === 'none' ? /unsigned/ : /not verified/);
		});
	}

	it('an encrypted (five-part) token keeps its parts as bytes', () => {
		const t = `${b64url({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.${b64url('key')}.${b64url('iv')}.${b64url('ciphertext')}.${b64url('tag')}`;
		expect(jwt.sniff(t, {})).toBeGreaterThanOrEqual(0.9);
		const tree = treeOf(jwt.decode(t, ctx())) as Record<string, unknown>;
		expect(tree.header).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' });
		expect(tree.ciphertext).toEqual(new TextEncoder().encode('ciphertext'));
	});
});

describe('jwt: what is not a JWT', () => {
	for (const input of ['com.example.app', 'www.example.com', '1.2.3', 'a.b.c', 'hello world', 'v1.2.3-beta.4']) {
		it(`sniffs 0: ${JSON.stringify(input)}`, () => expect(jwt.sniff(input, {})).toBe(0));
	}
	it('fails when the header is not JSON with alg', () => {
		expect(jwt.decode(token({ typ: 'JWT' }, { a: 1 }), ctx()).kind).toBe('failure');
		expect(jwt.decode(`${b64url('not json')}.${b64url({ a: 1 })}.sig`, ctx()).kind).toBe('failure');
		expect(jwt.decode('eyJhbGciOiJIUzI1NiJ9.eyJ.x', ctx()).kind).toBe('tree');
	});
});

describe('jwt: properties', () => {
	it('decodes what a base64url JSON encoder builds', () => {
		fc.assert(
			fc.property(fc.constantFrom('HS256', 'RS256', 'ES384', 'EdDSA'), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue(), { maxKeys: 6 }), fc.uint8Array({ minLength: 1, maxLength: 64 }), (alg, claims, sig) => {
				const tree = treeOf(jwt.decode(token({ alg }, claims, sig), ctx())) as Record<string, unknown>;
				expect(tree.payload).toEqual(JSON.parse(JSON.stringify(claims)));
				expect(tree.signature).toEqual(sig);
			})
		);
	});
	it('never throws on random text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (s) => {
				jwt.sniff(s, {});
				jwt.decode(s, ctx());
				jwt.decode(`eyJhbGciOiJIUzI1NiJ9.${s}.${s}`, ctx());
			})
		);
	});
});
