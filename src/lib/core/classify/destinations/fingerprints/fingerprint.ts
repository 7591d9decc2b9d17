/** An SDK recognised from the shape of what it sends, whatever host it sends it to. */
import type { DestinationCategory } from '../../../model';
import type { PayloadShape } from './shape';

export interface SdkFingerprint {
	id: string;
	/** "Sensors Analytics SDK" */
	product: string;
	/** Who makes the SDK (not necessarily who receives the data: SDKs are often self-hosted). */
	vendor: string;
	category: DestinationCategory;
	/** The evidence ("form fields crc+gzip+data_list") when the shape matches, else null. */
	match(shape: PayloadShape): string | null;
}
