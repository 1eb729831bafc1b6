/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// How much a finding matters: the one scale of the lint's findings, the project references' and the reader's
// problems, which the editor maps to its diagnostics' severities and the CLI to its exit status.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
