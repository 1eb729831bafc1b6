/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// Region names, from the partitions the SDKs ship (botocore `data/partitions.json`, the same file every SDK's
// endpoint resolver embeds; test/unit/regions.test.ts checks this copy against the installed JS SDK's and the AWS
// CLI's, so that updating either shows what changed): each partition has a pattern its regions follow and the regions it has today. A
// name that follows a pattern but is not listed may be a region newer than this list (info); one that follows
// none is a mistake the SDKs pass on to a host name that does not exist, or to a signature AWS rejects.
// The patterns are the partitions' own, written with lower-case letters only: a region in upper case would
// resolve (host names ignore case) but sign requests with the wrong scope.

export interface Partition {
	readonly id: string;
	readonly pattern: RegExp;
	readonly regions: readonly string[];
}

export const partitions: readonly Partition[] = [
	{
		id: 'aws',
		pattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$/,
		regions: [
			'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1',
			'ap-south-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
			'ap-southeast-6', 'ap-southeast-7', 'aws-global', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2',
			'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1',
			'me-central-1', 'me-south-1', 'me-west-1', 'mx-central-1', 'sa-east-1', 'sa-west-1', 'us-east-1', 'us-east-2',
			'us-west-1', 'us-west-2',
		],
	},
	{ id: 'aws-cn', pattern: /^cn-[a-z]+-\d+$/, regions: ['aws-cn-global', 'cn-north-1', 'cn-northwest-1'] },
	{ id: 'aws-us-gov', pattern: /^us-gov-[a-z]+-\d+$/, regions: ['aws-us-gov-global', 'us-gov-east-1', 'us-gov-west-1'] },
	{ id: 'aws-iso', pattern: /^us-iso-[a-z]+-\d+$/, regions: ['aws-iso-global', 'us-iso-east-1', 'us-iso-west-1'] },
	{ id: 'aws-iso-b', pattern: /^us-isob-[a-z]+-\d+$/, regions: ['aws-iso-b-global', 'us-isob-east-1', 'us-isob-west-1'] },
	{ id: 'aws-iso-e', pattern: /^eu-isoe-[a-z]+-\d+$/, regions: ['aws-iso-e-global', 'eu-isoe-west-1'] },
	{ id: 'aws-iso-f', pattern: /^us-isof-[a-z]+-\d+$/, regions: ['aws-iso-f-global', 'us-isof-east-1', 'us-isof-south-1'] },
	{ id: 'aws-eusc', pattern: /^eusc-de-[a-z]+-\d+$/, regions: ['eusc-de-east-1'] },
];

export const knownRegions: ReadonlySet<string> = new Set(partitions.flatMap((partition) => partition.regions));

export type RegionCheck =
	| { readonly kind: 'known' }
	/** Follows a partition's pattern, but this list does not have it (a new region, or `us-east-3`). */
	| { readonly kind: 'unknown'; readonly partition: string }
	| { readonly kind: 'invalid' };

export function checkRegion(name: string): RegionCheck {
	if (knownRegions.has(name)) {
		return { kind: 'known' };
	}
	const partition = partitions.find((candidate) => candidate.pattern.test(name));
	return partition ? { kind: 'unknown', partition: partition.id } : { kind: 'invalid' };
}
