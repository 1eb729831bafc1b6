/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The entry of the edits bundle (dist/edits.js): the safe edits of the two files, and the plan of the profiles an
// import from IAM Identity Center adds. The extension loads it on first use (src/ui/lazyBundles.ts), so that
// activating the extension never parses them. Everything the editor uses of them is named here.

export { applyProfileOperation } from './io/profileFileWriter';
export { importChoices, importOperation, importTexts, planSsoImport } from './sessions/ssoImport';
