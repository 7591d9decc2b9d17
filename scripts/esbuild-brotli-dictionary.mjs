// An esbuild plugin for the command line's build (scripts/build-cli.mjs).
import { createRequire } from 'node:module';

/**
 * brotli's static dictionary (122,784 bytes) as one base64 string Node decodes natively, instead of the module's
 * array literal of 122,784 numbers: parsing and building that array was the largest single cost of starting the
 * command (about 12 ms of the 60 ms spent loading the bundle). The bytes are read from the installed package at build
 * time, so they cannot drift from it.
 */
export const brotliDictionaryAsBase64 = {
	name: 'brotli-dictionary-as-base64',
	setup(build) {
		build.onLoad({ filter: /[\\/]brotli[\\/]dec[\\/]dictionary-data\.js$/ }, (args) => {
			const bytes = createRequire(import.meta.url)(args.path).init();
			const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
			return {
				loader: 'js',
				contents: [
					`const bytes = Buffer.from(${JSON.stringify(base64)}, 'base64');`,
					'exports.dictionary = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);',
					'exports.init = function () { return exports.dictionary; };'
				].join('\n')
			};
		});
	}
};
