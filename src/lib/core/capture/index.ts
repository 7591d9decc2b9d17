/** The capture readers' public surface. */
export { readCapture, type CaptureInput } from './sniff';
export { readCaptureStream, type StreamOptions, type ByteSource } from './stream';
export { PartialCaptureError, isPartialCaptureError } from './capture-error';
export { formatOfText, wrapperOf, SNIFF_BYTES } from './formats';
