/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The entry of the checks bundle (dist/checks.js): the lint of the two files and the project references, with
// the parsers they need (yaml, jsonc-parser, toml-eslint-parser) and the AWS CLI's reading. The extension loads
// it on first use (src/ui/lazyBundles.ts), as it loads the AWS SDK's, so that activating the extension never
// parses them. Everything the editor uses of them is named here.

export { readAwsCli } from './readings/awsCliReader';
export { ignoredSections } from './readings/ignoredSections';
export { knownProfileKeys, knownSsoSessionKeys } from './lint/knownKeys';
export { LintSession } from './lint/lintSession';
export { checkReferences, environmentText } from './references/checkReferences';
export { deployToolReaderOf } from './references/deployToolReader';
export { findProfileReferences } from './references/findReferences';
export { legacySdkUsesOf } from './references/legacySdkUses';
export { profileNamePlace } from './references/namePlace';
export { describePinPlace, isPinnableFile, planProfilePin } from './references/pinProfile';
export { setVariables } from './references/profileReference';
export { dotenvFilesBeside, readSharedFiles, terraformModuleFiles } from './io/scanFolder';
export { sharedFilesLookup } from './references/sharedFiles';
