/** Standard output with back-pressure: a report piped into a slow reader (jq, a pager) waits instead of piling up in memory. */
export function stdoutWriter(stream: NodeJS.WritableStream = process.stdout): (text: string) => Promise<void> {
	return (text) =>
		new Promise((resolve, reject) => {
			if (text === '') return resolve();
			const onError = (error: Error) => reject(error);
			stream.once('error', onError);
			const drained = stream.write(text, () => undefined);
			const done = () => {
				stream.off('error', onError);
				resolve();
			};
			if (drained) done();
			else stream.once('drain', done);
		});
}
