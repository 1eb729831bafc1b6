/*---------------------------------------------------------------------------------------------
 *  AWS Profiles. MIT License.
 *--------------------------------------------------------------------------------------------*/

// What the docs point at: the pictures of the README and of the walkthrough's pages, and the commands of the
// walkthrough's buttons and the welcome view's links. The tests check that each one exists.

import * as path from 'node:path';

export interface WalkthroughStep {
	readonly id: string;
	readonly title: string;
	readonly description: string;
	readonly media: { readonly markdown?: string; readonly image?: string; readonly svg?: string };
	readonly completionEvents?: readonly string[];
}

export interface ContributingPackage {
	readonly icon?: string;
	readonly contributes: {
		readonly commands: readonly { readonly command: string; readonly title?: string; readonly category?: string; readonly icon?: string }[];
		readonly walkthroughs?: readonly { readonly id: string; readonly title: string; readonly steps: readonly WalkthroughStep[] }[];
		readonly viewsWelcome?: readonly { readonly contents: string }[];
		readonly viewsContainers?: Record<string, readonly { readonly icon?: string }[]>;
	};
}

/** The local pictures a Markdown text shows (`![alt](path)`, `<img src="path">`), relative to its folder; web addresses left out. */
export function localImages(markdown: string): string[] {
	const images = [
		...[...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]),
		...[...markdown.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map((match) => match[1]),
	];
	return images.filter((image) => !/^[a-z]+:/i.test(image));
}

/** The Markdown pages and pictures package.json names, relative to the extension's root. */
export function contributedMediaFiles(packageJson: ContributingPackage): string[] {
	const files: string[] = [];
	if (packageJson.icon) {
		files.push(packageJson.icon);
	}
	for (const containers of Object.values(packageJson.contributes.viewsContainers ?? {})) {
		files.push(...containers.flatMap((container) => container.icon ? [container.icon] : []));
	}
	for (const walkthrough of packageJson.contributes.walkthroughs ?? []) {
		for (const step of walkthrough.steps) {
			files.push(...[step.media.markdown, step.media.image, step.media.svg].filter((file): file is string => file !== undefined));
		}
	}
	return files.map((file) => path.normalize(file));
}

/** The commands run by `command:` links (walkthrough buttons, the welcome view), without their arguments. */
export function linkedCommands(packageJson: ContributingPackage): string[] {
	const texts = [
		...(packageJson.contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps.map((step) => step.description)),
		...(packageJson.contributes.viewsWelcome ?? []).map((welcome) => welcome.contents),
	];
	return [...new Set(texts.flatMap((text) => [...text.matchAll(/\(command:([\w.]+)/g)].map((match) => match[1])))];
}
