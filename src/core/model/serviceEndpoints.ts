/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The endpoint a profile's calls to one AWS service go to, by the SDKs' "service-specific endpoints" rules:
// AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the profile's `[services x]` section, then the
// profile's `endpoint_url`; none at all when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's
// `ignore_configured_endpoint_urls` says so. The JavaScript SDK applies the file settings only to the profile
// named by AWS_PROFILE, not to a client's `profile` option, so verify resolves them itself.

import type { Environment } from '../readings/fileLocations';
import type { ProfileModel } from './profileModel';

export function configuredEndpoint(model: ProfileModel, profile: string, service: string, env: Environment): string | undefined {
	const entry = model.profiles.get(profile);
	const setting = (key: string) => entry?.section.properties.get(key)?.value;
	if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true' || setting('ignore_configured_endpoint_urls') === 'true') {
		return undefined;
	}
	const fromEnvironment = env[`AWS_ENDPOINT_URL_${service.toUpperCase().replace(/[- ]/g, '_')}`] || env.AWS_ENDPOINT_URL;
	if (fromEnvironment) {
		return fromEnvironment;
	}
	const servicesName = setting('services');
	const fromServices = servicesName === undefined
		? undefined
		: model.services.get(servicesName)?.properties.get(service.toLowerCase())?.subProperties?.get('endpoint_url');
	return fromServices || setting('endpoint_url') || undefined;
}
