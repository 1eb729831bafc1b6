/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The keys somebody reads, so that the unknown-key rule flags typos and not settings. Collected from the
// readers themselves: botocore `configprovider.py` and `credentials.py` (the AWS CLI, boto3), the AWS CLI's
// `topics/config-vars.rst` and `s3-config.rst`, the JavaScript SDK v3's config selectors and credential
// providers, and the SDKs' shared settings reference; plus what the common credential tools write and read
// back: aws-vault (`vault/config.go` ini tags), granted (`granted_sso_*`), saml2aws (`x_principal_arn`,
// `x_security_token_expires`), aws-mfa (`expiration`, `assumed_role_arn`), aws-sso-util (`sso_account_name`,
// `sso_auto_populated`), aws-azure-login (`azure_*`), aws-google-auth (`google_config.*`), the AWS Toolkit
// for Visual Studio (`toolkit_artifact_guid`). Keys are lower-case: the standard lower-cases them.

/** What a profile may hold, in either file. */
const profileKeys = [
	// Credentials.
	'aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'aws_security_token', 'aws_account_id',
	'aws_credential_scope', 'aws_expiration', 'credential_process', 'login_session',
	// Roles and web identity.
	'role_arn', 'source_profile', 'credential_source', 'role_session_name', 'external_id', 'mfa_serial',
	'duration_seconds', 'web_identity_token_file',
	// IAM Identity Center (SSO).
	'sso_session', 'sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name', 'sso_registration_scopes',
	// Where and how to call AWS.
	'region', 'output', 'ca_bundle', 'endpoint_url', 'ignore_configured_endpoint_urls', 'services',
	'use_dualstack_endpoint', 'use_fips_endpoint', 'sts_regional_endpoints', 'endpoint_discovery_enabled',
	'account_id_endpoint_mode', 'defaults_mode', 'retry_mode', 'max_attempts', 'parameter_validation',
	'tcp_keepalive', 'api_versions', 'data_path', 'sdk_ua_app_id', 'disable_request_compression',
	'request_min_compression_size_bytes', 'sigv4a_signing_region_set', 'auth_scheme_preference',
	'request_checksum_calculation', 'response_checksum_validation', 'disable_host_prefix_injection',
	'disable_clock_skew_correction', 'proxy_ca_bundle', 'proxy_client_cert', 'proxy_use_forwarding_for_https',
	// S3 settings written flat, and the `s3 =` block (its keys are below).
	's3', 's3_use_arn_region', 's3_us_east_1_regional_endpoint', 's3_disable_multiregion_access_points',
	's3_disable_express_session_auth',
	// The instance metadata service.
	'metadata_service_timeout', 'metadata_service_num_attempts', 'ec2_metadata_service_endpoint',
	'ec2_metadata_service_endpoint_mode', 'ec2_metadata_v1_disabled', 'imds_use_ipv6',
	// Client-side monitoring (botocore).
	'csm_enabled', 'csm_host', 'csm_port', 'csm_client_id',
	// The AWS CLI's own settings.
	'cli_pager', 'cli_auto_prompt', 'cli_binary_format', 'cli_error_format', 'cli_help_output', 'cli_history',
	'cli_timestamp_format', 'cli_follow_urlparam', 'emr',
	// aws-vault.
	'include_profile', 'parent_profile', 'mfa_process', 'session_tags', 'transitive_session_tags',
	'source_identity', 'web_identity_token_process',
	// granted, aws-sso-util, aws-mfa, the AWS Toolkit for Visual Studio.
	'common_fate_generated_from', 'sso_account_name', 'sso_auto_populated', 'expiration', 'assumed_role',
	'assumed_role_arn', 'toolkit_artifact_guid',
] as const;

/** Prefixes of whole families of keys that tools add: saml2aws's `x_`, granted's, aws-azure-login's, aws-google-auth's. */
const toolPrefixes: readonly string[] = ['x_', 'granted_', 'azure_', 'google_config.'];

/** What an `[sso-session name]` section may hold. */
const ssoSessionKeys = ['sso_start_url', 'sso_region', 'sso_registration_scopes'] as const;

/** The keys of an `s3 =` block, as the AWS CLI's `s3-config` topic and botocore's S3 settings list them. */
const s3Keys = [
	'max_concurrent_requests', 'max_queue_size', 'multipart_threshold', 'multipart_chunksize', 'max_bandwidth',
	'use_accelerate_endpoint', 'use_dualstack_endpoint', 'addressing_style', 'payload_signing_enabled',
	'preferred_transfer_client', 'target_bandwidth', 'io_chunksize', 'should_stream', 'disk_throughput',
	'direct_io', 'use_arn_region', 'us_east_1_regional_endpoint', 's3_disable_multiregion_access_points',
	'disable_s3_express_session_auth', 'signature_version',
] as const;

export const knownProfileKeys: ReadonlySet<string> = new Set(profileKeys);
export const knownSsoSessionKeys: ReadonlySet<string> = new Set(ssoSessionKeys);
export const knownS3Keys: ReadonlySet<string> = new Set(s3Keys);

export function isKnownProfileKey(key: string): boolean {
	return knownProfileKeys.has(key) || toolPrefixes.some((prefix) => key.startsWith(prefix));
}

/**
 * Sections the AWS CLI itself reads that are not profiles: `[plugins]` (CLI plugins and
 * `cli_legacy_plugin_path`) and `[preview]` (AWS CLI v1's preview commands). Their keys are the CLI's business.
 */
export const awsCliOwnSections: ReadonlySet<string> = new Set(['plugins', 'preview']);
