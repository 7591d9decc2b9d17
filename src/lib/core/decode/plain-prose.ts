/**
 * Plain prose: ASCII letters, digits, `_`, `-` and spaces only, not opening with `-`, more than one
 * space in 12 characters (base64's sentence rule), and a letter that is neither a hex digit nor the
 * `x` of `0x`. No text codec of the registry sniffs such text above 0 when no Content-Type is declared:
 * base64 turns sentences down, lz-string and hex need unbroken tokens (hex a non-hex letter to fail
 * on), multipart needs an opening `--`, and every other codec needs a character prose lacks
 * (`{ [ " % \ = : / . ( ;` or a line break), and each declares `ignoresPlainProse`. So a log message
 * inside a document is known to be undecodable without asking eleven codecs (shortcuts.ts;
 * tests/unit/decode/plain-prose.test.ts holds every codec that declares it to it).
 */
import { isSentence } from './codecs/base64';

/** Written with `_` and `-` in the class: V8 runs this class several times faster than `[A-Za-z0-9 ]`. */
const PROSE_CHARACTERS = /^[A-Za-z0-9_ -]*$/;
const NOT_HEX_LETTER = /[g-wyzG-WYZ]/;

export function isPlainProse(text: string): boolean {
	return PROSE_CHARACTERS.test(text) && text.trimStart()[0] !== '-' && NOT_HEX_LETTER.test(text) && isSentence(text);
}
