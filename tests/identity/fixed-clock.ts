// Imported first by snapshot.ts: corpus fixtures gzip at import time, and the gzip header records the
// current time; a fixed clock keeps the inputs, and so the hashes, the same from run to run.
Date.now = () => 1_700_000_000_000;
