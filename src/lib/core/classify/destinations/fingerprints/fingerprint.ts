/** An SDK recognised from the shape of what it sends, whatever host it sends it to. */
import type { DestinationCategory } from '../../../model';
import type { PayloadShape } from './shape';

export interface SdkFingerprint {
	id: string;
	/** "Sensors Analytics SDK" */
	product: string;
	/**
	 * Who makes the SDK, as a public source names it (each fingerprint cites one). Not necessarily who receives the
	 * data: SDKs are often self-hosted, so the report's `company` stays the host's, and where no list names that, the
	 * destination's source says "made by" this.
	 */
	vendor: string;
	category: DestinationCategory;
	/** The evidence ("form fields crc+gzip+data_list") when the shape matches, else null. */
	match(shape: PayloadShape): string | null;
}
