/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The core of AWS Profiles, in one place, as jsonc-parser's main.ts is: what the CLI uses of it, grouped by the
// folder that does the job. The core is pure (no `vscode`, no AWS SDK client) except `io/`.
//
// How a file becomes what the user sees:
//   text   -> ini/iniScanner.ts classifies lines, ini/rawProfileFile.ts parses them literally (parse.rs) and tells
//             a visitor as it goes (as jsonc-parser's visit)
//          -> readings/standardReader.ts, one such visitor, validates and merges them (normalize.rs): a ProfileSet
//          -> model/profileModel.ts: the profiles, made once
// beside which readings/awsCliReader.ts and readings/jsSdkReader.ts say how the AWS CLI and the JS SDK read the
// same texts (readings/reading.ts is their one shape). lint/ and references/ turn all of it into findings
// (findings/); editing/ plans changes as edits of the text, which io/ writes safely.
//
// The bundles loaded on demand import the modules they need directly, so that each holds only what it runs:
// the editor (its lint, references and edits through the entries of their own bundles, checks.ts and edits.ts;
// test/build/vsix.test.ts checks what activation loads) and the AWS layer (dist/aws.js).

// Text: offsets, line and column positions, edits as data.
export { createLineIndex } from './text/lineIndex';
export type { LineIndex } from './text/lineIndex';

// The three readings of the two files: the standard of the SDKs' suites, the AWS CLI's and the JS SDK's.
export { readAwsCli } from './readings/awsCliReader';
export type { ProfileSet } from './readings/profileSet';
export type { FileTexts, ReaderName, Reading, ReadingResult, ReadingSection } from './readings/reading';
export { readStandard, toReading } from './readings/standardReader';
export { platformOf, processFileLocations } from './readings/fileLocations';
export type { FileRole } from './readings/fileLocations';
export type { Platform } from './readings/fileLocations';

// The profiles as the extension sees them, made once from the standard reading.
export type { Clock } from './model/expiry';
export { Keys } from './model/profileKeys';
export { buildProfileModel } from './model/profileModel';
export type { ProfileEntry, ProfileModel } from './model/profileModel';
export { configuredEndpoint } from './model/serviceEndpoints';

// Profile operations planned as edits of the two files' text.
export type { EnvironmentCredentials } from './editing/environmentExport';
export { validateProperty } from './editing/names';
export { fileForNewProperty } from './editing/profileEdits';
export type { ProfileOperation } from './editing/profileEdits';

// What the checks report, the lint's and the project references' alike.
export type { Finding, RuleId } from './findings/finding';

// The lint of the two files: rules with ids, docs and severities.
export { lintProfileFiles } from './lint/lintFiles';
export { Severity } from './findings/severity';
export type { Finding as LintFinding } from './lint/rule';
export { ruleCatalog } from './lint/ruleCatalog';

// Profile references in project files (serverless.yml, up.json, zappa_settings.json, ...).
export { checkReferences } from './references/checkReferences';
export { deployToolReaderOf } from './references/deployToolReader';
export { legacySdkUsesOf } from './references/legacySdkUses';
export { setVariables } from './references/profileReference';
export { sharedFilesLookup } from './references/sharedFiles';
export type { ToolReadings } from './references/toolVisibility';

// IAM Identity Center and `aws login` sessions: sign-in targets, token cache entries, imports.
export { codeChallengeS256, createCodeVerifier, createState } from './sessions/pkce';
export { checkProfileNameTemplate, defaultProfileNameTemplate, importOperation, planSsoImport } from './sessions/ssoImport';
export type { ImportedProfile } from './sessions/ssoImport';
export { ssoLoginTargetForProfile, ssoLoginTargetForSession, ssoSignInFor } from './sessions/ssoLoginTarget';
export type { SsoLoginTarget, SsoSignIn } from './sessions/ssoLoginTarget';
export { cacheTimestamp, refreshAbility, tokenExpiresAt } from './sessions/ssoTokenCache';
export type { CachedSsoToken } from './sessions/ssoTokenCache';

// What Verify Profile checks before and after it calls AWS.
export { deployToolActions, deployTools } from './verify/deployTools';
export type { DeployTool } from './verify/deployTools';
export { missingProgramProblem, verifyPreflight } from './verify/verifyPreflight';
export type { PreflightProblem, VerifyPreflight } from './verify/verifyPreflight';

// What may be shown: masked values, paths as the user knows them, failures.
export { shownPath } from './display/displayPath';
export { kindLabel } from './display/profileDisplay';
export { displayName, displayValue, maskAccessKeyId, maskSecretsIn } from './display/secretMasking';
export { shownFailure } from './display/shownFailure';

// Node I/O: reads, the safe write, the SSO cache, folder scans.
export { applyProfileOperation, ProfileEditError } from './io/profileFileWriter';
export type { ApplyResult } from './io/profileFileWriter';
export { describeFileErrorCode, readProfileFileBytes } from './io/profileFilesReader';

export { readForEdit, SafeWriteError } from './io/safeWrite';
export type { EditableFile, WriteResult } from './io/safeWrite';
export { scanProjectFolder } from './io/scanFolder';
export type { ScannedFile } from './io/scanFolder';
export { readTokenFile, removeTokenFile, writeTokenFile } from './io/ssoTokenFile';
