/**
 * The `layers` of an exchange: codec ids along its richest decoded path, outermost first.
 * "Richest" is the layer that itself holds the most decoded values, so a URL found deep inside a
 * JSON event does not outrank the JSON event that carried it. The walk is in shared/richest-layer.ts,
 * which the detail pane also uses to find each layer's node.
 */
import type { DecodedNode } from '../model';
import { richestLayer } from '../shared/richest-layer';

export function richestLayers(roots: readonly DecodedNode[]): string[] {
	return richestLayer(roots).chain;
}
