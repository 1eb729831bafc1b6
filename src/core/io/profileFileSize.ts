/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The largest config or credentials file the project reads or edits, and the words that refuse a larger one:
// one limit for the read path (profileFilesReader.ts) and the edit path (safeWrite.ts), so that no file can be
// edited that could not be read, nor the reverse.

/**
 * The largest file read or edited, in bytes: far more than any real config or credentials file (100,000 profiles
 * take 15 MB). A larger one is refused before it is read, rather than read whole into memory and parsed for seconds.
 */
export const maxProfileFileBytes = 64 * 1024 * 1024;

/** Why a file over the limit was refused, as a clause: "<path> was not ...: <reason>". */
export const tooLargeReason = `it is larger than ${maxProfileFileBytes / (1024 * 1024)} MB, far more than any AWS config or credentials file, so it was not read`;
