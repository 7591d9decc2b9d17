/** What a file picker offers for a capture: the formats the capture readers know, by extension and media type. */
export const CAPTURE_FILE_ACCEPT = '.har,.json,.txt,.gz,.zhar,.zip,.xml,.http,.curl,application/json,text/plain';
