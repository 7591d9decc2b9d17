/**
 * InputError is the one error a user can cause: a message that says what is wrong and where.
 * Anything else thrown out of the core is a bug in Telltale and is reported as such.
 */
export class InputError extends Error {
	constructor(
		message: string,
		/** Where in the input: "byte 5,000", "entry 3", "line 12". */
		readonly location?: string
	) {
		super(message);
		this.name = 'InputError';
	}
}

export function isInputError(error: unknown): error is InputError {
	return error instanceof InputError || (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'InputError');
}
