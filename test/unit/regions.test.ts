/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// The region list of src/core/model/regions.ts against the partition data the installed peers ship: the JS SDK's
// (`@aws-sdk/core`, the endpoint resolver's partitions) must match it exactly, so that an SDK update that adds a
// region fails here until the list has it; the AWS CLI's (Debian's awscli, botocore `data/partitions.json`) may
// be older, so each of its regions must be in the list under the same partition.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkRegion, partitions } from '../../src/core/model/regions';

interface PartitionData {
	readonly partitions: readonly { readonly id: string; readonly regionRegex: string; readonly regions: Record<string, unknown> }[];
}

/** The JS SDK keeps its partitions in a module (`export const partitionsInfo = {...}`), not in a JSON file. */
function jsSdkPartitions(): PartitionData {
	const file = path.join(path.dirname(require.resolve('@aws-sdk/core/package.json')),
		'dist-es', 'submodules', 'client', 'util-endpoints', 'lib', 'aws', 'partitions.js');
	const text = readFileSync(file, 'utf8');
	return JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) as PartitionData;
}

const awsCliPartitionsFile = '/usr/lib/python3/dist-packages/awscli/botocore/data/partitions.json';

function regionsById(data: PartitionData): Map<string, string[]> {
	return new Map(data.partitions.map((partition) => [partition.id, Object.keys(partition.regions).sort()]));
}

describe('regions: the list against the partitions the SDKs ship', () => {
	const ours = new Map(partitions.map((partition) => [partition.id, [...partition.regions].sort()]));

	it('has exactly the JS SDK\'s partitions and regions', () => {
		assert.deepEqual(new Map([...ours].sort()), new Map([...regionsById(jsSdkPartitions())].sort()));
	});

	it('matches each of the JS SDK\'s regions with its partition\'s pattern, as the SDK\'s own pattern does', () => {
		for (const partition of jsSdkPartitions().partitions) {
			const sdkPattern = new RegExp(partition.regionRegex);
			const pattern = partitions.find((candidate) => candidate.id === partition.id)!.pattern;
			for (const region of Object.keys(partition.regions).filter((name) => sdkPattern.test(name))) {
				assert.ok(pattern.test(region), `${region} follows the ${partition.id} pattern`);
				assert.deepEqual(checkRegion(region), { kind: 'known' });
			}
		}
	});

	it('has every region of the installed AWS CLI, in the same partition', function () {
		if (!existsSync(awsCliPartitionsFile)) {
			this.skip();
		}
		const cli = regionsById(JSON.parse(readFileSync(awsCliPartitionsFile, 'utf8')) as PartitionData);
		for (const [id, regions] of cli) {
			for (const region of regions) {
				assert.ok(ours.get(id)?.includes(region), `${region} (${id}) is in the list`);
			}
		}
	});
});
